"""Blocking views of async streams, for parsers that run in a worker thread."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Iterator
from typing import TypeVar

T = TypeVar("T")


class AsyncByteReader(io.RawIOBase):
    """A readable file over an async byte iterator; read from a thread, never the loop.
    `aclose` (on the loop) closes the iterator."""

    def __init__(self, chunks: AsyncIterator[bytes], loop: asyncio.AbstractEventLoop) -> None:
        self._chunks = chunks
        self._loop = loop
        self._buffer = b""
        self._eof = False
        self._closing = False
        self._idle = asyncio.Event()
        self._idle.set()

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buffer and not self._eof:
            future = asyncio.run_coroutine_threadsafe(self._next(), self._loop)
            chunk = future.result()
            if chunk is None:
                self._eof = True
            else:
                self._buffer = chunk
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size

    async def _next(self) -> bytes | None:
        if self._closing:
            return None
        self._idle.clear()
        try:
            return await anext(self._chunks)
        except StopAsyncIteration:
            return None
        finally:
            self._idle.set()

    async def aclose(self) -> None:
        """Close the iterator. A parse given up half-way (its request cancelled) leaves its
        thread reading: the read under way ends first, as an iterator cannot be closed
        while it runs, and the thread then sees the end of the stream."""
        self._closing = True
        await self._idle.wait()
        await self._chunks.aclose()  # type: ignore[attr-defined]


async def iterate_in_thread(items: Iterator[T], batch: int = 500) -> AsyncIterator[list[T]]:
    """Pull a blocking iterator in a worker thread, a batch at a time."""

    def take() -> list[T]:
        out: list[T] = []
        for item in items:
            out.append(item)
            if len(out) >= batch:
                break
        return out

    while True:
        chunk = await asyncio.to_thread(take)
        if not chunk:
            return
        yield chunk
