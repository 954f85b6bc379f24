"""Country names and codes as users type them (English or Russian) to ISO 3166 alpha-2.

The gateway uses `parse_country` to recognise a country column by its values; the worker
uses it to read a row's country. Both see the same countries.
"""

from __future__ import annotations

import gettext
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
