"""Settled sessions' states, kept by the gateway process between session lists.

A settled session changes only when a person acts on it through the gateway: a finished
one (its final status written, no retry round pending) by a review decision, a retry, a
delete; one created and not started by a start, a columns change, a cancel, a delete.
Each of these writes the session's mark (`tenants/<t>/session_marks/<id>.json`, new bytes
each time) once the change is stored, so one listing of the tenant's marks tells which
kept states are still current, and a list of 99 settled sessions reads none of them.
A session between its start and its end is written by workers: it is always read.

A state is kept under the mark listed before it was read: a change landing during the
read makes the next listing differ, and the state is read again. Kept states are read
again within `max_age` whatever the marks say, which bounds what a gateway stopped between
a change and its mark (another process's cache) can miss. States not kept are read at
most `window` at a time per call.

A process that just started keeps nothing: on its first list of a tenant it takes the
entries of the tenant's stored copy (gateway/settled_copy.py) as kept states, under the
marks they were read under and expiring `max_age` after they were read, so its first list
reads one object instead of each settled session. A list that changes what is kept of a
tenant stores the copy again, in the background.

A session this process creates is kept from its creation, as the state a read of its
objects gives then: it has no mark yet, and any change to it writes one. Sessions just
uploaded are then not read on the next list (98 uploads read on one list took 0.2-0.3 s
at load 4-6, about two requests each). Other gateway processes take them from what this
one stores of its creations (gateway/created_states.py), under the same rules.

A single session's read (`one`) checks only that session's mark, with one listing of its
key, before using a kept state: a settled session read again costs one request. A session
last seen unsettled is read without that check (workers change it; its mark tells
nothing), so reading a running session again costs what it did; it is kept from the
read after the one that sees it settled.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import structlog

from gateway.created_states import CreatedStates
from gateway.settled_copy import SettledCopies, SettledEntry
from shared.errors import NotFound
from shared.layout import SessionKeys, session_mark_key, session_marks_prefix
from shared.lifecycle import SessionStatus
from shared.models import Record
from shared.status import SessionState, SessionStateReader
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()

Change = Literal["start", "columns", "cancel", "review", "retry", "delete"]
# Session id -> its mark's ETag and time; a session never changed has no mark.
Marks = dict[str, str]


class SessionMark(Record):
    """`session_marks/<id>.json`: the latest change a person made to the session."""

    change: Change
    changed_at: datetime
    # Two changes in one clock tick still write different bytes, so different ETags.
    nonce: str


@dataclass(frozen=True)
class _Kept:
    mark: str | None
    # None: the session was deleted (kept only under a mark: a session being created has
    # no manifest yet, and no mark either).
    state: SessionState | None
    # When to read it again whatever the marks say (monotonic clock).
    expires: float
    # When it was read from the session's objects (wall clock: stored copies carry it).
    read_at: datetime


class SettledStates:
    def __init__(
        self,
        store: ObjectStore,
        reader: SessionStateReader,
        *,
        max_age: float = 300.0,
        window: int = 16,
        capacity: int = 5_000,
        copies: SettledCopies | None = None,
        created: CreatedStates | None = None,
    ) -> None:
        self._store = store
        self._reader = reader
        # Sessions created through gateway processes, stored (None: this process's only).
        self._created = created
        # The tenants' stored copies (None: kept in this process only).
        self._copies = copies
        self._loading: dict[str, asyncio.Future[dict[str, SettledEntry]]] = {}
        # Tenants whose stored copy this process has taken (or found missing).
        self._adopted: set[str] = set()
        # Tenants whose kept states changed since their copy was last offered.
        self._changed: set[str] = set()
        self._max_age = max_age
        self._window = window
        self._capacity = capacity
        self._kept: dict[tuple[str, str], _Kept] = {}
        # Sessions `one` last read unsettled: their marks are not checked before a read.
        self._unsettled: set[tuple[str, str]] = set()

    async def marks(self, tenant: str, listed: Collection[str]) -> Marks:
        """The tenant's marks, listed once before any state is read. Marks of sessions no
        longer listed (deleted, their folder gone) are removed, as is what was kept of them."""
        prefix = session_marks_prefix(tenant)
        marks: Marks = {}
        gone: list[str] = []
        listing, _ = await asyncio.gather(self._store.list_objects(prefix), self._adopt(tenant))
        for info in listing:
            session_id = info.key[len(prefix) :].removesuffix(".json")
            if session_id in listed:
                marks[session_id] = f"{info.etag} {info.last_modified}"
            else:
                gone.append(info.key)
        for key in self._kept.keys() - {(tenant, sid) for sid in listed}:
            if key[0] == tenant:
                del self._kept[key]
                self._changed.add(tenant)
        if gone:
            # Tidying only: a mark left behind is removed by a later list.
            removed = await asyncio.gather(
                *(self._store.delete(key) for key in gone), return_exceptions=True
            )
            failed = [repr(r) for r in removed if isinstance(r, Exception)]
            if failed:
                log.warning("session.marks_not_removed", count=len(failed), error=failed[0])
        return marks

    async def one(self, tenant: str, session_id: str) -> SessionState | None:
        """One session's state (None: not there), a kept one after one check of its mark."""
        at = (tenant, session_id)
        if at in self._unsettled:
            try:
                state: SessionState | None = await self._reader.read(tenant, session_id)
            except NotFound:
                state = None
            if state is not None and _settled(state):
                # Kept from the next read on, once its mark is known from before a read.
                self._unsettled.discard(at)
            return state
        key = session_mark_key(tenant, session_id)
        marks: Marks = {}
        for info in await self._store.list_objects(key):
            if info.key == key:  # formatted as `marks` lists them, to compare with those
                marks[session_id] = f"{info.etag} {info.last_modified}"
        state = await self._one(tenant, session_id, marks, asyncio.Semaphore(1))
        if state is not None and not _settled(state):
            if len(self._unsettled) >= self._capacity:
                self._unsettled.clear()
            self._unsettled.add(at)
        return state

    async def read(
        self, tenant: str, session_ids: Sequence[str], marks: Marks
    ) -> list[SessionState | None]:
        """Each session's state (None: not there, being created or deleted), kept ones
        without any request, the others read at most `window` at a time (per call, so one
        large call never holds up another tenant's list)."""
        if self._created is not None:
            await self._take_created(tenant, session_ids, marks)
        window = asyncio.Semaphore(self._window)
        reads = (self._one(tenant, sid, marks, window) for sid in session_ids)
        found = list(await asyncio.gather(*reads))
        if self._copies is not None and tenant in self._changed:
            self._changed.discard(tenant)
            self._copies.offer(tenant, lambda: self._entries(tenant))
        return found

    async def settle(self) -> None:
        """Wait for the stored copies being written (tests)."""
        if self._copies is not None:
            await self._copies.drain()
        if self._created is not None:
            await self._created.drain()

    async def close(self) -> None:
        if self._copies is not None:
            await self._copies.close()
        if self._created is not None:
            await self._created.close()

    async def _take_created(self, tenant: str, session_ids: Sequence[str], marks: Marks) -> None:
        """Sessions created in the last `max_age` that this process does not keep and that
        have no mark (no change since): their states as the creating gateway stored them,
        kept as this process keeps its own creations."""
        assert self._created is not None
        now = time.monotonic()
        unknown = []
        for sid in session_ids:
            kept = self._kept.get((tenant, sid))
            usable = kept is not None and kept.mark == marks.get(sid) and now < kept.expires
            if not usable and sid not in marks and self._created.recent(sid):
                unknown.append(sid)
        if not unknown:
            return
        entries = await self._created.others(tenant)
        now, wall = time.monotonic(), datetime.now(UTC)
        for sid in unknown:
            entry = entries.get(sid)
            if entry is None or entry.mark is not None or not _settled(entry.state):
                continue
            # As for the stored copy: `max_age` runs from the creation, whoever created it.
            age = max(0.0, (wall - entry.read_at).total_seconds())
            left = self._max_age * (0.5 + random.random() / 2) - age
            if left <= 0:
                continue
            if len(self._kept) >= self._capacity:
                self._kept.clear()
            self._kept[(tenant, sid)] = _Kept(None, entry.state, now + left, entry.read_at)
            self._changed.add(tenant)

    async def _adopt(self, tenant: str) -> None:
        """Take the tenant's stored copy as kept states, once per process: entries whose
        `max_age` has not run out, for sessions this process does not keep already."""
        if self._copies is None or tenant in self._adopted:
            return
        loading = self._loading.get(tenant)
        if loading is None:
            loading = self._loading[tenant] = asyncio.ensure_future(self._copies.load(tenant))
        # Shielded: a list given up does not stop the load others wait for.
        entries = await asyncio.shield(loading)
        if tenant in self._adopted:
            return  # taken by a list that waited alongside
        self._adopted.add(tenant)
        self._loading.pop(tenant, None)
        now, wall = time.monotonic(), datetime.now(UTC)
        for session_id, entry in entries.items():
            # A writer's clock ahead of this one's makes no entry live longer than `max_age`.
            age = max(0.0, (wall - entry.read_at).total_seconds())
            left = self._max_age * (0.5 + random.random() / 2) - age
            if left <= 0 or (tenant, session_id) in self._kept or not _settled(entry.state):
                continue
            if len(self._kept) >= self._capacity:
                break
            self._kept[(tenant, session_id)] = _Kept(
                entry.mark, entry.state, now + left, entry.read_at
            )

    def _entries(self, tenant: str) -> dict[str, SettledEntry]:
        """What this process keeps of the tenant, as the stored copy holds it."""
        now = time.monotonic()
        return {
            session_id: SettledEntry(mark=kept.mark, read_at=kept.read_at, state=kept.state)
            for (at, session_id), kept in list(self._kept.items())
            if at == tenant and kept.state is not None and now < kept.expires
        }

    async def _one(
        self, tenant: str, session_id: str, marks: Marks, window: asyncio.Semaphore
    ) -> SessionState | None:
        mark = marks.get(session_id)
        kept = self._kept.get((tenant, session_id))
        if kept and kept.mark == mark and time.monotonic() < kept.expires:
            return kept.state
        async with window:
            read_at, read_wall = time.monotonic(), datetime.now(UTC)
            try:
                state: SessionState | None = await self._reader.read(tenant, session_id)
            except NotFound:
                state = None  # still being created, or deleted
        if (state is not None and _settled(state)) or (state is None and mark is not None):
            if len(self._kept) >= self._capacity:
                self._kept.clear()
            # Between half of `max_age` and all of it: states read by one list expire over
            # many lists, not all on one.
            expires = read_at + self._max_age * (0.5 + random.random() / 2)
            self._kept[(tenant, session_id)] = _Kept(mark, state, expires, read_wall)
            self._changed.add(tenant)
        elif self._kept.pop((tenant, session_id), None) is not None:
            self._changed.add(tenant)
        return state

    def created(self, state: SessionState) -> None:
        """Call once a session's manifest is stored: its state until a person changes it.
        Kept under no mark (a change stored meanwhile wrote one, so it is read again)."""
        tenant = state.manifest.tenant
        if len(self._kept) >= self._capacity:
            self._kept.clear()
        expires = time.monotonic() + self._max_age * (0.5 + random.random() / 2)
        wall = datetime.now(UTC)
        self._kept[(tenant, state.manifest.session_id)] = _Kept(None, state, expires, wall)
        self._changed.add(tenant)
        if self._created is not None:
            self._created.add(state, wall)

    async def changed(self, keys: SessionKeys, change: Change) -> None:
        """Call once a person's change to the session is stored: this process forgets its
        state, and the mark tells every other gateway process. A mark that cannot be
        written is logged: the change itself stands, and others see it after `max_age`."""
        self._kept.pop((keys.tenant, keys.session_id), None)
        mark = SessionMark(change=change, changed_at=datetime.now(UTC), nonce=uuid.uuid4().hex)
        try:
            await self._store.put_model(session_mark_key(keys.tenant, keys.session_id), mark)
        except Exception as exc:
            log.warning("session.mark_lost", session_id=keys.session_id, error=str(exc))


def _settled(state: SessionState) -> bool:
    """Only the gateway writes what this state comes from (a created session's next
    step is the start the gateway records)."""
    return state.finalized or state.status is SessionStatus.CREATED
