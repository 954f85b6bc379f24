"""Sessions created through one gateway process, stored so other gateway processes list
them without reading each session's objects.

A gateway keeps the state of a session it creates from the creation (gateway/
settled_states.py); another replica of the gateway knew nothing of it and read it on its
next list: its folder and its manifest, two requests per session, so a list after a burst
of uploads through another replica read each of them (98 uploads: about 200 requests).

Each process now also stores what it created in the last `max_age`, per tenant, as
`tenants/<t>/created_states/<writer>.json` (`StoredSettled`, as the stored copy of settled
states: per session the created state, no mark, and when it was created). Only that
process writes its object, whole, in the background: at once after a creation, then at
most once per `interval` per tenant, with the newest `limit` sessions it created by then
(a page of the list holds at most 200; an entry is about 1.3 KB, written in about 12 µs
and read back in about 25 µs). A list that meets a
session created in the last `max_age` which it does not keep lists the tenant's
`created_states/` once and reads the objects whose ETag changed since it last read them:
one listing and one read per process that created sessions, instead of two requests per
session.

An entry is used as a state kept from the creation is: only while the session has no mark
(any change made to it through any gateway writes one, so a session started, changed,
cancelled or deleted is read from its objects), and for at most `max_age` after the
creation. An entry missing (its write not done yet, or failed) costs the reads of that
session, never a wrong state. Objects left by processes that stopped are removed by any
reader once older than twice `max_age`.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Collection
from datetime import UTC, datetime, timedelta

import structlog

from gateway.settled_copy import SettledCopies, SettledEntry, StoredSettled
from shared.layout import created_states_key, created_states_prefix
from shared.status import SessionState
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()


class CreatedStates:
    def __init__(
        self,
        store: ObjectStore,
        *,
        max_age: float = 300.0,
        interval: float = 0.1,
        limit: int = 200,
        writer: str | None = None,
        capacity: int = 1_000,
    ) -> None:
        self._store = store
        self._max_age = max_age
        self._writer = writer or uuid.uuid4().hex
        self._capacity = capacity
        self._copies = SettledCopies(
            store,
            interval=interval,
            limit=limit,
            name="created_states",
            key=lambda tenant: created_states_key(tenant, self._writer),
        )
        # Tenant -> session id -> this process's creations.
        self._own: dict[str, dict[str, SettledEntry]] = {}
        # Another process's object -> its ETag when read and its entries.
        self._read: dict[str, tuple[str, dict[str, SettledEntry]]] = {}

    def recent(self, session_id: str) -> bool:
        """Whether the session was created within `max_age` (its id starts with the
        creation's millisecond), with a minute's room for clocks apart."""
        try:
            created_ms = int(session_id[:12], 16)
        except ValueError:
            return False
        return time.time() * 1000 - created_ms <= (self._max_age + 60.0) * 1000

    def add(self, state: SessionState, created_at: datetime) -> None:
        """A session this process created (its manifest stored): stored in the background."""
        tenant = state.manifest.tenant
        own = self._own.setdefault(tenant, {})
        own[state.manifest.session_id] = SettledEntry(mark=None, read_at=created_at, state=state)
        self._copies.offer(tenant, lambda: self._entries(tenant))

    def _entries(self, tenant: str) -> dict[str, SettledEntry]:
        oldest = datetime.now(UTC) - timedelta(seconds=self._max_age)
        own = self._own.get(tenant, {})
        for session_id in [sid for sid, entry in own.items() if entry.read_at < oldest]:
            del own[session_id]
        return dict(own)

    async def others(self, tenant: str) -> dict[str, SettledEntry]:
        """The entries other processes stored for the tenant: one listing, then a read of
        each object changed since this process read it (none readable: no entries)."""
        prefix = created_states_prefix(tenant)
        try:
            listing = await self._store.list_objects(prefix)
        except Exception as exc:
            log.warning("session.created_states_unlisted", tenant=tenant, error=repr(exc))
            return {}
        own = created_states_key(tenant, self._writer)
        stale = datetime.now(UTC) - timedelta(seconds=2 * self._max_age)
        fresh = {info.key: info.etag for info in listing if info.key != own}
        old = [
            info.key
            for info in listing
            if info.key != own and info.last_modified is not None and info.last_modified < stale
        ]
        for key in old:
            fresh.pop(key)
        changed = [key for key, etag in fresh.items() if self._read.get(key, ("",))[0] != etag]
        read, removed = await asyncio.gather(
            asyncio.gather(
                *(self._store.get_model(key, StoredSettled) for key in changed),
                return_exceptions=True,
            ),
            asyncio.gather(*(self._store.delete(key) for key in old), return_exceptions=True),
        )
        self._forget(prefix, fresh.keys())
        if len(self._read) + len(changed) > self._capacity:
            self._read.clear()
        for key, copy in zip(changed, read, strict=True):
            if isinstance(copy, BaseException):
                log.warning("session.created_states_unread", key=key, error=repr(copy))
                continue
            self._read[key] = (fresh[key], dict(copy.sessions))
        failed = [repr(r) for r in removed if isinstance(r, BaseException)]
        if failed:
            log.warning("session.created_states_not_removed", count=len(failed), error=failed[0])
        entries: dict[str, SettledEntry] = {}
        for key in fresh:
            if key in self._read:
                entries.update(self._read[key][1])
        return entries

    def _forget(self, prefix: str, listed: Collection[str]) -> None:
        """Objects of the tenant no longer listed (removed) are no longer held."""
        for key in [key for key in self._read if key.startswith(prefix) and key not in listed]:
            del self._read[key]

    async def drain(self) -> None:
        await self._copies.drain()

    async def close(self) -> None:
        await self._copies.close()
