"""How a process stores a tenant's copy of settled states: the newest sessions, at most
once per `interval`, with what is kept when the write starts; a copy that cannot be read
is no copy."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import BaseModel

from gateway.settled_copy import SettledCopies, SettledEntry, StoredSettled
from shared.layout import SessionKeys, settled_states_key
from shared.status import SessionState
from shared.storage.memory import MemoryStore
from tests.sessions import csv_manifest

pytestmark = pytest.mark.unit

TENANT = "acme"


class CountingStore(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    async def put_model(self, key: str, model: BaseModel) -> None:
        self.writes += 1
        await super().put_model(key, model)


def entry(session_id: str) -> SettledEntry:
    manifest = csv_manifest(SessionKeys(TENANT, session_id), "a.csv", ["Name"], 1)
    return SettledEntry(mark=None, read_at=datetime.now(UTC), state=SessionState.created(manifest))


def ids(*numbers: int) -> list[str]:
    return [f"{n:032x}" for n in numbers]


async def stored(store: MemoryStore) -> list[str]:
    copy = await store.get_model(settled_states_key(TENANT), StoredSettled)
    return sorted(copy.sessions)


async def test_the_copy_holds_the_newest_sessions() -> None:
    store = CountingStore()
    copies = SettledCopies(store, limit=3)
    kept = {sid: entry(sid) for sid in ids(5, 1, 4, 2, 3)}
    copies.offer(TENANT, lambda: kept)
    await copies.drain()
    assert await stored(store) == ids(3, 4, 5)
    assert sorted((await copies.load(TENANT)).keys()) == ids(3, 4, 5)


async def test_a_write_within_the_interval_waits_and_takes_what_is_kept_then() -> None:
    store, now = CountingStore(), [100.0]
    copies = SettledCopies(store, interval=0.05, clock=lambda: now[0])
    kept = {sid: entry(sid) for sid in ids(1)}
    copies.offer(TENANT, lambda: dict(kept))
    await copies.drain()
    copies.offer(TENANT, lambda: dict(kept))  # due only in 0.05 s
    copies.offer(TENANT, lambda: dict(kept))  # the scheduled write will take this too
    kept.update({sid: entry(sid) for sid in ids(2)})  # lands before the write starts
    await copies.drain()
    assert (store.writes, await stored(store)) == (2, ids(1, 2))


async def test_a_copy_that_cannot_be_read_is_no_copy() -> None:
    store = CountingStore()
    copies = SettledCopies(store)
    assert await copies.load(TENANT) == {}
    await store.put_bytes(settled_states_key(TENANT), b'{"sessions": 3}')
    assert await copies.load(TENANT) == {}


async def test_closing_gives_up_a_write_not_made_yet() -> None:
    store = CountingStore()
    copies = SettledCopies(store, interval=60.0)
    kept = {sid: entry(sid) for sid in ids(1)}
    copies.offer(TENANT, lambda: kept)
    await copies.drain()
    copies.offer(TENANT, lambda: kept)  # due in a minute
    await copies.close()
    assert store.writes == 1
