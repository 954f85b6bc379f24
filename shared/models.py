"""Records kept in object storage: the session manifest, plan, chunk summaries, final status.

Each record has exactly one writer (see docs/storage-layout.md), so no record is ever
read-modified-written by two processes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.fields.model import FieldSpec
from shared.lifecycle import SessionStatus
from shared.usage import Usage


class Record(BaseModel):
    # A record is always written whole, so the API's schemas mark every field as present.
    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


class QualificationOptions(Record):
    """Qualify every company against these criteria files (tenant criteria names)."""

    criteria: list[str]
    # Only these products of the files; empty: every product.
    products: list[str] = Field(default_factory=list)
    # The rows are a finished session's results: their website is known, so only the pages
    # and the qualification itself are fetched and asked.
    qualify_only: bool = False


class SessionOptions(Record):
    run_llm_deep_search_pipeline: bool = False
    write_to_hubspot: bool = False
    use_hubspot_integration: bool = False
    qualification: QualificationOptions | None = None
    # Questions answered per company with a cited, typed value (a language model needed).
    custom_fields: list[FieldSpec] = Field(default_factory=list)
    # Called when the session completes, fails or is cancelled; None: the tenant's default.
    webhook_url: str | None = None
    # Reuse this tenant's recent findings for a domain (or name and country) when the
    # deployment keeps them (DOSSIER_CACHE_DAYS); false runs every row afresh.
    use_cache: bool = True


class InputSummary(Record):
    filename: str
    format: Literal["csv", "xlsx", "xls"]
    size_bytes: int
    sheet: str | None = None
    # Every sheet of a workbook, so another can be chosen before starting.
    sheets: list[str] = Field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    has_header: bool
    columns: list[str]
    name_column: str
    website_column: str | None = None
    rows: int
    blank_rows_skipped: int = 0
    # Rows at the end that add up the columns above ("Total", "Итого"): no companies.
    summary_rows_skipped: int = 0
    duplicate_domains: int = 0
    # Recognised columns by role (`shared.rows.FACT_ROLES`): country, city, region, industry.
    fact_columns: dict[str, str] = Field(default_factory=dict)


class SessionManifest(Record):
    """Written once by the gateway when the session is created; its presence is existence."""

    version: Literal[1] = 1
    session_id: str
    tenant: str
    created_at: datetime
    options: SessionOptions
    context_chars: int = 0
    input: InputSummary
    input_key: str


class StartRequest(Record):
    requested_at: datetime


class CancelRequest(Record):
    requested_at: datetime


class Counters(Record):
    """Row counters. `done` counts every finished row; the others are subsets of it."""

    total: int = 0
    done: int = 0
    failed: int = 0
    duplicates: int = 0
    dead_links: int = 0
    not_found: int = 0
    blocked: int = 0
    # Rows answered from the tenant's domain cache, with no fetch, search or model call.
    cached: int = 0
    needs_review: int = 0

    def __add__(self, other: Counters) -> Counters:
        return Counters(
            **{name: getattr(self, name) + getattr(other, name) for name in Counters.model_fields}
        )


class Plan(Record):
    """Written by the planning worker; deterministic for a given input and chunk size."""

    session_id: str
    total_rows: int
    chunk_size: int
    chunk_count: int
    planned_at: datetime
    # Chunk inputs stored per object (`chunks/inputs/<g>.jsonl`, decision 16). Sessions
    # planned before groups have neither field: a chunk per object, `chunks/input/<n>`.
    chunks_per_input: int = Field(default=1, ge=1)
    # With groups, each chunk's input length in bytes, in chunk order: a chunk's bytes are
    # found in its group's object after the chunks before it in that group. Empty: an
    # object per chunk.
    input_sizes: list[int] = Field(default_factory=list)


class ChunkSummary(Record):
    """Written last for a chunk: its presence means the chunk's results are stored."""

    chunk: int
    counters: Counters
    started_at: datetime
    finished_at: datetime
    cancelled: bool = False
    dead_letter_reason: str | None = None
    # Outside calls the chunk's rows made (for a retry round: the chunk's earlier ones too).
    usage: Usage = Field(default_factory=Usage)


class FinalStatus(Record):
    """Written by the finalizer once every chunk is stored (or the session was cancelled)."""

    status: SessionStatus
    counters: Counters
    finished_at: datetime
    reason: str | None = None
    outputs: list[str] = Field(default_factory=list)
    # The latest retry round these final objects include (0: the session's own run).
    retry_round: int = 0
    usage: Usage = Field(default_factory=Usage)


class FinalizeClaim(Record):
    """`final/claims/<round>/<generation>.json`: the worker finalizing a round. Its owner
    rewrites `renewed_at` while it works; a claim not renewed for the lease is abandoned
    (its worker died) and the next generation may be claimed."""

    owner: str = Field(description="unique per claim attempt, so racing writers differ")
    claimed_at: datetime
    renewed_at: datetime


class HubSpotCreated(Record):
    """Companies a chunk created in HubSpot, by domain, stored right after each batch
    create: a redelivered chunk updates them instead of creating them again."""

    companies: dict[str, str] = Field(default_factory=dict, description="domain -> company id")
