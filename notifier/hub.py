"""Fan-out of session events to the connections that watch them, tenant by tenant.

Every event updates the session's live state (notifier/live_sessions.py) whether or not
anyone watches it. An event of a new retry round makes each watcher wait for a snapshot of
the session as it runs again; events of a round already left behind go to nobody.

A connection gets a session's snapshot before any of its events: subscribing to a session
reads storage first (shared by concurrent subscribers), and a connection that watches its
whole tenant has the events of a session it has no snapshot of held back until one is
ready. Who watches what is in notifier/subscriptions.py; making
up for missed events in notifier/recovery.py.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import structlog

from notifier import outgoing
from notifier.connection import Connection
from notifier.live import LiveSession, SessionKey
from notifier.live_sessions import LiveSessions
from notifier.metrics import Metrics, Occupancy
from notifier.outgoing import Outgoing, Role
from notifier.recovery import Recovery
from notifier.subscriptions import Subscriptions
from shared.errors import NotFound
from shared.ids import is_session_id
from shared.messages import ChunkProgress, Event, RowsFinished
from shared.status import SessionStateReader

log = structlog.get_logger(__name__)


class Hub:
    def __init__(
        self,
        reader: SessionStateReader,
        metrics: Metrics,
        *,
        snapshot_max_age: float = 2.0,
        session_ttl: float = 600.0,
    ) -> None:
        self._metrics = metrics
        self._sessions = LiveSessions(reader, metrics, max_age=snapshot_max_age, ttl=session_ttl)
        self._subscriptions = Subscriptions()
        self._recovery = Recovery(self._sessions, self._subscriptions, metrics)
        self._releasing: set[SessionKey] = set()
        self._reread_round: dict[SessionKey, int] = {}

    @property
    def connections(self) -> set[Connection]:
        return self._subscriptions.connections

    def occupancy(self) -> Occupancy:
        connections = self.connections
        return Occupancy(
            sessions=len(self._sessions),
            session_subscriptions=sum(len(c.sessions) for c in connections),
            tenant_watches=sum(c.watches_tenant for c in connections),
            queued=sum(c.queued for c in connections),
        )

    # --- events -------------------------------------------------------------------

    def dispatch(self, event: Event, body: str) -> None:
        """Apply one event and queue it for every interested connection; never waits."""
        key = (event.tenant, event.session_id)
        live = self._sessions.apply(event)
        if live is None:
            self._metrics.stale_round_events += 1
            return  # a retry round began since: its watchers must not see the earlier run
        targets = self._subscriptions.targets(key)
        if not targets:
            return
        if live.needs_read:
            # The finished session runs again in a new round: every watcher gets a fresh
            # snapshot of it (the round's status and figures), then the round's events.
            for connection in targets:
                connection.snapshotted.discard(event.session_id)
        item = self._event_item(live, event, body)
        for connection in targets:
            if event.session_id in connection.snapshotted:
                connection.send(item)
            else:
                connection.hold(event.session_id, item)
                self._start_refresh(key)

    def _event_item(self, live: LiveSession, event: Event, body: str) -> Outgoing:
        if isinstance(event, RowsFinished):
            return outgoing.event(Role.ROWS, event.session_id, body, None)
        progress = live.progress(datetime.now(UTC))
        published_at = event.at.timestamp()
        if isinstance(event, ChunkProgress):
            return outgoing.event(
                Role.PROGRESS, event.session_id, body, progress, event.chunk, published_at
            )
        return outgoing.event(Role.STATUS, event.session_id, body, progress, None, published_at)

    def _start_refresh(self, key: SessionKey) -> None:
        """Read the session once for every connection holding its events, then release them."""
        if key in self._releasing:
            return
        self._releasing.add(key)
        task = asyncio.create_task(self._sessions.refresh(key))
        task.add_done_callback(lambda done: self._release_held(key, done))

    def _release_held(self, key: SessionKey, done: asyncio.Task[LiveSession]) -> None:
        self._releasing.discard(key)
        failed = done.cancelled() or done.exception() is not None
        if failed and not done.cancelled():
            self._metrics.storage_errors += 1
            log.warning("notifier.snapshot_failed", session_id=key[1], error=str(done.exception()))
        if not failed and self._read_again(key, done.result()):
            return
        tenant, session_id = key
        snapshot = None if failed else self.snapshot(tenant, session_id)
        for connection in self._subscriptions.targets(key):
            if session_id in connection.held:
                # Without a snapshot the held events are still better than nothing.
                connection.release(session_id, snapshot)

    def _read_again(self, key: SessionKey, live: LiveSession) -> bool:
        """A read that began before the session's new round did not see it: read once more
        (once per round, so storage that lags cannot keep the watchers waiting)."""
        if not live.needs_read or self._reread_round.get(key) == live.round:
            self._reread_round.pop(key, None)
            return False
        self._reread_round[key] = live.round
        self._start_refresh(key)
        return True

    def snapshot(self, tenant: str, session_id: str) -> Outgoing | None:
        return self._sessions.snapshot(tenant, session_id)

    # --- subscriptions ------------------------------------------------------------

    async def subscribe(self, connection: Connection, session_id: str) -> None:
        """Snapshot first, then live events. Raises NotFound for sessions of other tenants."""
        if not is_session_id(session_id):
            raise NotFound("no such session")
        key = (connection.tenant, session_id)
        if not self._sessions.is_fresh(key):
            live = await self._sessions.refresh(key)
            if live.needs_read:
                # The read was shared with one begun before the session's new round.
                await self._sessions.refresh(key)
        if connection.closing.done():
            return
        self._subscriptions.subscribe(connection, session_id)
        connection.release(session_id, self.snapshot(*key))

    def unsubscribe(self, connection: Connection, session_id: str) -> None:
        self._subscriptions.unsubscribe(connection, session_id)

    def watch_tenant(self, connection: Connection) -> None:
        self._subscriptions.watch_tenant(connection)

    def unwatch_tenant(self, connection: Connection) -> None:
        self._subscriptions.unwatch_tenant(connection)

    def attach(self, connection: Connection) -> None:
        self._subscriptions.attach(connection)

    def detach(self, connection: Connection) -> None:
        self._subscriptions.detach(connection)

    # --- recovery and housekeeping ------------------------------------------------

    async def resync(self, reason: str = "events_interrupted") -> None:
        """After events may have been missed: re-read watched sessions, send fresh snapshots."""
        await self._recovery.resync(reason)

    async def recheck_quiet(self, quiet_for: float) -> int:
        """Re-read watched, unfinished sessions without events for `quiet_for` seconds."""
        return await self._recovery.recheck_quiet(quiet_for)

    def forget_idle(self) -> int:
        """Drop the live state of sessions nobody watches and nothing touched for a while."""
        return self._sessions.forget_idle(self._subscriptions.watched())
