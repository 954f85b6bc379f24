"""The session resource: one JSON shape for the gateway's responses and the notifier's
snapshots."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

from shared.lifecycle import SessionStatus
from shared.models import Counters, InputSummary, SessionOptions
from shared.status import SessionState
from shared.usage import Usage

# The resource has always written `+00:00`; pydantic would write `Z` for UTC.
Timestamp = Annotated[
    datetime,
    PlainSerializer(datetime.isoformat, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]

EXAMPLE: dict[str, Any] = {
    "session_id": "018f2c3a9b7e4d1fa2c3b4d5e6f70812",
    "status": "running",
    "created_at": "2026-01-01T10:00:00+00:00",
    "started_at": "2026-01-01T10:00:05+00:00",
    "running_since": "2026-01-01T10:00:06+00:00",
    "finished_at": None,
    "cancel_requested_at": None,
    "options": {
        "run_llm_deep_search_pipeline": False,
        "write_to_hubspot": False,
        "use_hubspot_integration": False,
        "qualification": None,
        "custom_fields": [],
        "webhook_url": None,
        "use_cache": True,
    },
    "context_chars": 42,
    "input": {
        "filename": "companies.csv",
        "format": "csv",
        "size_bytes": 1234,
        "sheet": None,
        "sheets": [],
        "encoding": "utf-8",
        "delimiter": ",",
        "has_header": True,
        "columns": ["Company Name", "Website", "Country"],
        "name_column": "Company Name",
        "website_column": "Website",
        "rows": 250,
        "blank_rows_skipped": 3,
        "summary_rows_skipped": 1,
        "duplicate_domains": 4,
        "fact_columns": {"country": "Country"},
    },
    "counters": {
        "total": 250,
        "done": 120,
        "failed": 2,
        "duplicates": 4,
        "dead_links": 5,
        "not_found": 1,
        "blocked": 0,
        "cached": 0,
        "needs_review": 0,
    },
    "chunk_count": 2,
    "chunks_done": 1,
    "reason": None,
    "finalized": False,
    "retry_round": 0,
    "usage": {"fetches": 240, "searches": 12, "model_calls": 120, "hubspot_calls": 0},
}


class SessionView(BaseModel):
    """One session: its input, options, status and row counters."""

    model_config = ConfigDict(frozen=True, json_schema_extra={"examples": [EXAMPLE]})

    session_id: str = Field(description="32 lowercase hex digits")
    status: SessionStatus
    created_at: Timestamp
    started_at: Timestamp | None = Field(description="When the start was requested")
    running_since: Timestamp | None = Field(description="When a worker planned the work")
    finished_at: Timestamp | None
    cancel_requested_at: Timestamp | None
    options: SessionOptions
    context_chars: int = Field(description="Length of the context text")
    input: InputSummary
    counters: Counters
    chunk_count: int | None = Field(description="Chunks the rows were split into, once planned")
    chunks_done: int
    reason: str | None = Field(
        description="What ended the session: a cancel, or chunks that failed"
    )
    finalized: bool = Field(description="The merged result files and logs exist")
    retry_round: int = Field(
        0, description="Retry rounds asked for so far; while one runs, status is its own"
    )
    usage: Usage = Field(
        default_factory=Usage, description="Outside calls the session's rows made so far"
    )


def session_view(state: SessionState) -> SessionView:
    manifest = state.manifest
    return SessionView(
        session_id=manifest.session_id,
        status=state.status,
        created_at=manifest.created_at,
        started_at=state.started_at,
        running_since=state.running_since,
        finished_at=state.finished_at,
        cancel_requested_at=state.cancel_requested_at,
        options=manifest.options,
        context_chars=manifest.context_chars,
        input=manifest.input,
        counters=state.counters,
        chunk_count=state.chunk_count,
        chunks_done=state.chunks_done,
        reason=state.reason,
        finalized=state.finalized,
        retry_round=state.retry_round,
        usage=state.usage,
    )
