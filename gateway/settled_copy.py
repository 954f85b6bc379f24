"""The tenant's stored copy of its settled sessions' states, so a gateway process that just
started answers its first session list without reading each settled session's objects.

`tenants/<t>/settled_states.json` holds, per settled session, the state a gateway read from
the session's objects, the session mark listed before that read (gateway/settled_states.py)
and when it was read. It is derived data, like a running session's stored sums: any
gateway writes it whole, any version is correct and none has to win over another, because
an entry is used only as a state the process read itself would be: while the mark listed
now is the one it was read under, and for at most `max_age` after it was read. A version
that lost a race to another costs reads on a later start, never a wrong answer.

A write follows a list that changed what the process keeps of the tenant (a state read
from a session's objects, a session gone), in the background: at most once per `interval`
per tenant, taking what is kept when it starts, so changes landing meanwhile ride along.
A write that fails is logged; a later change writes again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime

import structlog

from shared.errors import NotFound
from shared.layout import settled_states_key
from shared.models import Record
from shared.status import SessionState
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()
_NEVER = float("-inf")


class SettledEntry(Record):
    """One settled session's state as a gateway read it from the session's objects."""

    # The session's mark as listed before the read (None: the session had none).
    mark: str | None
    read_at: datetime
    state: SessionState


class StoredSettled(Record):
    """`settled_states.json`: settled sessions' entries by session id."""

    written_at: datetime
    sessions: dict[str, SettledEntry]


class SettledCopies:
    def __init__(
        self,
        store: ObjectStore,
        *,
        interval: float = 5.0,
        limit: int = 500,
        clock: Callable[[], float] = time.monotonic,
        key: Callable[[str], str] = settled_states_key,
        name: str = "settled_copy",
    ) -> None:
        self._store = store
        # Where a tenant's copy is stored (gateway/created_states.py stores another kind).
        self._key = key
        self._name = name  # in its log lines
        self._interval = interval
        # Session ids sort by creation: the newest `limit` are kept, the first pages.
        self._limit = limit
        self._clock = clock
        # Tenant -> when its next write may start.
        self._due: dict[str, float] = {}
        # Tenants whose write is scheduled and has not taken its entries yet.
        self._scheduled: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._writing: dict[str, asyncio.Lock] = {}

    async def load(self, tenant: str) -> dict[str, SettledEntry]:
        """The stored entries (none when there is no copy or it cannot be read: the
        sessions are then read from their objects, as without a copy)."""
        try:
            copy = await self._store.get_model(self._key(tenant), StoredSettled)
        except NotFound:
            return {}
        except Exception as exc:
            log.warning(f"session.{self._name}_unread", tenant=tenant, error=repr(exc))
            return {}
        return dict(copy.sessions)

    def offer(self, tenant: str, entries: Callable[[], dict[str, SettledEntry]]) -> None:
        """Store the tenant's copy once due; `entries` is called when the write starts."""
        if tenant in self._scheduled:
            return  # the scheduled write takes the entries as they will be then
        self._scheduled.add(tenant)
        delay = max(0.0, self._due.get(tenant, _NEVER) - self._clock())
        task = asyncio.create_task(self._write(tenant, entries, delay))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _write(
        self, tenant: str, entries: Callable[[], dict[str, SettledEntry]], delay: float
    ) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
        finally:
            self._scheduled.discard(tenant)
        self._due[tenant] = self._clock() + self._interval
        # One write of a tenant's copy at a time, its entries taken once the one before is
        # stored: a slow write never lands after a newer one.
        async with self._writing.setdefault(tenant, asyncio.Lock()):
            found = entries()
            newest = sorted(found)[-self._limit :]
            copy = StoredSettled(
                written_at=datetime.now(UTC), sessions={sid: found[sid] for sid in newest}
            )
            try:
                await self._store.put_model(self._key(tenant), copy)
            except Exception as exc:
                log.warning(f"session.{self._name}_not_written", tenant=tenant, error=repr(exc))
            else:
                log.debug(f"session.{self._name}_written", tenant=tenant, sessions=len(newest))

    async def drain(self) -> None:
        """Wait for the writes scheduled or under way (tests)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        """Stop: a write not made yet is given up (the copy is only a shortcut)."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
