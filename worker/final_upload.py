"""A local file stored as one object: at once when small, streamed in blocks when large."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

from shared.storage.protocol import ObjectStore

# Files this large are streamed rather than read whole, in blocks of `STREAM_BLOCK`: the
# storage stream queues several blocks, so smaller ones hold less memory.
UPLOAD_BLOCK = 5 * 1024 * 1024
STREAM_BLOCK = 1024 * 1024


async def upload_file(store: ObjectStore, key: str, path: Path, content_type: str) -> None:
    size = (await asyncio.to_thread(path.stat)).st_size
    if size < UPLOAD_BLOCK:
        await store.put_bytes(key, await asyncio.to_thread(path.read_bytes), content_type)
        return
    await store.put_stream(key, _file_chunks(path), content_type)


async def _file_chunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as source:
        while chunk := await asyncio.to_thread(source.read, STREAM_BLOCK):
            yield chunk
