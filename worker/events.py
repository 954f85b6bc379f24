"""Publishing status events, best effort: storage is the truth, an event is a hint."""

from __future__ import annotations

from typing import Protocol

import structlog

from shared.messages import Message

log = structlog.get_logger()


class EventPublisher(Protocol):
    async def publish_event(self, event: Message) -> None: ...


async def publish_safely(publisher: EventPublisher, event: Message) -> bool:
    """Publish; on failure log and go on (consumers re-read state from storage)."""
    try:
        await publisher.publish_event(event)
    except Exception as exc:
        log.warning(
            "event.publish_failed",
            kind=getattr(event, "kind", "event"),
            session_id=event.session_id,
            error=repr(exc),
        )
        return False
    return True
