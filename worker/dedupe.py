"""In-session dedupe, decided once per session at planning time over every row.

Duplicates across chunks are found too: a later row with the same registered domain (or,
without a website, the same name key) points at the first occurrence instead of being
looked up again. The keys come from `shared.company_keys`, as in the upload summary.
Two rows of one name in different countries (by the row's country column) are two
companies, not duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from hashlib import blake2b

from shared.company_keys import clean_text, name_key, registered_domain
from shared.countries import parse_country
from shared.rows import InputRow, PlannedRow


def identity_digest(identity: str) -> int:
    """64 bits of the key: a million keys as strings would hold ~150 MB; as these, ~70 MB.
    Deterministic (unlike `hash`), so two planners of one session agree."""
    return int.from_bytes(blake2b(identity.encode(), digest_size=8).digest(), "big")


def plan_rows(rows: Iterable[InputRow]) -> Iterator[PlannedRow]:
    first_by_key: dict[int, int] = {}
    for row in rows:
        name = clean_text(row.name)
        domain = registered_domain(row.website)
        key = name_key(name)
        country = parse_country(row.facts.get("country", ""))
        identity = f"domain:{domain}" if domain else f"name:{key}@{country or ''}"
        duplicate_of = first_by_key.setdefault(identity_digest(identity), row.row)
        yield PlannedRow(
            row=row.row,
            name=name,
            website=clean_text(row.website) if row.website else None,
            original=row.original,
            facts=row.facts,
            name_key=key,
            domain=domain,
            duplicate_of=None if duplicate_of == row.row else duplicate_of,
        )
