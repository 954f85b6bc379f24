"""A tenant's recent findings, by registered domain (or by name and country), for reuse.

A `CacheEntry` is one finished `ok` row's findings, when they were found, and the keys it
answers: `tenants/<tenant>/cache/domains/<domain>.json` or
`.../names/<country>/<digest>.json` (names only: entries are stored a chunk at a time in
blocks, `shared/cache_blocks.py`). Every stored entry is a valid answer, and the newest one
of a key wins, so concurrent writers need no coordination. Entries are never shared across
tenants: the tenant is part of every key and of the folder its blocks are in.

Findings depend on the session's context (descriptions and deep-search answers are written
for it) and custom fields, so an entry is reused only by a session with the same
`profile`.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from shared.company_keys import registered_domain
from shared.layout import cache_domain_key, cache_name_key
from shared.models import Record, SessionOptions
from shared.rows import PlannedRow, ResultRow, RowStatus, StepStatus

# Headers (compared lower-cased, without spaces, dashes and underscores) of a country column.
COUNTRY_HEADERS = frozenset({"country", "countrycode", "страна", "land", "pays", "país", "pais"})
_SAFE_DOMAIN = re.compile(r"^[a-z0-9.-]{1,253}$")
_SEPARATORS = re.compile(r"[\s_-]+")
# Fields that belong to the row or to one session's HubSpot work, never to the company.
_PER_ROW: dict[str, Any] = {
    "row": 0,
    "original": {},
    "duplicate_of": None,
    "hubspot_company_id": "",
    "hubspot_status": "",
    "attempts": 1,
    "last_attempt_at": "",
    "cached_at": "",
}


class CacheEntry(Record):
    version: Literal[2] = 2
    keys: list[str]
    profile: str
    cached_at: datetime
    session_id: str
    result: dict[str, Any]


def profile_of(options: SessionOptions, context_text: str) -> str | None:
    """What findings depend on besides the company; None when the session uses no cache
    (turned off, or qualifying against criteria, whose answers are the session's own)."""
    if not options.use_cache or options.qualification is not None:
        return None
    basis = f"{options.run_llm_deep_search_pipeline}\n{context_text.strip()}"
    if options.custom_fields:
        # Each session's fields are answered for it: an entry found without them (or
        # with others) would leave this session's field columns empty.
        fields = [spec.model_dump(mode="json") for spec in options.custom_fields]
        basis += "\n" + json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(basis.encode()).hexdigest()[:24]


def country_of(original: dict[str, str]) -> str:
    for header, value in original.items():
        if _SEPARATORS.sub("", header.strip().lower()) in COUNTRY_HEADERS:
            slug = _SEPARATORS.sub("-", value.strip().lower())
            return "".join(ch for ch in slug if ch.isalnum() or ch == "-")[:60]
    return ""


def domain_key(tenant: str, domain: str | None) -> str | None:
    if not domain or not _SAFE_DOMAIN.match(domain):
        return None
    return cache_domain_key(tenant, domain)


def entry_keys(tenant: str, row: PlannedRow) -> list[str]:
    """Where a row's findings are looked up: its domain, else its name and country."""
    if row.domain:
        key = domain_key(tenant, row.domain)
        return [key] if key else []
    if not row.name_key:
        return []
    digest = hashlib.sha256(row.name_key.encode()).hexdigest()[:32]
    return [cache_name_key(tenant, country_of(row.original), digest)]


def storable(result: ResultRow) -> bool:
    """Only rows that found the company are kept: failures are never reused, nor is a row
    a model or search outage left short (an extractive description in place of the
    model's, deep search or custom fields not answered), which a later session would
    otherwise be served for the cache's whole lifetime."""
    return (
        result.row_status is RowStatus.OK
        and not result.cached_at
        and not result.outage
        and not result.deep_search_status.startswith(StepStatus.failed(""))
    )


def new_entry(
    result: ResultRow, keys: list[str], profile: str, session_id: str, now: datetime
) -> CacheEntry:
    findings = result.model_copy(update=_PER_ROW)
    return CacheEntry(
        keys=keys,
        profile=profile,
        cached_at=now,
        session_id=session_id,
        result=findings.model_dump(mode="json", by_alias=True),
    )


def stored_keys(tenant: str, row: PlannedRow, result: ResultRow) -> list[str]:
    """Every key a found row is kept under: its own, and for a company found by name the
    domain it was found at, so that later sessions find it by either."""
    keys = entry_keys(tenant, row)
    found = domain_key(tenant, registered_domain(result.official_website))
    if not row.domain and found and found not in keys:
        keys.append(found)
    return keys


def fresh(entry: CacheEntry, key: str, profile: str, days: int, now: datetime) -> bool:
    return (
        key in entry.keys
        and entry.profile == profile
        and now - entry.cached_at <= timedelta(days=days)
    )


def reused_row(entry: CacheEntry, row: PlannedRow) -> ResultRow:
    """The cached findings as this row's result, saying where they came from."""
    found = ResultRow.model_validate(entry.result)
    note = f"cached from {entry.cached_at.astimezone(UTC).date().isoformat()}"
    return found.model_copy(
        update={
            "row": row.row,
            "original": row.original,
            "company_name": row.name,
            "notes": f"{note}; {found.notes}" if found.notes else note,
            "cached_at": entry.cached_at.astimezone(UTC).isoformat(timespec="seconds"),
        }
    )
