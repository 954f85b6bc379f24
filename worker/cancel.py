"""Which sessions were cancelled, as this worker knows it: fast in memory, then storage."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from typing import Any

import structlog

from shared.layout import SessionKeys
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()


class CancelRegistry:
    """Fed by the control fanout consumer; chunk runners wait on the per-session event."""

    def __init__(self, store: ObjectStore) -> None:
        self._store = store
        self._events: dict[str, asyncio.Event] = {}
        # When the marker of each session was last found absent (monotonic seconds).
        self._absent_at: dict[str, float] = {}

    def event(self, session_id: str) -> asyncio.Event:
        return self._events.setdefault(session_id, asyncio.Event())

    def cancel(self, session_id: str) -> None:
        self.event(session_id).set()

    def is_cancelled(self, session_id: str) -> bool:
        found = self._events.get(session_id)
        return found is not None and found.is_set()

    async def check_marker(self, keys: SessionKeys) -> bool:
        """True (and remembered) when the session's cancel marker exists."""
        if self.is_cancelled(keys.session_id):
            return True
        if await self._store.exists(keys.cancel_marker):
            self.cancel(keys.session_id)
            return True
        self._absent_at[keys.session_id] = time.monotonic()
        return False

    async def watch(self, keys: SessionKeys, poll_s: float) -> None:
        """Ends when the session is cancelled: at once on the control message, and within
        `poll_s` of the marker appearing, for a worker that missed the message.

        The chunks of one session that this worker holds share the polling: a watch whose
        turn comes less than `poll_s` after another one read the marker reads nothing."""
        cancel = self.event(keys.session_id)
        due = time.monotonic() + poll_s
        while not cancel.is_set():
            try:
                await asyncio.wait_for(cancel.wait(), timeout=max(0.0, due - time.monotonic()))
            except TimeoutError:
                now = time.monotonic()
                absent_at = self._absent_at.get(keys.session_id)
                if absent_at is not None and now - absent_at < poll_s:
                    due = absent_at + poll_s  # read by another chunk lately: due as it ages
                    continue
                try:
                    await self.check_marker(keys)
                except Exception as exc:
                    log.warning("chunk.cancel_poll_failed", error=repr(exc))
                due = now + poll_s

    def forget(self, session_id: str) -> None:
        """Drop a finished session's entry so the registry does not grow forever."""
        self._events.pop(session_id, None)
        self._absent_at.pop(session_id, None)


async def unless_cancelled(
    work: Coroutine[Any, Any, None], cancelled: asyncio.Future[None]
) -> bool:
    """Run `work` to its end, or stop it when `cancelled` (a `watch`) ends first.

    True when the work finished (its error, if any, is raised); False when it was stopped.
    """
    running = asyncio.ensure_future(work)
    try:
        await asyncio.wait({running, cancelled}, return_when=asyncio.FIRST_COMPLETED)
    except BaseException:
        running.cancel()
        raise
    if running.done():
        running.result()
        return True
    running.cancel()
    # Waited without raising its CancelledError, so a cancel of this task still propagates.
    await asyncio.wait({running})
    if not running.cancelled() and running.exception() is not None:
        log.warning("chunk.stopped_work_failed", error=repr(running.exception()))
    return False
