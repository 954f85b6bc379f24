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
from cleanco import basename

from shared.rows import InputRow, PlannedRow

# The bundled public-suffix snapshot: no network access, ever.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
_SPACES = re.compile(r"\s+")
# Russian legal forms come first ("ООО Ромашка"); cleanco only knows trailing ones.
_LEADING_LEGAL_FORM = re.compile(r"^(?:ооо|оао|зао|пао|ао|ип|нко)\s+", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def clean_text(value: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip()


def name_key(name: str) -> str:
    """Case-, punctuation- and legal-suffix-insensitive key of a company name.

    `Acme, Inc.` and `ACME` share a key; a name that is nothing but a legal form keeps it.
    """
    text = _LEADING_LEGAL_FORM.sub("", clean_text(name))
    for _ in range(3):  # "Capcom Co., Ltd." carries two legal forms
        stripped = basename(text).strip(" ,.")
        if not stripped or stripped == text:
            break
        text = stripped
    words = re.findall(r"\w+", text.casefold())
    return " ".join(words) or " ".join(re.findall(r"\w+", clean_text(name).casefold()))


def website_url(website: str | None) -> str | None:
    """A fetchable URL for a website as users type it (`adidas.com` -> `https://adidas.com`)."""
    if not website:
        return None
    text = clean_text(website)
    if not text:
        return None
    if text.startswith("//"):
        text = text[2:]
    return text if _SCHEME.match(text) else f"https://{text}"


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
