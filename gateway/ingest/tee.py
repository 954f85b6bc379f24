"""One upload read by two consumers as it arrives: storage, and the parser of its rows.

The parser is slower than storage; up to `BUFFER_BYTES` wait for it, then storage (and so the
client's upload) waits too, so memory stays bounded. A parser that stops early (a bad
row) stops receiving; storage goes on to the end.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

# Bytes waiting for the parser before storage waits too.
BUFFER_BYTES = 2 * 1024 * 1024


class UploadInterrupted(Exception):
    """The upload ended in an error before its last byte: the branch has no whole file."""


class Tee:
    def __init__(self, source: AsyncIterator[bytes]) -> None:
        self._source = source
        self._primed: list[bytes] = []
        self._exhausted = False
        self._queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        self._queued_bytes = 0
        self._room = asyncio.Event()
        self._ended = False
        self._failed = False
        self._branch_gone = False

    async def prime(self, enough: Callable[[], bool]) -> None:
        """Read ahead until `enough()` (or the end), so both consumers start informed."""
        while not enough():
            try:
                self._primed.append(await anext(self._source))
            except StopAsyncIteration:
                self._exhausted = True
                return

    def without_branch(self) -> None:
        """Nobody will read the branch: storage goes on alone."""
        self._branch_gone = True

    async def chunks(self) -> AsyncIterator[bytes]:
        """Every chunk of the upload, for storage; each is handed to the branch too, unless
        `without_branch` was called."""
        try:
            primed, self._primed = self._primed, []
            for chunk in primed:
                await self._hand_on(chunk)
                yield chunk
            if not self._exhausted:
                async for chunk in self._source:
                    await self._hand_on(chunk)
                    yield chunk
        except BaseException:
            self._end(failed=True)
            raise
        self._end(failed=False)

    async def branch(self) -> AsyncIterator[bytes]:
        """The same chunks, for the parser; UploadInterrupted if the upload failed."""
        try:
            while not (self._ended and self._queue.empty()):
                chunk = await self._queue.get()
                if chunk is not None:
                    self._queued_bytes -= len(chunk)
                    self._room.set()
                    yield chunk
            if self._failed:
                raise UploadInterrupted("the upload ended before its last byte")
        finally:
            self._branch_gone = True
            self._room.set()  # storage may be waiting for room
            while not self._queue.empty():
                self._queue.get_nowait()

    async def _hand_on(self, chunk: bytes) -> None:
        while self._queued_bytes >= BUFFER_BYTES and not self._branch_gone:
            self._room.clear()
            await self._room.wait()
        if not self._branch_gone:
            self._queued_bytes += len(chunk)
            self._queue.put_nowait(chunk)

    def _end(self, failed: bool) -> None:
        self._ended, self._failed = True, failed
        self._queue.put_nowait(None)  # wakes a branch waiting on an empty queue
