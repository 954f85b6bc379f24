"""Columns that say more about each company: country, city, region, industry.

A column is recognised by its header (English and Russian, common variants such as
`HQ country` or `Страна регистрации`, and the words of other languages' exports: `Land`,
`Stadt`, `Branche`, `País`, `Ciudad`, `Miasto`, `Şehir`, ...) or, for countries, by its
values: names in English or Russian and ISO 3166 codes. The worker uses these cells in
searches, in choosing between same-name candidates, and in model prompts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shared.countries import parse_country
from shared.rows import FACT_ROLES

_EXACT: dict[str, frozenset[str]] = {
    "country": frozenset({
        "country", "hq country", "country name", "country code", "country iso", "iso country",
        "headquarters country", "company country", "location country", "nation", "land",
        "страна", "страна регистрации", "страна компании", "государство", "код страны",
        "country region", "country/region",
        "pays", "país", "pais", "paese", "nazione", "kraj", "země", "ülke", "ulke", "negara",
        "quốc gia", "країна", "staat", "herkunftsland", "landcode", "código país",
    }),
    "city": frozenset({
        "city", "town", "hq city", "headquarters city", "company city", "location city",
        "locality", "city town", "город", "населенный пункт", "населённый пункт",
        "город компании", "нас пункт",
        "stadt", "ort", "ville", "ciudad", "cidade", "città", "citta", "miasto",
        "miejscowość", "město", "şehir", "sehir", "kota", "thành phố", "місто",
        "plaats", "woonplaats", "localidad", "localidade", "município", "municipio",
    }),
    "region": frozenset({
        "region", "state", "province", "state province", "county", "hq state", "prefecture",
        "territory", "регион", "область", "край", "субъект", "субъект рф", "штат",
        "республика", "округ",
    }),
    "industry": frozenset({
        "industry", "sector", "vertical", "segment", "category", "industry sector",
        "business type", "line of business", "niche", "отрасль", "сфера", "индустрия",
        "сфера деятельности", "вид деятельности", "направление", "сегмент", "категория",
        "основной оквэд", "оквэд",
        "branche", "wirtschaftszweig", "secteur", "secteur d'activité", "setor", "settore",
        "sector de actividad", "ramo", "branża", "branza", "obor", "sektör", "sektor",
        "industri", "bidang usaha", "ngành", "ngành nghề", "галузь", "sector económico",
    }),
}  # fmt: skip
# Word beginnings that mark a role inside a longer header ("Billing Country", "Город (HQ)").
_STEMS: dict[str, tuple[str, ...]] = {
    "country": ("country", "countries", "стран"),
    "city": ("city", "cities", "город"),
    "region": ("region", "province", "регион", "област"),
    "industry": ("industr", "sector", "vertical", "отрасл", "индустр"),
}
# Headers about a person or a contact detail, not about the company: "Country Manager",
# "City phone", "Менеджер региона".
_NOT_ABOUT_COMPANY = (
    "manager", "owner", "rep", "contact", "email", "e mail", "phone", "tel", "менеджер",
    "ответствен", "телефон", "контакт", "почта",
)  # fmt: skip
# Share of a sample's filled cells that must read as countries for a column to be one.
COUNTRY_VALUE_SHARE = 0.6


def _label(cell: str) -> str:
    return " ".join(re.sub(r"[_\-.:/()\[\]]+", " ", cell.casefold()).split())


def header_role(cell: str) -> str | None:
    """The role a header cell names, or None."""
    label = _label(cell)
    if not label:
        return None
    for role in FACT_ROLES:
        if label in _EXACT[role]:
            return role
    words = label.split()
    if any(word.startswith(stop) for word in words for stop in _NOT_ABOUT_COMPANY):
        return None
    for role in FACT_ROLES:
        if any(word.startswith(stem) for word in words for stem in _STEMS[role]):
            return role
    return None


def is_country_column(values: Sequence[str]) -> bool:
    filled = [value for value in values if value]
    if len(filled) < 2:
        return False
    known = sum(1 for value in filled if parse_country(value))
    return known >= COUNTRY_VALUE_SHARE * len(filled)


def detect_fact_columns(
    header: Sequence[str] | None, sample: Sequence[Sequence[str]], taken: set[int]
) -> dict[str, int]:
    """Role -> column index. Headers decide first; a country column without a known
    header is found by its values. Columns in `taken` (name, website) are never used."""
    found: dict[str, int] = {}
    if header is not None:
        for index, cell in enumerate(header):
            role = header_role(cell)
            if index not in taken and role is not None and role not in found:
                found[role] = index
    if "country" not in found:
        width = max((len(row) for row in sample), default=0)
        for index in range(width):
            if index in taken or index in found.values():
                continue
            if is_country_column([row[index] if index < len(row) else "" for row in sample]):
                found["country"] = index
                break
    return found
