"""Making up for events this notifier may have missed, from storage.

After the broker connection was interrupted, every watched session is read again and its
watchers get a `resync` and a fresh snapshot. Events are published at most once and a
worker that cannot reach the broker drops them (storage stays the record), so a
`completed` may never arrive while the session is long finished in storage: watched,
unfinished sessions that stayed quiet are read again, and their watchers get a fresh
snapshot when storage is ahead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable

import structlog
from pydantic import ValidationError

from notifier import outgoing
from notifier.live import SessionKey
from notifier.live_sessions import LiveSessions
from notifier.metrics import Metrics
from notifier.subscriptions import Subscriptions
from shared.errors import NotFound, Retryable

log = structlog.get_logger(__name__)
PARALLEL_READS = 16


class Recovery:
    def __init__(
        self, sessions: LiveSessions, subscriptions: Subscriptions, metrics: Metrics
    ) -> None:
        self._sessions = sessions
        self._subscriptions = subscriptions
        self._metrics = metrics

    async def resync(self, reason: str) -> None:
        """Re-read every watched session and send its watchers a fresh snapshot."""
        self._sessions.expire_reads()
        keys = self._subscriptions.watched()

        async def one(key: SessionKey) -> None:
            if await self._reread(key, "notifier.resync_failed"):
                self._send_fresh(key, reason)

        await _each(keys, one)
        log.info("notifier.resynced", sessions=len(keys), reason=reason)

    async def recheck_quiet(self, quiet_for: float) -> int:
        """Re-read watched, unfinished sessions that had no event for `quiet_for` seconds;
        their watchers get a fresh snapshot when storage is ahead of the events seen."""
        quiet = self._sessions.quiet(self._subscriptions.watched(), quiet_for)

        async def one(key: SessionKey) -> None:
            before = self._sessions.session(key).fingerprint()
            if not await self._reread(key, "notifier.recheck_failed"):
                return
            if self._sessions.session(key).fingerprint() != before:
                log.info("notifier.storage_ahead", session_id=key[1])
                self._send_fresh(key, "events_missed")

        await _each(quiet, one)
        return len(quiet)

    async def _reread(self, key: SessionKey, failure: str) -> bool:
        try:
            await self._sessions.refresh(key)
        # An unreadable record of one session must not cut the others' recovery short.
        except (NotFound, Retryable, ValidationError) as exc:
            self._metrics.storage_errors += 1
            log.warning(failure, session_id=key[1], error=str(exc))
            return False
        return True

    def _send_fresh(self, key: SessionKey, reason: str) -> None:
        snapshot = self._sessions.snapshot(*key)
        for connection in self._subscriptions.targets(key):
            if key[1] in connection.snapshotted and snapshot is not None:
                self._metrics.resyncs += 1
                connection.send(outgoing.resync(key[1], reason))
                connection.send(snapshot)


async def _each(keys: Iterable[SessionKey], step: Callable[[SessionKey], Awaitable[None]]) -> None:
    """Run `step` for every session, a bounded number of storage reads at a time."""
    limit = asyncio.Semaphore(PARALLEL_READS)

    async def bounded(key: SessionKey) -> None:
        async with limit:
            await step(key)

    await asyncio.gather(*(bounded(key) for key in keys))
