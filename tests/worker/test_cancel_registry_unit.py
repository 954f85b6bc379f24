"""The worker's cancel markers: reads of a session's marker shared between its chunks,
and a marker written meanwhile still seen by the next poll."""

from __future__ import annotations

import asyncio

import pytest

from shared.layout import SessionKeys
from shared.storage.memory import MemoryStore
from worker.cancel import CancelRegistry

pytestmark = pytest.mark.unit


class CountingStore(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    async def exists(self, key: str) -> bool:
        self.reads += 1
        return await super().exists(key)


async def test_a_chunk_starting_just_after_another_read_of_the_marker_reads_nothing() -> None:
    store = CountingStore()
    cancels = CancelRegistry(store)
    keys = SessionKeys("acme", "s1")

    assert not await cancels.check_marker(keys)
    assert not await cancels.check_marker(keys, unless_read_within=60)
    assert store.reads == 1
    # Without a recent read, it reads.
    assert not await cancels.check_marker(SessionKeys("acme", "s2"), unless_read_within=60)
    assert store.reads == 2


async def test_a_marker_written_after_the_last_read_is_seen_by_the_next_poll() -> None:
    store = CountingStore()
    cancels = CancelRegistry(store)
    keys = SessionKeys("acme", "s1")
    assert not await cancels.check_marker(keys)
    await store.put_bytes(keys.cancel_marker, b"{}")

    # A chunk starting now does not read it, but its watch polls one interval after the
    # last read and ends.
    assert not await cancels.check_marker(keys, unless_read_within=60)
    await asyncio.wait_for(cancels.watch(keys, poll_s=0.05), timeout=10)

    assert cancels.is_cancelled("s1")
    assert store.reads == 2
    assert await cancels.check_marker(keys, unless_read_within=60)
    assert store.reads == 2
