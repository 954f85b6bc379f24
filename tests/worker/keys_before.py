"""The company keys and the dedupe pass as they were written before their fast paths:
every step on the text, cleanco's own `basename`, `urlsplit` for a website's path, each
fact cell keyed anew. The tests hold the current code to these answers, input by input."""

from __future__ import annotations

from urllib.parse import urlsplit

from cleanco import basename as cleanco_basename

from shared.company_keys import (
    _LEADING_LEGAL_FORM,
    _MORE_FORM_ENDS,
    _MORE_TRAILING_FORM,
    _WORDS,
    _cut_in_word,
    _folded,
    clean_text,
    place_key,
    registered_domain,
)
from shared.countries import parse_country_cell
from worker.dedupe import _INDUSTRY_CELL, _is_short_code, identity_digest


def without_forms(text: str) -> str:
    stripped: str = cleanco_basename(text).strip(" ,.")
    if not stripped or stripped.rsplit(None, 1)[-1].casefold() not in _MORE_FORM_ENDS:
        return stripped
    return _MORE_TRAILING_FORM.sub("", stripped).strip(" ,.") or stripped


def name_key(name: str) -> str:
    text = _LEADING_LEGAL_FORM.sub("", clean_text(name))
    for _ in range(3):
        stripped = without_forms(text)
        if not stripped or stripped == text or _cut_in_word(text, stripped):
            break
        text = stripped
    words = _WORDS.findall(_folded(text))
    return " ".join(words) or " ".join(_WORDS.findall(_folded(clean_text(name))))


def website_path(text: str) -> str:
    return urlsplit(text if "//" in text else f"//{text}").path


def page_of(website: str) -> str:
    path = website_path(website.strip()).rstrip("/")
    return path if _is_short_code(path) else ""


class DeduperBefore:
    def __init__(self) -> None:
        self._first_by_key: dict[int, int] = {}

    def plan(
        self, row: int, name: str, website: str | None, facts: dict[str, str]
    ) -> tuple[str, str | None, str, str | None, int | None]:
        name = clean_text(name)
        domain = registered_domain(website)
        key = name_key(name)
        if domain:
            identity = identity_digest(f"domain:{domain}{page_of(website or '')}")
            duplicate_of = self._first_by_key.setdefault(identity, row)
        else:
            duplicate_of = self._first_of_name(key, row, facts)
        return (
            name,
            clean_text(website) if website else None,
            key,
            domain,
            None if duplicate_of == row else duplicate_of,
        )

    def _first_of_name(self, key: str, row: int, facts: dict[str, str]) -> int:
        country = parse_country_cell(facts.get("country", ""))
        named = f"name:{key}@{country or ''}"
        first_of_country = self._first_by_key.setdefault(identity_digest(named), row)
        city = place_key(facts.get("city", ""))
        region = place_key(facts.get("region", ""))
        industry = place_key(facts.get("industry", "")[:_INDUSTRY_CELL])
        if not (city or region or industry):
            return first_of_country
        where = f"{named}@{region}/{city}#{industry}"
        return self._first_by_key.setdefault(identity_digest(where), row)
