"""Country names and codes as users type them (English or Russian) to ISO 3166 alpha-2.

The gateway uses `parse_country` to recognise a country column by its values; the worker
reads a row's country cell with `parse_country_cell`, which also knows every country's
name in the languages pycountry translates (a CRM export from Brazil writes `Brasil`,
one from the Emirates `الإمارات`). Text on pages and in search results is read with
`parse_country` only.
"""

from __future__ import annotations

import gettext
import os
import re
import unicodedata
from functools import cache

import pycountry

# Everyday names the ISO names do not cover, in both languages.
_ALIASES: dict[str, str] = {
    "usa": "US", "us": "US", "u s a": "US", "u s": "US", "america": "US",
    "united states of america": "US", "the united states": "US", "uk": "GB", "u k": "GB",
    "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "russia": "RU", "south korea": "KR",
    "korea": "KR", "north korea": "KP", "iran": "IR", "syria": "SY", "vietnam": "VN",
    "laos": "LA", "moldova": "MD", "tanzania": "TZ", "venezuela": "VE", "bolivia": "BO",
    "taiwan": "TW", "czech republic": "CZ", "holland": "NL", "the netherlands": "NL",
    "uae": "AE", "emirates": "AE", "turkey": "TR", "ivory coast": "CI", "macedonia": "MK",
    "palestine": "PS", "vatican": "VA", "brunei": "BN", "cape verde": "CV",
    "swaziland": "SZ", "burma": "MM", "hong kong": "HK", "macau": "MO", "kosovo": "XK",
    "россия": "RU", "рф": "RU", "российская федерация": "RU", "сша": "US",
    "америка": "US", "соединенные штаты": "US", "англия": "GB", "великобритания": "GB",
    "британия": "GB", "соединенное королевство": "GB", "оаэ": "AE", "эмираты": "AE",
    "корея": "KR", "южная корея": "KR", "северная корея": "KP", "кндр": "KP",
    "чехия": "CZ", "голландия": "NL", "молдавия": "MD", "белоруссия": "BY", "киргизия": "KG",
    "киргизстан": "KG", "тайвань": "TW", "гонконг": "HK", "иран": "IR", "сирия": "SY",
    "вьетнам": "VN", "турция": "TR", "казахстан": "KZ", "узбекистан": "UZ",
}  # fmt: skip
# ISO 3166-1 alpha-2 codes that are also everyday words; alone they are not a country.
_AMBIGUOUS_CODES = frozenset({"in", "it", "is", "no", "be", "to", "me", "am", "as", "at", "by"})
# Names people search by, where ISO's differs; Kosovo's code is user-assigned.
_EXTRA_NAMES = {"XK": "Kosovo", "RU": "Russia", "BO": "Bolivia", "VE": "Venezuela"}


def _fold(text: str) -> str:
    """Lower case, no accents, `ё` as `е`, punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # NFKD splits `й` into `и` + breve; put it back.
    plain = unicodedata.normalize("NFC", plain.replace("и\u0306", "й"))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


@cache
def _table() -> dict[str, str]:
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names = [country.name, country.alpha_3]
        names += [getattr(country, key, "") for key in ("common_name", "official_name")]
        for name in [n for n in names if n]:
            table.setdefault(_fold(name), code)
            table.setdefault(_fold(russian.gettext(name)), code)
        # "Korea, Republic of" is also written "Republic of Korea".
        if ", " in country.name:
            head, tail = country.name.split(", ", 1)
            table.setdefault(_fold(f"{tail} {head}"), code)
        table.setdefault(code.casefold(), code)
    for alias, code in _ALIASES.items():
        table[_fold(alias)] = code
    return table


def parse_country(value: str) -> str | None:
    """ISO alpha-2 code of a country name or code (`Germany`, `DEU`, `de`, `Германия`)."""
    key = _fold(value)
    if not key:
        return None
    if len(key) == 2 and key in _AMBIGUOUS_CODES and value.strip() != value.strip().upper():
        return None
    return _table().get(key)


# Scripts written without spaces between words: a shorter name is the name's first
# letters (`မြန်မာ` of `မြန်မာနိုင်ငံ`, the country's name before the word for country).
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u4e00-\u9fff]")
# A shorter form is at least this long (folded letters), so a word's first letters
# (`ind`) are not taken for one country.
_MIN_SHORT = 4


def _key(text: str) -> str:
    """A country cell's key in any script: `_fold`'s for Latin, Greek and Cyrillic names
    (no accents), else case-folded with the vowel signs kept, which the Indic and
    Southeast Asian scripts write as marks (`မြန်မာ`, `இலங்கை`), and without the
    zero-width joiners that only shape letters (`ශ්‍රී`)."""
    text = unicodedata.normalize("NFC", text.casefold().replace("\u200d", "").replace("\u200c", ""))
    if all(ch < "\u0590" for ch in text):
        return _fold(text)
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in text)
    return " ".join(kept.split())


def _languages() -> list[str]:
    """The languages pycountry translates country names into (about 150)."""
    root = pycountry.LOCALES_DIR
    return [
        entry
        for entry in sorted(os.listdir(root))
        if os.path.exists(os.path.join(root, entry, "LC_MESSAGES", "iso3166-1.mo"))
    ]


def _unique(pairs: list[tuple[str, str]], taken: dict[str, str]) -> dict[str, str]:
    """Keys naming one country only, and not already known as a name of another."""
    codes: dict[str, set[str]] = {}
    for key, code in pairs:
        if key and key not in taken:
            codes.setdefault(key, set()).add(code)
    return {key: next(iter(found)) for key, found in codes.items() if len(found) == 1}


def _shorter(name: str) -> list[str]:
    """The leading forms of a name people write for it: its first words (`الإمارات` of
    `الإمارات العربية المتحدة`), or in a script without spaces its first letters."""
    words = name.split()
    if len(words) > 1:
        return [" ".join(words[:size]) for size in range(1, len(words))]
    if _UNSPACED.search(name):
        return [name[:size] for size in range(_MIN_SHORT, len(name))]
    return []


@cache
def _local_table() -> dict[str, str]:
    """Country names in every language pycountry knows (`Brasil`, `Қазақстан`, `இலங்கை`),
    then the first words of those names that belong to one country only."""
    names: list[tuple[str, str]] = []
    for language in _languages():
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [language])
        for country in pycountry.countries:
            for key in ("name", "common_name", "official_name"):
                english = getattr(country, key, "")
                if english:
                    names.append((translation.gettext(english), country.alpha_2))
    table = _table()
    local = _unique([(_key(name), code) for name, code in names], table)
    known = {**table, **local}
    short = [
        (form, code)
        for name, code in names
        for form in _shorter(_key(name))
        if len(form.replace(" ", "")) >= _MIN_SHORT
    ]
    # A leading form shared by several countries (`united`, `south`) is none of them.
    return {**local, **_unique(short, known)}


def parse_country_cell(value: str) -> str | None:
    """ISO alpha-2 code of a row's country cell: as `parse_country`, and also the
    country's name in its own or any other language pycountry translates (`Brasil`,
    `Türkiye`, `الإمارات`, `မြန်မာ`), for a cell of a country column only. Free text is
    read with `parse_country`: in every language's names, words such as `Island` (German
    for Iceland) would place text in countries it does not name."""
    code = parse_country(value)
    if code is not None:
        return code
    key = _key(value)
    return _local_table().get(key) if key else None


def country_name(code: str) -> str:
    """English short name of an alpha-2 code, for queries and prompts."""
    if code in _EXTRA_NAMES:
        return _EXTRA_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@cache
def _subdivisions() -> dict[str, frozenset[str]]:
    """Folded ISO 3166-2 names (states, provinces, regions) to the countries having one
    so named (`Córdoba` is in Argentina, Colombia and Spain)."""
    table: dict[str, set[str]] = {}
    for division in pycountry.subdivisions:
        key = _fold(division.name)
        if len(key) >= 4:
            table.setdefault(key, set()).add(division.country_code)
    return {key: frozenset(codes) for key, codes in table.items()}


def subdivision_countries(name: str) -> frozenset[str]:
    """Countries with a state, province or region of this name (`Massachusetts` -> US)."""
    return _subdivisions().get(_fold(name), frozenset())
