"""The session resource: one JSON shape for the gateway's responses and the notifier's
snapshots."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from shared.status import SessionState


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def session_view(state: SessionState) -> dict[str, Any]:
    manifest = state.manifest
    return {
        "session_id": manifest.session_id,
        "status": state.status.value,
        "created_at": _iso(manifest.created_at),
        "started_at": _iso(state.started_at),
        "running_since": _iso(state.running_since),
        "finished_at": _iso(state.finished_at),
        "cancel_requested_at": _iso(state.cancel_requested_at),
        "options": manifest.options.model_dump(mode="json"),
        "context_chars": manifest.context_chars,
        "input": manifest.input.model_dump(mode="json"),
        "counters": state.counters.model_dump(mode="json"),
        "chunk_count": state.chunk_count,
        "chunks_done": state.chunks_done,
        "reason": state.reason,
        "finalized": state.finalized,
    }
