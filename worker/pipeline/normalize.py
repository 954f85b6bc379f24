"""Stage 1: names and websites normalized, and in-session duplicates found.

Runs once per session at planning time, over every row, so duplicates across chunks are
found too: a later row with the same registered domain (or, without a website, the same
name key) points at the first occurrence instead of being looked up again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

import tldextract

from shared.rows import InputRow, PlannedRow

# The bundled public-suffix snapshot: no network access, ever.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
_SPACES = re.compile(r"\s+")


def clean_text(value: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip()


def name_key(name: str) -> str:
    """Case- and punctuation-insensitive key of a company name."""
    text = clean_text(name).casefold()
    return " ".join(re.findall(r"\w+", text))


def registered_domain(website: str | None) -> str | None:
    """`https://www.ea.com/en-gb` -> `ea.com`; None when there is no usable host."""
    if not website:
        return None
    extracted = _EXTRACT(clean_text(website).lower())
    if extracted.domain and extracted.suffix:
        return f"{extracted.domain}.{extracted.suffix}"
    if extracted.domain and re.fullmatch(r"[\d.]+", extracted.domain):
        return extracted.domain  # a bare IP address
    return None


def plan_rows(rows: Iterable[InputRow]) -> Iterator[PlannedRow]:
    first_by_key: dict[str, int] = {}
    for row in rows:
        name = clean_text(row.name)
        domain = registered_domain(row.website)
        key = name_key(name)
        identity = f"domain:{domain}" if domain else f"name:{key}"
        duplicate_of = first_by_key.setdefault(identity, row.row)
        yield PlannedRow(
            row=row.row,
            name=name,
            website=clean_text(row.website) if row.website else None,
            original=row.original,
            name_key=key,
            domain=domain,
            duplicate_of=None if duplicate_of == row.row else duplicate_of,
        )
