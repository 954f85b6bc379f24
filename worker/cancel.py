"""Which sessions were cancelled, as this worker knows it: fast in memory, then storage."""

from __future__ import annotations

import asyncio

from shared.layout import SessionKeys
from shared.storage.protocol import ObjectStore


class CancelRegistry:
    """Fed by the control fanout consumer; chunk runners wait on the per-session event."""

    def __init__(self, store: ObjectStore) -> None:
        self._store = store
        self._events: dict[str, asyncio.Event] = {}

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
        return False

    def forget(self, session_id: str) -> None:
        """Drop a finished session's entry so the registry does not grow forever."""
        self._events.pop(session_id, None)
