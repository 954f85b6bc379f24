"""The storage adapter against a real S3 endpoint (SeaweedFS)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest

from shared.errors import NotFound
from shared.models import CancelRequest
from shared.storage import MinioStore

pytestmark = pytest.mark.contract


async def test_bytes_round_trip_and_missing_key_is_not_found(
    store: MinioStore, tenant: str
) -> None:
    await store.put_bytes(f"{tenant}/a.txt", b"hello")
    assert await store.get_bytes(f"{tenant}/a.txt") == b"hello"
    assert await store.exists(f"{tenant}/a.txt")
    with pytest.raises(NotFound):
        await store.get_bytes(f"{tenant}/missing.txt")
    assert await store.stat(f"{tenant}/missing.txt") is None


async def test_stream_upload_of_unknown_length_spans_parts(store: MinioStore, tenant: str) -> None:
    block = os.urandom(1024 * 1024)

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(12):  # 12 MiB: three multipart parts
            yield block

    written = await store.put_stream(f"{tenant}/big.bin", chunks())
    assert written == 12 * len(block)
    received = b"".join([c async for c in store.iter_bytes(f"{tenant}/big.bin", 1 << 20)])
    assert received == block * 12


async def test_failed_stream_upload_leaves_no_object(store: MinioStore, tenant: str) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"x" * 1000
        raise ValueError("client went away")

    with pytest.raises(ValueError, match="client went away"):
        await store.put_stream(f"{tenant}/broken.bin", chunks())
    assert not await store.exists(f"{tenant}/broken.bin")


async def test_listing_children_and_deleting_a_prefix(store: MinioStore, tenant: str) -> None:
    for key in ("s1/a", "s1/b/c", "s2/a"):
        await store.put_bytes(f"{tenant}/{key}", b"1")
    assert await store.list_children(f"{tenant}/") == ["s1", "s2"]
    assert [o.key for o in await store.list_objects(f"{tenant}/s1/")] == [
        f"{tenant}/s1/a",
        f"{tenant}/s1/b/c",
    ]
    assert await store.delete_prefix(f"{tenant}/s1/") == 2
    assert await store.list_objects(f"{tenant}/s1/") == []


async def test_models_round_trip(store: MinioStore, tenant: str) -> None:
    from datetime import UTC, datetime

    record = CancelRequest(requested_at=datetime(2026, 1, 2, tzinfo=UTC))
    await store.put_model(f"{tenant}/cancel.json", record)
    assert await store.get_model(f"{tenant}/cancel.json", CancelRequest) == record
