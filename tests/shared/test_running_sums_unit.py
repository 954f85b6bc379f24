"""How often a process stores a running session's sums: after `every` more chunks and
`interval` seconds, one write at a time, again after a write that failed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import BaseModel

from shared.layout import SessionKeys
from shared.models import Counters
from shared.running_sums import RunningSums, SumsWriter, running_sums_key, sums_now
from shared.storage.memory import MemoryStore
from shared.usage import Usage
from tests.sessions import csv_manifest

pytestmark = pytest.mark.unit

KEYS = SessionKeys("acme", "f" * 32)


class FlakyStore(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.fail = False
        self.writes = 0

    async def put_model(self, key: str, model: BaseModel) -> None:
        if key == running_sums_key(KEYS):
            self.writes += 1
            if self.fail:
                raise OSError("storage unavailable")
        await super().put_model(key, model)


def sums(count: int) -> RunningSums:
    return sums_now(KEYS, "plan-etag", count, Counters(done=count), Usage())


async def stored(store: MemoryStore) -> int:
    return (await store.get_model(running_sums_key(KEYS), RunningSums)).count


async def test_sums_are_stored_after_enough_chunks_and_time() -> None:
    store, now = FlakyStore(), [0.0]
    await store.put_model(KEYS.manifest, csv_manifest(KEYS, "a.csv", ["Name"], 1))
    writer = SumsWriter(store, every=10, interval=5.0, clock=lambda: now[0])
    writer.offer(KEYS, sums(9))  # fewer chunks than `every`: nothing
    await writer.drain()
    assert store.writes == 0
    writer.offer(KEYS, sums(10))
    await writer.drain()
    assert (store.writes, await stored(store)) == (1, 10)
    writer.offer(KEYS, sums(30))  # enough chunks, too soon
    now[0] = 5.0
    writer.offer(KEYS, sums(19))  # soon enough, too few chunks
    await writer.drain()
    assert store.writes == 1
    writer.offer(KEYS, sums(20))
    await writer.drain()
    assert (store.writes, await stored(store)) == (2, 20)


async def test_a_failed_write_is_tried_again_and_known_sums_are_not_written_again() -> None:
    store, now = FlakyStore(), [0.0]
    await store.put_model(KEYS.manifest, csv_manifest(KEYS, "a.csv", ["Name"], 1))
    writer = SumsWriter(store, every=10, interval=5.0, clock=lambda: now[0])
    store.fail = True
    writer.offer(KEYS, sums(10))
    await writer.drain()
    store.fail = False
    writer.offer(KEYS, sums(10))
    await writer.drain()
    assert (store.writes, await stored(store)) == (2, 10)
    fresh = SumsWriter(store, every=10, interval=5.0, clock=lambda: now[0])
    fresh.known(KEYS, 10)  # read from storage: covers 10 chunks already
    fresh.offer(KEYS, sums(15))
    await fresh.drain()
    assert store.writes == 2


async def test_sums_of_a_deleted_session_are_removed_after_the_write() -> None:
    store = FlakyStore()  # no manifest: deleted meanwhile
    writer = SumsWriter(store, every=1)
    writer.offer(KEYS, sums(3))
    await writer.drain()
    assert store.writes == 1
    assert await store.stat(running_sums_key(KEYS)) is None
    assert sums(3).fits(KEYS, "plan-etag")
    assert not sums(3).fits(KEYS, "another plan")
    assert not sums(3).fits(KEYS.in_round(1), "plan-etag")
    assert sums(3).written_at <= datetime.now(UTC)
