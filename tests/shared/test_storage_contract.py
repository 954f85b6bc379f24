"""The `ObjectStore` contract, run against the S3 adapter (SeaweedFS) and the in-memory twin."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from shared.errors import NotFound
from shared.models import CancelRequest
from shared.storage.memory import MemoryStore
from shared.storage.protocol import ObjectStore

pytestmark = pytest.mark.contract


@pytest.fixture(params=["s3", "memory"])
def any_store(request: pytest.FixtureRequest) -> ObjectStore:
    if request.param == "memory":
        return MemoryStore()
    store: ObjectStore = request.getfixturevalue("store")
    return store


async def test_bytes_round_trip_and_missing_key_is_not_found(
    any_store: ObjectStore, tenant: str
) -> None:
    await any_store.put_bytes(f"{tenant}/a.txt", b"hello")
    assert await any_store.get_bytes(f"{tenant}/a.txt") == b"hello"
    assert await any_store.exists(f"{tenant}/a.txt")
    with pytest.raises(NotFound):
        await any_store.get_bytes(f"{tenant}/missing.txt")
    with pytest.raises(NotFound):
        await any_store.get_model(f"{tenant}/missing.json", CancelRequest)
    with pytest.raises(NotFound):
        [chunk async for chunk in any_store.iter_bytes(f"{tenant}/missing.txt")]
    assert await any_store.stat(f"{tenant}/missing.txt") is None
    assert not await any_store.exists(f"{tenant}/missing.txt")


async def test_a_range_of_an_object_is_read_alone_and_a_missing_key_is_not_found(
    any_store: ObjectStore, tenant: str
) -> None:
    await any_store.put_bytes(f"{tenant}/lines.jsonl", b"0123456789")
    assert await any_store.get_range(f"{tenant}/lines.jsonl", 3, 4) == b"3456"
    assert await any_store.get_range(f"{tenant}/lines.jsonl", 0, 1) == b"0"
    assert await any_store.get_range(f"{tenant}/lines.jsonl", 8, 5) == b"89"
    with pytest.raises(NotFound):
        await any_store.get_range(f"{tenant}/missing.jsonl", 0, 4)


async def test_a_key_holds_its_last_write(any_store: ObjectStore, tenant: str) -> None:
    key = f"{tenant}/marker.json"
    await any_store.put_bytes(key, b"first")
    await any_store.put_bytes(key, b"second, longer")
    assert await any_store.get_bytes(key) == b"second, longer"
    info = await any_store.stat(key)
    assert info is not None
    assert (info.key, info.size) == (key, len(b"second, longer"))


async def test_concurrent_writers_of_one_key_leave_one_whole_value(
    any_store: ObjectStore, tenant: str
) -> None:
    key = f"{tenant}/race.bin"
    values = [bytes([n]) * 10_000 for n in range(8)]
    await asyncio.gather(*(any_store.put_bytes(key, value) for value in values))
    assert await any_store.get_bytes(key) in values


async def test_stream_upload_of_unknown_length_spans_parts(
    any_store: ObjectStore, tenant: str
) -> None:
    block = os.urandom(1024 * 1024)

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(12):  # 12 MiB: three multipart parts on S3
            yield block

    written = await any_store.put_stream(f"{tenant}/big.bin", chunks())
    assert written == 12 * len(block)
    received = b"".join([c async for c in any_store.iter_bytes(f"{tenant}/big.bin", 1 << 20)])
    assert received == block * 12


async def test_failed_stream_upload_leaves_no_object(any_store: ObjectStore, tenant: str) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"x" * 1000
        raise ValueError("client went away")

    with pytest.raises(ValueError, match="client went away"):
        await any_store.put_stream(f"{tenant}/broken.bin", chunks())
    assert not await any_store.exists(f"{tenant}/broken.bin")


async def test_reads_are_answered_while_many_stream_uploads_wait_for_their_input(
    any_store: ObjectStore, tenant: str
) -> None:
    uploads_count = 40  # more than the S3 adapter's pool of threads for ordinary calls
    waiting = 0
    all_waiting, release = asyncio.Event(), asyncio.Event()

    async def slow_client() -> AsyncIterator[bytes]:
        nonlocal waiting
        yield b"head,"
        waiting += 1
        if waiting == uploads_count:
            all_waiting.set()
        await release.wait()
        yield b"tail"

    uploads = [
        asyncio.create_task(any_store.put_stream(f"{tenant}/slow/{n}", slow_client()))
        for n in range(uploads_count)
    ]
    try:
        await asyncio.wait_for(all_waiting.wait(), 10)
        await asyncio.wait_for(any_store.put_bytes(f"{tenant}/other", b"other"), 10)
        assert await asyncio.wait_for(any_store.get_bytes(f"{tenant}/other"), 10) == b"other"
    finally:
        release.set()
    assert await asyncio.gather(*uploads) == [len(b"head,tail")] * uploads_count


async def test_listing_children_and_deleting_a_prefix(any_store: ObjectStore, tenant: str) -> None:
    for key in ("s2/a", "s1/b/c", "s1/a", "top.txt"):
        await any_store.put_bytes(f"{tenant}/{key}", b"1")
    assert await any_store.list_children(f"{tenant}/") == ["s1", "s2"]
    assert [o.key for o in await any_store.list_objects(f"{tenant}/s1/")] == [
        f"{tenant}/s1/a",
        f"{tenant}/s1/b/c",
    ]
    assert await any_store.delete_prefix(f"{tenant}/s1/") == 2
    assert await any_store.list_objects(f"{tenant}/s1/") == []
    assert await any_store.delete_prefix(f"{tenant}/nothing/") == 0
    await any_store.delete(f"{tenant}/s2/a")
    await any_store.delete(f"{tenant}/s2/a")  # deleting a missing key is not an error
    assert not await any_store.exists(f"{tenant}/s2/a")


async def test_a_listing_starts_after_a_key(any_store: ObjectStore, tenant: str) -> None:
    for key in ("s/000002.json", "s/000000.json", "s/000001.json", "s/sub/a", "t/000009.json"):
        await any_store.put_bytes(f"{tenant}/{key}", b"1")

    after_first = await any_store.list_objects(
        f"{tenant}/s/", start_after=f"{tenant}/s/000000.json"
    )
    # A key that is not stored still marks where the listing starts.
    between = await any_store.list_objects(f"{tenant}/s/", start_after=f"{tenant}/s/000001.z")
    after_last = await any_store.list_objects(f"{tenant}/s/", start_after=f"{tenant}/s/sub/a")
    before_prefix = await any_store.list_objects(f"{tenant}/s/", start_after=f"{tenant}/a")

    assert [o.key for o in after_first] == [
        f"{tenant}/s/000001.json",
        f"{tenant}/s/000002.json",
        f"{tenant}/s/sub/a",
    ]
    assert [o.key for o in between] == [f"{tenant}/s/000002.json", f"{tenant}/s/sub/a"]
    assert after_last == []
    assert len(before_prefix) == 4
    assert all(o.etag for o in after_first)


async def test_one_level_lists_its_objects_with_their_etags_and_its_folders(
    any_store: ObjectStore, tenant: str
) -> None:
    for key, data in (("s/b.json", b"1"), ("s/a.json", b"2"), ("s/x/c", b"3"), ("s/y/z/d", b"4")):
        await any_store.put_bytes(f"{tenant}/{key}", data)

    objects, folders = await any_store.list_level(f"{tenant}/s/")

    assert [o.key for o in objects] == [f"{tenant}/s/a.json", f"{tenant}/s/b.json"]
    stated = [await any_store.stat(o.key) for o in objects]
    assert [o.etag for o in objects] == [info.etag for info in stated if info is not None]
    assert folders == ["x", "y"]
    await any_store.put_bytes(f"{tenant}/s/a.json", b"changed")
    objects, _ = await any_store.list_level(f"{tenant}/s/")
    assert stated[0] is not None
    assert objects[0].etag != stated[0].etag


async def test_models_round_trip(any_store: ObjectStore, tenant: str) -> None:
    record = CancelRequest(requested_at=datetime(2026, 1, 2, tzinfo=UTC))
    await any_store.put_model(f"{tenant}/cancel.json", record)
    assert await any_store.get_model(f"{tenant}/cancel.json", CancelRequest) == record


async def test_put_if_absent_stores_only_on_a_free_key(any_store: ObjectStore, tenant: str) -> None:
    key = f"{tenant}/claim.json"
    assert await any_store.put_if_absent(key, b"first", "application/json")
    assert not await any_store.put_if_absent(key, b"second", "application/json")
    assert await any_store.get_bytes(key) == b"first"
    await any_store.put_bytes(f"{tenant}/plain.json", b"plain")
    assert not await any_store.put_if_absent(f"{tenant}/plain.json", b"other")
    await any_store.delete(key)
    assert await any_store.put_if_absent(key, b"third")
    assert await any_store.get_bytes(key) == b"third"
    record = CancelRequest(requested_at=datetime(2026, 1, 2, tzinfo=UTC))
    assert await any_store.put_model_if_absent(f"{tenant}/model.json", record)
    later = CancelRequest(requested_at=datetime(2026, 1, 3, tzinfo=UTC))
    assert not await any_store.put_model_if_absent(f"{tenant}/model.json", later)
    assert await any_store.get_model(f"{tenant}/model.json", CancelRequest) == record


async def test_of_concurrent_put_if_absent_exactly_one_wins_and_its_bytes_stay(
    any_store: ObjectStore, tenant: str
) -> None:
    for attempt in range(5):
        key = f"{tenant}/race-{attempt}.json"
        values = [f"writer {n}".encode() for n in range(20)]
        won = await asyncio.gather(*(any_store.put_if_absent(key, value) for value in values))
        assert won.count(True) == 1, won
        assert await any_store.get_bytes(key) == values[won.index(True)]
