"""An in-memory `ObjectStore` with the semantics of the S3 adapter, for fast tests.

Every operation yields to the event loop once, so concurrent writers interleave as they
would against a real server. `available = False` makes every call fail as an unreachable
server does (`Retryable`).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

from shared.errors import NotFound, Retryable
from shared.storage.base import DerivedOperations
from shared.storage.protocol import ObjectInfo


@dataclass(frozen=True)
class _Object:
    data: bytes
    content_type: str
    info: ObjectInfo


class MemoryStore(DerivedOperations):
    def __init__(self) -> None:
        self._objects: dict[str, _Object] = {}
        self.available = True

    async def _reach(self) -> None:
        await asyncio.sleep(0)
        if not self.available:
            raise Retryable("storage unreachable: the in-memory store is switched off")

    def _found(self, key: str) -> _Object:
        found = self._objects.get(key)
        if found is None:
            raise NotFound(f"no object {key}")
        return found

    async def ensure_bucket(self) -> None:
        await self._reach()

    async def ping(self) -> None:
        await self._reach()

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        await self._reach()
        self._write(key, data, content_type)

    async def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> bool:
        await self._reach()
        # No await between the check and the write: racing writers see one winner.
        if key in self._objects:
            return False
        self._write(key, data, content_type)
        return True

    def _write(self, key: str, data: bytes, content_type: str) -> None:
        info = ObjectInfo(key, len(data), hashlib.md5(data).hexdigest(), datetime.now(UTC))  # noqa: S324
        self._objects[key] = _Object(bytes(data), content_type, info)

    async def put_stream(
        self, key: str, chunks: AsyncIterator[bytes], content_type: str = "application/octet-stream"
    ) -> int:
        await self._reach()
        # Collected first: a stream that fails half way must leave no object behind.
        data = b"".join([chunk async for chunk in chunks])
        await self.put_bytes(key, data, content_type)
        return len(data)

    async def get_bytes(self, key: str) -> bytes:
        await self._reach()
        return self._found(key).data

    async def get_range(self, key: str, start: int, length: int) -> bytes:
        await self._reach()
        return self._found(key).data[start : start + length]

    async def iter_bytes(self, key: str, chunk_size: int = 65536) -> AsyncIterator[bytes]:
        await self._reach()
        data = self._found(key).data
        for start in range(0, len(data), chunk_size):
            yield data[start : start + chunk_size]
            await asyncio.sleep(0)

    async def stat(self, key: str) -> ObjectInfo | None:
        await self._reach()
        found = self._objects.get(key)
        return found.info if found else None

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        await self._reach()
        return [
            self._objects[k].info
            for k in sorted(self._objects)
            if k.startswith(prefix) and (start_after is None or k > start_after)
        ]

    async def list_children(self, prefix: str) -> list[str]:
        await self._reach()
        children = {
            key[len(prefix) :].split("/", 1)[0]
            for key in self._objects
            if key.startswith(prefix) and "/" in key[len(prefix) :]
        }
        return sorted(children)

    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        await self._reach()
        here = [
            self._objects[k].info
            for k in sorted(self._objects)
            if k.startswith(prefix) and "/" not in k[len(prefix) :]
        ]
        return here, await self.list_children(prefix)

    async def delete(self, key: str) -> None:
        await self._reach()
        self._objects.pop(key, None)

    async def delete_prefix(self, prefix: str) -> int:
        await self._reach()
        doomed = [key for key in self._objects if key.startswith(prefix)]
        for key in doomed:
            del self._objects[key]
        return len(doomed)
