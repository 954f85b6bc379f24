"""A parse given up half-way, as when the gateway's shutdown cancels an upload: its source
is closed once the read under way ends, without an error, and its thread stops reading."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import pytest

from gateway.ingest.bridge import AsyncByteReader, iterate_in_thread

pytestmark = pytest.mark.unit


async def test_a_parse_cancelled_during_a_read_closes_its_source_once_the_read_ends() -> None:
    reading, release = asyncio.Event(), asyncio.Event()
    served: list[bytes] = []
    closed = asyncio.Event()

    async def stored_file() -> AsyncIterator[bytes]:
        try:
            for chunk in (b"name\n" + b"Acme\n" * 100, b"Globex\n", b"Initech\n"):
                if served:
                    reading.set()
                    await release.wait()  # a read from storage, still under way
                served.append(chunk)
                yield chunk
        finally:
            closed.set()

    reader = AsyncByteReader(stored_file(), asyncio.get_running_loop())
    lines = iter(io.BufferedReader(reader))

    async def parse() -> None:
        async for _ in iterate_in_thread(lines, batch=1000):
            pass

    parsing = asyncio.create_task(parse())
    await asyncio.wait_for(reading.wait(), 5)
    parsing.cancel()
    closing = asyncio.create_task(reader.aclose())
    done, _ = await asyncio.wait({closing}, timeout=0.1)
    assert not done, "closed while a read of the source was under way"

    release.set()
    await asyncio.wait_for(closing, 5)
    assert closed.is_set()
    # The thread saw the end of the stream after the read under way, and asked no more.
    assert len(served) == 2
    with pytest.raises(asyncio.CancelledError):
        await parsing
