"""The searches run to find a company's website from its name and the row's place.

The place (city, country) goes after the usual words, so a search without a place is
unchanged. A name written in one script is also searched in the other when the company
may well spell it so: a Cyrillic name always (most such companies also have a Latin
name), a Latin name when the row's country writes in Cyrillic. The other spelling leaves
out legal forms and quotes ("ООО «Ромашка»" -> "romashka"); case does not matter to
search engines. A Latin name of a company in Kazakhstan written with the 2021 Kazakh
alphabet's letters (`Saryarqa`) is also searched in Kazakh Cyrillic; a Japanese or
Chinese name is also searched by its reading (`北斗精工` as `hokuto seiko`). A Latin name of
a company whose country writes in another script is also searched as one word, as its
domain spells it (`hokutoseiko`): a site written only in kanji or Cyrillic carries its
Latin name nowhere else. Names in Korean, Greek, Arabic, Hebrew, Thai and Devanagari
letters, and informal Latin spellings of Russian names, get their other readings from
`shared.other_scripts` and `shared.informal_cyrillic` (see docs/pipeline.md).
"""

from __future__ import annotations

import re

from shared import other_scripts, translated_names
from shared.company_keys import name_key, plain_name
from shared.informal_cyrillic import informal_readings
from shared.national_spellers import cyrillic_spelling, uzbek_cyrillic
from shared.romanisation import has_cjk, search_reading
from shared.script_spellers import native_spelling
from shared.transliteration import (
    has_cyrillic,
    has_latin,
    other_script,
    plain_letters,
    to_kazakh,
    to_ukrainian,
)
from worker.pipeline.row_place import RowPlace

# Countries whose companies commonly write their names in Cyrillic.
CYRILLIC_COUNTRIES = frozenset({"RU", "BY", "UA", "KZ", "KG", "TJ", "BG", "RS", "MK", "MN"})
# Countries whose companies commonly write their names in Chinese characters or kana.
CJK_COUNTRIES = frozenset({"JP", "CN", "TW", "HK", "MO"})


def website_queries(name: str, place: RowPlace | None = None) -> list[str]:
    where = place.query_terms() if place else ""
    names = [name]
    # Legal forms and quotes ("ООО «Ромашка»") are no part of the name in the other script.
    other = other_script(name_key(name))
    if other and (has_cyrillic(name) or (place and place.country in CYRILLIC_COUNTRIES)):
        names.append(other)
    if place and place.country == "UA" and has_latin(name) and not has_cyrillic(name):
        # Ukrainian spells `i`, `y` and `h` with its own letters (`Дністер`, not `Днистер`).
        ukrainian = to_ukrainian(name_key(name))
        if ukrainian not in names:
            names.append(ukrainian)
    names += [each for each in _other_readings(name, place) if each not in names]
    queries = [" ".join(filter(None, (f'"{each}" official website', where))) for each in names]
    if where and not has_latin(name) and not name.isascii():
        # The place is written in Latin letters, which a site in the name's own script
        # need not write anywhere (`대전` for Daejeon): the name alone is searched too.
        queries.append(f'"{plain_name(name)}" official website')
    queries += [f'"{each}" official website' for each in _domain_forms(name, place)]
    trade = other_scripts.trade_reading(name_key(name))
    if trade:
        queries.append(" ".join(filter(None, (trade, where))))
    return queries


def _other_readings(name: str, place: RowPlace | None) -> list[str]:
    country = place.country if place else None
    key = name_key(name)
    if has_cjk(key):
        reading = search_reading(key, None if country is None else country == "JP")
        return [reading] if reading else []
    if other_scripts.script_of(key):
        # `누리바이오` as `nuri bio`: the reading, and the one with its trade in English.
        return other_scripts.search_readings(key)
    found = []
    if country in CYRILLIC_COUNTRIES and key.isascii():
        # `Jemchujina Yuga`: `j` read as `ж`, the soft sign put back, respelled.
        found += informal_readings(key)
    national = cyrillic_spelling(key, country) or uzbek_cyrillic(name, country)
    if national:
        # `Tenger Lojistik` as `тэнгэр ложистик`, `Braslavsky Tekstil` as `браслаўскі
        # тэкстыль`: Mongolian and Belarusian spell Latin letters their own way; Uzbek
        # writes its Latin letters in its Cyrillic ones (`Fargʻona Meva` фарғона мева).
        found.append(national)
    if country == "KZ":
        kazakh = to_kazakh(key)
        if kazakh:
            found.append(kazakh)
    native = native_spelling(key, country)
    if native:
        # `Bazaleti Samsheneblo` as `ბაზალეთი სამშენებლო`: a site in Georgian or Armenian
        # letters writes its name in them only.
        found.append(native)
    other_script_country = country in CJK_COUNTRIES or country in CYRILLIC_COUNTRIES
    if other_script_country and len(key.split()) > 1 and has_latin(key):
        squashed = plain_letters(key.replace(" ", ""))
        found.append(squashed)
        short = _LONG_VOWELS.sub(lambda m: m.group(0)[0], squashed)
        if country == "JP" and short != squashed:
            found.append(short)  # `Futaba Unsou` on futabaunso.jp
    return found


# Japanese long vowels as domains write them (`ou`, `uu`, `oo` as one vowel).
_LONG_VOWELS = re.compile(r"ou|uu|oo")


def _domain_forms(name: str, place: RowPlace | None) -> list[str]:
    """A Latin name of a company in Korea, Greece, the Arab countries, Israel, Thailand or
    India as its domain likely spells it (`bareunfoods`, `alshorouk trading`), searched
    without the place: a site in its own script writes neither in Latin letters, and
    engines index its address."""
    key = name_key(name)
    if not (place and place.country in other_scripts.COUNTRIES) or not key.isascii():
        return []
    words = key.split()
    if len(words) < 2:
        return []
    # The name as words, without its legal form and the place (`shivam engineering` on
    # shivam-engineering.in), and as one word.
    forms = [" ".join(words), "".join(words)]
    if len(words) > 2:
        # A brand of two words is joined in its domain (`Al Shorouk` as `alshorouk`, `Ban
        # Suan` as `bansuan`), and the Arabic article is spelled either way (`El Hoda` on
        # alhoda-engineering.ae).
        forms.append(" ".join([words[0] + words[1], *words[2:]]))
        if words[0] in ("al", "el"):
            other = "el" if words[0] == "al" else "al"
            forms.append(" ".join([other + words[1], *words[2:]]))
    return forms


def plain_query(name: str, place: RowPlace | None = None) -> str | None:
    """The search without the name's legal form and quotes (`"Peñalba S.L."` ->
    `"Peñalba"`), for when the name as written finds nothing: sites seldom write their
    legal form, and an engine asked for it in quotes may then miss them."""
    plain = plain_name(name)
    if plain == name.strip():
        return None
    where = place.query_terms() if place else ""
    return " ".join(filter(None, (f'"{plain}" official website', where)))


# The shortest first word searched alone: shorter ones are articles and initials (`The`,
# `AB`), not brands.
_MIN_BRAND = 4


def brand_query(name: str, place: RowPlace | None = None) -> str | None:
    """The first word of a Latin name alone (`"aozora"` for Aozora Metal Works), for a
    company in a country of another script when its whole name finds nothing: its site
    writes the Latin name only in a mark (a logo's `alt`, `og:site_name`, structured
    data), which engines index less than its address (`aozora-mw.jp`). A name's brand
    comes first; candidates are then judged on the whole name as always."""
    country = place.country if place else None
    if country not in CJK_COUNTRIES | CYRILLIC_COUNTRIES | other_scripts.COUNTRIES:
        return None
    words = plain_name(name).split()
    if len(words) < 2 or not name.isascii() or not words[0].isalpha():
        return None
    if len(words[0]) < _MIN_BRAND:
        return None
    where = place.query_terms() if place else ""
    return " ".join(filter(None, (f'"{words[0]}" official website', where)))


def translated_queries(name: str, place: RowPlace | None = None) -> list[str]:
    """A Latin name with an English trade word (`Terelj Tours`), of a company in a country
    of another language, as that language's companies write such a name: its brand spelled
    in the language's letters where a spelling is known, or as typed, with the trade word
    in the language (`тэрэлж аялал`), and the same in Latin letters as its domain may spell
    it (`terelj ayalal`). Unquoted and without the place: which of the trade's words the
    company chose is a guess, and the results are judged on the whole name as always
    (`shared.translated_names`)."""
    country = place.country if place else None
    return translated_names.search_forms(name, country)
