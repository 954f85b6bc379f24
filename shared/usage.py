"""What a session costs in outside calls: estimated before it starts, counted while it runs.

Counted in the worker where the calls happen, per chunk (`ChunkSummary.usage`), summed
into the session resource and, by the month its session was created in, per tenant.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from shared.models import SessionManifest

# Session ids begin with epoch milliseconds: no session predates 1970.
MONTH_PATTERN = r"^(19[7-9]\d|2\d{3})-(0[1-9]|1[0-2])$"
_MONTH_RE = re.compile(MONTH_PATTERN)
# HubSpot's batch endpoints take 100 companies per call.
HUBSPOT_BATCH = 100
# Pages fetched per company: its homepage and, usually, its About page.
PAGES_PER_COMPANY = 2
# Questions a deep search asks per company, each searched for and answered by the model.
DEEP_SEARCH_QUESTIONS = 3


class Record(BaseModel):
    # As shared.models.Record, which stores these inside its own records.
    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


class Usage(Record):
    """Requests made to the outside world. Provider calls count every attempt (a retried
    call counts twice); fetches count the pages asked for (robots.txt not included)."""

    fetches: int = Field(0, description="Web pages requested")
    searches: int = Field(0, description="Web search API requests")
    model_calls: int = Field(0, description="Language model requests")
    hubspot_calls: int = Field(0, description="HubSpot API requests")

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            **{name: getattr(self, name) + getattr(other, name) for name in Usage.model_fields}
        )


class UsageEstimate(Usage):
    """A session's expected usage, from its row count, columns and options."""

    companies: int = Field(description="Rows enriched once duplicates are left out")


class MonthlyUsage(Record):
    """A tenant's usage over the sessions it created in one month (UTC)."""

    month: str = Field(examples=["2026-12"])
    sessions: int
    usage: Usage


def estimate_usage(
    manifest: SessionManifest, *, search: bool, llm: bool, hubspot: bool
) -> UsageEstimate:
    """An upper-end estimate: every company's site answers, every question is asked."""
    summary = manifest.input
    options = manifest.options
    companies = max(0, summary.rows - summary.duplicate_domains)
    deep = options.run_llm_deep_search_pipeline and search and llm
    searches = companies if search and summary.website_column is None else 0
    searches += companies * DEEP_SEARCH_QUESTIONS if deep else 0
    model_calls = companies if llm else 0
    model_calls += companies * DEEP_SEARCH_QUESTIONS if deep else 0
    if options.qualification is not None and llm:
        model_calls += companies * max(1, len(options.qualification.products))
    batches = math.ceil(companies / HUBSPOT_BATCH)
    hubspot_calls = 0
    if hubspot and options.use_hubspot_integration:
        hubspot_calls += batches
    if hubspot and options.write_to_hubspot:
        hubspot_calls += 2 * batches  # a look-up by domain, then the create/update batch
    return UsageEstimate(
        companies=companies,
        fetches=companies * PAGES_PER_COMPANY,
        searches=searches,
        model_calls=model_calls,
        hubspot_calls=hubspot_calls,
    )


def is_month(value: str) -> bool:
    return bool(_MONTH_RE.fullmatch(value))


def month_bounds_ms(month: str) -> tuple[int, int]:
    """[start, end) of a UTC month in epoch milliseconds, as session ids begin with."""
    year, number = (int(part) for part in month.split("-"))
    start = datetime(year, number, 1, tzinfo=UTC)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=UTC)
    return int(start.timestamp() * 1000), int(end.timestamp() * 1000)


def created_ms(session_id: str) -> int:
    return int(session_id[:12], 16)


def current_month() -> str:
    return datetime.now(UTC).strftime("%Y-%m")
