"""Fan-out of session events to the connections that watch them, tenant by tenant.

Every event updates the session's live state (notifier/live.py) whether or not anyone
watches it. A connection gets a session's snapshot before any of its events: subscribing
to a session reads storage first (shared by concurrent subscribers), and a connection that
watches its whole tenant has the events of a session it has no snapshot of held back
until one is ready.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import TypeVar

import structlog

from notifier import outgoing
from notifier.connection import Connection
from notifier.live import LiveSession
from notifier.metrics import Metrics
from notifier.outgoing import Outgoing, Role
from shared.errors import NotFound, Retryable
from shared.ids import is_session_id
from shared.layout import SessionKeys
from shared.messages import ChunkProgress, RowsFinished, SessionStatusChanged
from shared.session_view import session_view
from shared.status import SessionStateReader

log = structlog.get_logger(__name__)

Key = tuple[str, str]
K = TypeVar("K")
Event = SessionStatusChanged | ChunkProgress | RowsFinished


class Hub:
    def __init__(
        self,
        reader: SessionStateReader,
        metrics: Metrics,
        *,
        snapshot_max_age: float = 2.0,
        session_ttl: float = 600.0,
    ) -> None:
        self._reader = reader
        self._metrics = metrics
        self._max_age = snapshot_max_age
        self._ttl = session_ttl
        self._sessions: dict[Key, LiveSession] = {}
        self._touched: dict[Key, float] = {}
        self._refreshed: dict[Key, float] = {}
        self._refreshing: dict[Key, asyncio.Task[LiveSession]] = {}
        self._releasing: set[Key] = set()
        self._subscribers: dict[Key, set[Connection]] = {}
        self._watchers: dict[str, set[Connection]] = {}
        self.connections: set[Connection] = set()

    @property
    def session_count(self) -> int:
        return len(self._sessions)

    # --- events -------------------------------------------------------------------

    def dispatch(self, event: Event, body: str) -> None:
        """Apply one event and queue it for every interested connection; never waits."""
        key = (event.tenant, event.session_id)
        live = self._live(key)
        live.apply(event)
        self._touched[key] = time.monotonic()
        targets = self._targets(key)
        if not targets:
            return
        item = self._event_item(live, event, body)
        for connection in targets:
            if event.session_id in connection.snapshotted:
                connection.send(item)
            else:
                connection.hold(event.session_id, item)
                self._start_refresh(key)

    def _targets(self, key: Key) -> set[Connection]:
        subscribers = self._subscribers.get(key)
        watchers = self._watchers.get(key[0])
        if subscribers and watchers:
            return subscribers | watchers
        return subscribers or watchers or set()

    def _event_item(self, live: LiveSession, event: Event, body: str) -> Outgoing:
        if isinstance(event, RowsFinished):
            return outgoing.event(Role.ROWS, event.session_id, body, None)
        progress = live.progress(datetime.now(UTC))
        if isinstance(event, ChunkProgress):
            return outgoing.event(Role.PROGRESS, event.session_id, body, progress, event.chunk)
        return outgoing.event(Role.STATUS, event.session_id, body, progress)

    def _live(self, key: Key) -> LiveSession:
        live = self._sessions.get(key)
        if live is None:
            live = self._sessions[key] = LiveSession(*key)
        return live

    # --- snapshots ----------------------------------------------------------------

    def snapshot(self, tenant: str, session_id: str) -> Outgoing | None:
        live = self._sessions.get((tenant, session_id))
        if live is None or live.base is None:
            return None
        view = session_view(live.state())
        view.update(live.rate_and_eta(datetime.now(UTC)))
        self._metrics.snapshots += 1
        return outgoing.snapshot(session_id, view)

    async def refresh(self, key: Key) -> LiveSession:
        """Read the session from storage and merge it; concurrent callers share one read."""
        task = self._refreshing.get(key)
        if task is None:
            task = asyncio.create_task(self._read(key))
            self._refreshing[key] = task
            task.add_done_callback(lambda done: self._forget_refresh(key, done))
        return await asyncio.shield(task)

    def _forget_refresh(self, key: Key, done: asyncio.Task[LiveSession]) -> None:
        self._refreshing.pop(key, None)
        if not done.cancelled():
            done.exception()  # retrieved here: every caller may have gone away meanwhile

    async def _read(self, key: Key) -> LiveSession:
        tenant, session_id = key
        state = await self._reader.read(tenant, session_id)
        summaries = []
        if state.chunk_count is not None and not state.finalized:
            summaries = await self._reader.chunk_summaries(SessionKeys(tenant, session_id))
        live = self._live(key)
        live.merge_storage(state, summaries)
        self._refreshed[key] = time.monotonic()
        self._touched.setdefault(key, time.monotonic())
        return live

    def _start_refresh(self, key: Key) -> None:
        """Read the session once for every connection holding its events, then release them."""
        if key in self._releasing:
            return
        self._releasing.add(key)
        task = asyncio.create_task(self.refresh(key))
        task.add_done_callback(lambda done: self._release_held(key, done))

    def _release_held(self, key: Key, done: asyncio.Task[LiveSession]) -> None:
        self._releasing.discard(key)
        failed = done.cancelled() or done.exception() is not None
        if failed and not done.cancelled():
            self._metrics.storage_errors += 1
            log.warning("notifier.snapshot_failed", session_id=key[1], error=str(done.exception()))
        tenant, session_id = key
        snapshot = None if failed else self.snapshot(tenant, session_id)
        for connection in self._targets(key):
            if session_id in connection.held:
                # Without a snapshot the held events are still better than nothing.
                connection.release(session_id, snapshot)

    def _is_fresh(self, key: Key) -> bool:
        refreshed = self._refreshed.get(key)
        return refreshed is not None and time.monotonic() - refreshed <= self._max_age

    # --- subscriptions ------------------------------------------------------------

    async def subscribe(self, connection: Connection, session_id: str) -> None:
        """Snapshot first, then live events. Raises NotFound for sessions of other tenants."""
        if not is_session_id(session_id):
            raise NotFound("no such session")
        key = (connection.tenant, session_id)
        if not self._is_fresh(key):
            await self.refresh(key)
        if connection.closing.done():
            return
        self._subscribers.setdefault(key, set()).add(connection)
        connection.sessions.add(session_id)
        connection.release(session_id, self.snapshot(*key))

    def unsubscribe(self, connection: Connection, session_id: str) -> None:
        key = (connection.tenant, session_id)
        _discard(self._subscribers, key, connection)
        connection.sessions.discard(session_id)
        if not connection.watches_tenant:
            connection.snapshotted.discard(session_id)
            connection.held.pop(session_id, None)

    def watch_tenant(self, connection: Connection) -> None:
        self._watchers.setdefault(connection.tenant, set()).add(connection)
        connection.watches_tenant = True

    def unwatch_tenant(self, connection: Connection) -> None:
        _discard(self._watchers, connection.tenant, connection)
        connection.watches_tenant = False
        connection.snapshotted &= connection.sessions
        connection.held = {k: v for k, v in connection.held.items() if k in connection.sessions}

    def attach(self, connection: Connection) -> None:
        self.connections.add(connection)

    def detach(self, connection: Connection) -> None:
        self.connections.discard(connection)
        for session_id in list(connection.sessions):
            _discard(self._subscribers, (connection.tenant, session_id), connection)
        _discard(self._watchers, connection.tenant, connection)

    # --- recovery and housekeeping ------------------------------------------------

    async def resync(self, reason: str = "events_interrupted") -> None:
        """After events may have been missed: re-read watched sessions, send fresh snapshots."""
        self._refreshed.clear()
        keys = self._watched()
        limit = asyncio.Semaphore(16)

        async def one(key: Key) -> None:
            async with limit:
                try:
                    await self.refresh(key)
                except (NotFound, Retryable) as exc:
                    self._metrics.storage_errors += 1
                    log.warning("notifier.resync_failed", session_id=key[1], error=str(exc))
                    return
            self._send_fresh(key, reason)

        await asyncio.gather(*(one(key) for key in keys))
        log.info("notifier.resynced", sessions=len(keys), reason=reason)

    def _send_fresh(self, key: Key, reason: str) -> None:
        snapshot = self.snapshot(*key)
        for connection in self._targets(key):
            if key[1] in connection.snapshotted and snapshot is not None:
                self._metrics.resyncs += 1
                connection.send(outgoing.resync(key[1], reason))
                connection.send(snapshot)

    async def recheck_quiet(self, quiet_for: float) -> int:
        """Re-read watched, unfinished sessions that had no event for `quiet_for` seconds.

        Events are published at most once and a worker that cannot reach the broker drops
        them (storage stays the record), so a `completed` may never arrive while the session
        is long finished in storage. Subscribers get a fresh snapshot when storage is ahead.
        """
        now = time.monotonic()
        quiet = [
            key
            for key in self._watched()
            if (live := self._sessions.get(key)) is not None
            and live.base is not None
            and not live.finalized
            and now - max(self._touched.get(key, 0.0), self._refreshed.get(key, 0.0)) >= quiet_for
        ]
        limit = asyncio.Semaphore(16)

        async def one(key: Key) -> None:
            async with limit:
                before = self._live(key).fingerprint()
                try:
                    await self.refresh(key)
                except (NotFound, Retryable) as exc:
                    self._metrics.storage_errors += 1
                    log.warning("notifier.recheck_failed", session_id=key[1], error=str(exc))
                    return
            if self._live(key).fingerprint() != before:
                log.info("notifier.storage_ahead", session_id=key[1])
                self._send_fresh(key, "events_missed")

        await asyncio.gather(*(one(key) for key in quiet))
        return len(quiet)

    def _watched(self) -> set[Key]:
        watched = set(self._subscribers)
        for connection in self.connections:
            watched.update((connection.tenant, session_id) for session_id in connection.snapshotted)
        return watched

    def forget_idle(self) -> int:
        """Drop the live state of sessions nobody watches and nothing touched for a while."""
        now = time.monotonic()
        watched = self._watched()
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


def _discard(index: dict[K, set[Connection]], key: K, connection: Connection) -> None:
    members = index.get(key)
    if members is not None:
        members.discard(connection)
        if not members:
            del index[key]
