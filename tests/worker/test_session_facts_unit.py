"""The session's own facts (options, context, criteria) are read once per worker, not
once per chunk; the chunks still see them."""

from __future__ import annotations

import pytest

from shared.lifecycle import SessionStatus
from shared.storage.memory import MemoryStore
from tests.worker.engine import memory_engine
from tests.worker.sessions import make_rows

pytestmark = pytest.mark.unit


class CountingReads(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.reads: dict[str, int] = {}

    async def get_bytes(self, key: str) -> bytes:
        name = key.rsplit("/", 1)[-1]
        self.reads[name] = self.reads.get(name, 0) + 1
        return await super().get_bytes(key)


async def test_a_worker_reads_the_session_context_once_for_all_its_chunks() -> None:
    store = CountingReads()
    async with memory_engine(store) as twin:
        (worker,) = await twin.start_workers(1, chunk_size=5)
        keys = await twin.start(make_rows(40))

        final = await twin.final(keys)

        assert final.status is SessionStatus.COMPLETED
        assert final.counters.done == 40
        assert len(worker.pipeline.chunks) == 8
        assert store.reads["context.txt"] == 1
