"""The live state of every session this notifier knows, read from storage on demand.

A session is known from its first event or read. Concurrent readers of one session share
a single storage read; the snapshot a connection gets first is made from the merged
state. A session nobody watches and no event touched for a while is forgotten.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

from notifier import outgoing
from notifier.live import LiveSession, SessionKey
from notifier.metrics import Metrics
from notifier.outgoing import Outgoing
from shared.layout import SessionKeys
from shared.messages import Event
from shared.models import ChunkSummary
from shared.session_view import session_view
from shared.status import SessionStateReader


class LiveSessions:
    def __init__(
        self, reader: SessionStateReader, metrics: Metrics, *, max_age: float, ttl: float
    ) -> None:
        self._reader = reader
        self._metrics = metrics
        self._max_age = max_age
        self._ttl = ttl
        self._sessions: dict[SessionKey, LiveSession] = {}
        self._touched: dict[SessionKey, float] = {}
        self._refreshed: dict[SessionKey, float] = {}
        self._refreshing: dict[SessionKey, asyncio.Task[LiveSession]] = {}

    def __len__(self) -> int:
        return len(self._sessions)

    def session(self, key: SessionKey) -> LiveSession:
        live = self._sessions.get(key)
        if live is None:
            live = self._sessions[key] = LiveSession(*key)
        return live

    def apply(self, event: Event) -> LiveSession | None:
        """The session the event changed; None for an event of a round it left behind."""
        key = (event.tenant, event.session_id)
        live = self.session(key)
        if not live.apply(event):
            return None
        self._touched[key] = time.monotonic()
        return live

    def snapshot(self, tenant: str, session_id: str) -> Outgoing | None:
        live = self._sessions.get((tenant, session_id))
        if live is None or live.base is None:
            return None
        view = session_view(live.state()).model_dump(mode="json")
        view.update(live.rate_and_eta(datetime.now(UTC)))
        self._metrics.snapshots += 1
        return outgoing.snapshot(session_id, view)

    async def refresh(self, key: SessionKey) -> LiveSession:
        """Read the session from storage and merge it; concurrent callers share one read."""
        task = self._refreshing.get(key)
        if task is None:
            task = asyncio.create_task(self._read(key))
            self._refreshing[key] = task
            task.add_done_callback(lambda done: self._forget_refresh(key, done))
        return await asyncio.shield(task)

    def _forget_refresh(self, key: SessionKey, done: asyncio.Task[LiveSession]) -> None:
        self._refreshing.pop(key, None)
        if not done.cancelled():
            done.exception()  # retrieved here: every caller may have gone away meanwhile

    async def _read(self, key: SessionKey) -> LiveSession:
        tenant, session_id = key
        self._metrics.snapshot_reads += 1
        state = await self._reader.read(tenant, session_id)
        summaries: list[ChunkSummary] = []
        rounds: dict[int, int] = {}
        keys = SessionKeys(tenant, session_id)
        if state.retry_round and not state.finalized:
            # A retry round runs: each chunk counts with its latest stored version.
            for round_, summary in await self._reader.summaries.latest(keys):
                summaries.append(summary)
                rounds[summary.chunk] = round_
        elif state.chunk_count is not None and not state.finalized:
            summaries = await self._reader.summaries.of_run(keys)
        live = self.session(key)
        live.merge_storage(state, summaries, rounds)
        self._refreshed[key] = time.monotonic()
        self._touched.setdefault(key, time.monotonic())
        return live

    def is_fresh(self, key: SessionKey) -> bool:
        """Read lately, and since the session's current round began."""
        refreshed = self._refreshed.get(key)
        live = self._sessions.get(key)
        if live is None or live.needs_read:
            return False
        return refreshed is not None and time.monotonic() - refreshed <= self._max_age

    def expire_reads(self) -> None:
        """Make the next subscriber of any session read it from storage again."""
        self._refreshed.clear()

    def quiet(self, keys: set[SessionKey], quiet_for: float) -> list[SessionKey]:
        """Of `keys`, the unfinished sessions with neither an event nor a read for a while."""
        now = time.monotonic()
        return [
            key
            for key in keys
            if (live := self._sessions.get(key)) is not None
            and live.base is not None
            and not live.finalized
            and now - max(self._touched.get(key, 0.0), self._refreshed.get(key, 0.0)) >= quiet_for
        ]

    def forget_idle(self, watched: set[SessionKey]) -> int:
        """Drop the sessions not in `watched` that nothing touched for a while."""
        now = time.monotonic()
        idle = [
            key
            for key in self._sessions
            if key not in watched and now - self._touched.get(key, now) > self._ttl
        ]
        for key in idle:
            del self._sessions[key]
            self._touched.pop(key, None)
            self._refreshed.pop(key, None)
        return len(idle)
