"""One client: a bounded outbound queue drained by a single writer task.

Producers (the hub, the endpoint) never wait on a client. When the queue is full it is
coalesced: the latest report of a chunk and the latest status of a session win. If that is
not enough, every queued message of a session is replaced by a `resync` note and a fresh
snapshot (row batches are dropped). A client that fills the queue again before it has
drained it once, or that cannot take a single frame within the send timeout, is closed
with code 4008.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import deque
from collections.abc import Callable
from typing import Protocol

from notifier import outgoing
from notifier.metrics import Metrics
from notifier.outgoing import Outgoing, Role
from notifier.protocol import CLOSE_TOO_SLOW

SnapshotSource = Callable[[str, str], Outgoing | None]
_ids = itertools.count(1)


class Sender(Protocol):
    async def send_text(self, text: str) -> None: ...


class Connection:
    def __init__(
        self,
        tenant: str,
        sender: Sender,
        *,
        capacity: int,
        send_timeout: float,
        metrics: Metrics,
        snapshots: SnapshotSource,
    ) -> None:
        self.id = next(_ids)
        self.tenant = tenant
        self.sessions: set[str] = set()
        self.watches_tenant = False
        # Sessions this connection already has a snapshot of (tenant scope) and events
        # held back until a session's first snapshot is ready.
        self.snapshotted: set[str] = set()
        self.held: dict[str, list[Outgoing]] = {}
        self.closing: asyncio.Future[tuple[int, str]] = asyncio.get_running_loop().create_future()
        self._sender = sender
        self._capacity = capacity
        self._send_timeout = send_timeout
        self._metrics = metrics
        self._snapshots = snapshots
        self._queue: deque[Outgoing] = deque()
        self._wakeup = asyncio.Event()
        self._seq: dict[str, int] = {}
        self._collapsed = False

    @property
    def queued(self) -> int:
        return len(self._queue)

    def close(self, code: int, reason: str) -> None:
        if not self.closing.done():
            self.closing.set_result((code, reason))
        self._queue.clear()
        self._wakeup.set()

    def send(self, item: Outgoing) -> None:
        """Queue a message; never waits. May coalesce or close the connection."""
        if self.closing.done():
            return
        if len(self._queue) >= self._capacity:
            self._make_room()
            if self.closing.done():
                return
        self._queue.append(item)
        self._wakeup.set()

    def hold(self, session_id: str, item: Outgoing) -> None:
        """Keep an event until this connection's first snapshot of the session is sent."""
        held = self.held.setdefault(session_id, [])
        if item.role is Role.ROWS and len(held) < self._capacity:
            held.append(item)
        else:
            # Status and progress are part of the snapshot that will come first.
            self._metrics.coalesced += 1

    def release(self, session_id: str, snapshot: Outgoing | None) -> None:
        """Send the snapshot, then the held events. Without a snapshot the session's next
        event is held again, so this connection still gets one before its figures."""
        if snapshot is not None:
            self.snapshotted.add(session_id)
            self.send(snapshot)
        for item in self.held.pop(session_id, []):
            self.send(item)

    def _make_room(self) -> None:
        self._coalesce()
        if len(self._queue) < self._capacity:
            return
        if self._collapsed:
            self._metrics.slow_disconnects += 1
            self.close(CLOSE_TOO_SLOW, "client too slow")
            return
        self._collapse()
        self._collapsed = True
        if len(self._queue) >= self._capacity:
            self._metrics.slow_disconnects += 1
            self.close(CLOSE_TOO_SLOW, "client too slow")

    def _coalesce(self) -> None:
        latest: set[tuple[str | None, int | None, Role]] = set()
        kept: deque[Outgoing] = deque()
        for item in reversed(self._queue):
            if item.role in (Role.PROGRESS, Role.STATUS):
                key = (item.session_id, item.chunk, item.role)
                if key in latest:
                    self._metrics.coalesced += 1
                    continue
                latest.add(key)
            kept.appendleft(item)
        self._queue = kept

    def _collapse(self) -> None:
        sessions = dict.fromkeys(
            item.session_id
            for item in self._queue
            if item.sequenced and item.session_id is not None
        )
        kept: deque[Outgoing] = deque(item for item in self._queue if not item.sequenced)
        self._metrics.dropped += sum(1 for item in self._queue if item.role is Role.ROWS)
        self._metrics.coalesced += len(self._queue) - len(kept)
        for session_id in sessions:
            self._metrics.resyncs += 1
            kept.append(outgoing.resync(session_id, "client_slow"))
            snapshot = self._snapshots(self.tenant, session_id)
            if snapshot is not None:
                kept.append(snapshot)
        self._queue = kept

    async def run_writer(self) -> None:
        """Write queued messages until the connection closes; the only writer."""
        while not self.closing.done():
            if not self._queue:
                self._wakeup.clear()
                await self._wakeup.wait()
                continue
            item = self._queue.popleft()
            if not self._queue:
                self._collapsed = False  # caught up: a later burst gets its own resync
            text = item.render(self._next_seq(item.session_id)) if item.sequenced else item.head
            try:
                async with asyncio.timeout(self._send_timeout):
                    await self._sender.send_text(text)
            except TimeoutError:
                self._metrics.slow_disconnects += 1
                self.close(CLOSE_TOO_SLOW, "client too slow")
                return
            self._metrics.messages_out += 1
            if item.published_at is not None:
                self._metrics.lag.observe(time.time() - item.published_at)

    def _next_seq(self, session_id: str | None) -> int:
        key = session_id or ""
        seq = self._seq.get(key, 0) + 1
        self._seq[key] = seq
        return seq
