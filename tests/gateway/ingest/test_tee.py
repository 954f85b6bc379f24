"""An upload read by storage and the parser at once: both see every byte, a parser that
stops early never holds storage up, and an upload that fails is no whole file to either."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from gateway.ingest import tee as tee_module
from gateway.ingest.tee import Tee, UploadInterrupted

pytestmark = pytest.mark.unit


async def pieces(count: int, size: int = 1000, fail_at: int | None = None) -> AsyncIterator[bytes]:
    for n in range(count):
        if n == fail_at:
            raise ValueError("the client went away")
        yield bytes([n % 256]) * size
        await asyncio.sleep(0)


async def drain(chunks: AsyncIterator[bytes]) -> bytes:
    return b"".join([chunk async for chunk in chunks])


async def test_storage_and_the_branch_both_read_every_byte_primed_ones_too() -> None:
    tee = Tee(pieces(50))
    await tee.prime(lambda: len(tee._primed) >= 3)

    stored, branched = await asyncio.gather(drain(tee.chunks()), drain(tee.branch()))

    assert stored == branched == b"".join(bytes([n]) * 1000 for n in range(50))


async def test_a_slow_branch_holds_storage_back_to_the_buffer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tee_module, "BUFFER_BYTES", 5000)
    tee = Tee(pieces(100))
    stored: list[bytes] = []

    async def store() -> None:
        async for chunk in tee.chunks():
            stored.append(chunk)

    storing = asyncio.create_task(store())
    branch = tee.branch()
    await anext(branch)
    await asyncio.sleep(0.05)
    # One chunk read by the branch, five waiting for it, one held by storage.
    assert len(stored) <= 7
    await drain(branch)
    await storing
    assert len(stored) == 100


async def test_a_branch_that_stops_early_lets_storage_finish() -> None:
    tee = Tee(pieces(200))

    async def parse_one_then_fail() -> None:
        async for _ in tee.branch():
            raise ValueError("bad row")

    stored, parsed = await asyncio.gather(
        drain(tee.chunks()), parse_one_then_fail(), return_exceptions=True
    )

    assert isinstance(parsed, ValueError)
    assert isinstance(stored, bytes)
    assert len(stored) == 200_000


async def test_an_upload_that_fails_is_no_whole_file_to_the_branch() -> None:
    tee = Tee(pieces(20, fail_at=10))

    stored, branched = await asyncio.gather(
        drain(tee.chunks()), drain(tee.branch()), return_exceptions=True
    )

    assert isinstance(stored, ValueError)
    assert isinstance(branched, UploadInterrupted)


async def test_storage_alone_reads_to_the_end_when_no_branch_will(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tee_module, "BUFFER_BYTES", 5000)
    tee = Tee(pieces(100))
    tee.without_branch()

    stored = await asyncio.wait_for(drain(tee.chunks()), 5)

    assert len(stored) == 100_000
