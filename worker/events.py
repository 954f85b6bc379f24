"""Publishing status events, best effort: storage is the truth, an event is a hint."""

from __future__ import annotations

import asyncio

import structlog

from shared.broker.protocol import Publisher
from shared.messages import Message

log = structlog.get_logger()


# Work never waits long on an event: a chunk is stored whether or not its events go out.
PUBLISH_TIMEOUT_S = 3.0


async def publish_safely(publisher: Publisher, event: Message) -> bool:
    """Publish; on failure log and go on (consumers re-read state from storage)."""
    try:
        if not publisher.ready:
            raise ConnectionError("broker not connected")
        async with asyncio.timeout(PUBLISH_TIMEOUT_S):
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
