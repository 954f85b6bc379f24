"""An object written piece by piece while it is produced: `write`, then `close`.

Pieces are gathered into blocks of `block` bytes and handed to the store's streaming
upload, at most `depth` blocks waiting: a writer faster than the storage waits, so memory
stays bounded whatever the object's size, and the upload runs while the rest is produced
rather than after it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from shared.storage.protocol import ObjectStore

BLOCK = 1024 * 1024


class ObjectStream:
    def __init__(
        self,
        store: ObjectStore,
        key: str,
        content_type: str,
        *,
        block: int = BLOCK,
        depth: int = 2,
    ) -> None:
        self.key = key
        self._block = block
        self._pending: list[bytes] = []
        self._size = 0
        self._queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=depth)
        self._upload = asyncio.ensure_future(store.put_stream(key, self._blocks(), content_type))

    async def write(self, data: bytes) -> None:
        if not data:
            return
        self._pending.append(data)
        self._size += len(data)
        if self._size >= self._block:
            await self._put(b"".join(self._pending))
            self._pending, self._size = [], 0

    async def close(self) -> int:
        """Waits until the object is stored; its size in bytes."""
        if self._pending:
            await self._put(b"".join(self._pending))
            self._pending, self._size = [], 0
        await self._put(None)
        return await self._upload

    async def abort(self) -> None:
        """Nothing is stored: the upload is cancelled before it completes."""
        self._upload.cancel()
        with contextlib.suppress(BaseException):
            await self._upload

    async def _put(self, item: bytes | None) -> None:
        # A failed upload takes no more input: its error is raised here, not a hang.
        put = asyncio.ensure_future(self._queue.put(item))
        await asyncio.wait({put, self._upload}, return_when=asyncio.FIRST_COMPLETED)
        if not put.done():
            put.cancel()
            await self._upload  # raises the upload's error
            raise RuntimeError(f"the upload of {self.key} ended before its input")

    async def _blocks(self) -> AsyncIterator[bytes]:
        while (item := await self._queue.get()) is not None:
            yield item
