"""The webhook body for a session's final status."""

from __future__ import annotations

from shared.lifecycle import SessionStatus
from shared.models import FinalStatus
from shared.webhooks.model import WebhookEvent

_EVENTS = {
    SessionStatus.COMPLETED: "session.completed",
    SessionStatus.FAILED: "session.failed",
    SessionStatus.CANCELLED: "session.cancelled",
}


def event_for(session_id: str, final: FinalStatus) -> WebhookEvent | None:
    """None for a status that is not an end (never written as final)."""
    name = _EVENTS.get(final.status)
    if name is None:
        return None
    return WebhookEvent.model_validate(
        {
            "event": name,
            "session_id": session_id,
            "status": final.status,
            "finished_at": final.finished_at,
            "counters": final.counters,
            "reason": final.reason,
            "retry_round": final.retry_round,
        }
    )
