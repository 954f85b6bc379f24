"""A session's state is read from one listing of its folder; the manifest, markers and plan
are read again only when their content changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import CancelRequest, Plan, SessionManifest
from shared.status import SessionStateReader
from shared.storage.memory import MemoryStore
from tests.worker.sessions import make_rows, seed_session

pytestmark = pytest.mark.unit


class CountingStore(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.reads: list[str] = []

    async def get_bytes(self, key: str) -> bytes:
        self.reads.append(key.rsplit("/", 2)[-1])
        return await super().get_bytes(key)


async def test_unchanged_objects_are_read_once_and_a_replaced_one_again() -> None:
    store = CountingStore()
    keys = await seed_session(store, "t1", "a" * 32, make_rows(3))
    reader = SessionStateReader(store)

    first = await reader.read("t1", keys.session_id)
    read_first, store.reads = store.reads, []
    again = await reader.read("t1", keys.session_id)

    assert sorted(read_first) == ["manifest.json", "start.json"]
    assert store.reads == []
    assert again == first
    assert first.status is SessionStatus.QUEUED
    manifest = await store.get_model(keys.manifest, SessionManifest)
    renamed = manifest.input.model_copy(update={"name_column": "Group"})
    await store.put_model(keys.manifest, manifest.model_copy(update={"input": renamed}))
    await store.put_model(keys.cancel_marker, CancelRequest(requested_at=datetime.now(UTC)))
    store.reads = []

    changed = await reader.read("t1", keys.session_id)

    assert sorted(store.reads) == ["cancel.json", "manifest.json"]
    assert changed.manifest.input.name_column == "Group"
    assert changed.cancel_requested_at is not None


async def test_a_planned_session_runs_and_one_without_a_manifest_is_not_found() -> None:
    store = CountingStore()
    keys = await seed_session(store, "t1", "b" * 32, make_rows(3))
    plan = Plan(
        session_id=keys.session_id,
        total_rows=3,
        chunk_size=200,
        chunk_count=1,
        planned_at=datetime.now(UTC),
    )
    await store.put_model(keys.plan, plan)
    reader = SessionStateReader(store)

    state = await reader.read("t1", keys.session_id)

    assert (state.status, state.chunk_count, state.chunks_done) == (SessionStatus.RUNNING, 1, 0)
    await store.delete(keys.manifest)
    with pytest.raises(NotFound):
        await reader.read("t1", keys.session_id)
    with pytest.raises(NotFound):
        await reader.read("t1", SessionKeys("t1", "c" * 32).session_id)
