"""What the services need from object storage, whatever serves it.

Semantics every implementation honours: a key holds the bytes of its last complete write
(a failed streamed write leaves nothing); reading a missing key raises `NotFound`;
listings are sorted by key; storage faults raise `Retryable`. `put_if_absent` is the one
conditional write: of any number of writers racing on a missing key, exactly one stores
its object, and every caller learns whether it was the one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ObjectInfo:
    key: str
    size: int
    etag: str
    last_modified: datetime | None


class ObjectStore(Protocol):
    async def ensure_bucket(self) -> None:
        """Create the bucket when it is missing; harmless when it exists."""

    async def ping(self) -> None: ...
    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None: ...
    async def put_stream(
        self, key: str, chunks: AsyncIterator[bytes], content_type: str = "application/octet-stream"
    ) -> int:
        """Write chunks of unknown total length as one object; returns the byte count."""

    async def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> bool:
        """Store `data` only if `key` holds no object; True for the writer that stored it.

        An object stored by a retried request of this same call still counts as this
        caller's, so writers that must tell each other apart write distinct bytes.
        """

    async def get_bytes(self, key: str) -> bytes: ...
    async def get_range(self, key: str, start: int, length: int) -> bytes:
        """`length` bytes of `key` from byte `start` (fewer where the object ends)."""

    def iter_bytes(self, key: str, chunk_size: int = 65536) -> AsyncIterator[bytes]: ...
    async def stat(self, key: str) -> ObjectInfo | None: ...
    async def exists(self, key: str) -> bool: ...
    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        """Every object under `prefix`, sorted by key; with `start_after`, only those whose
        key sorts after it (S3's `StartAfter`: the server skips the rest)."""

    async def list_children(self, prefix: str) -> list[str]:
        """Names of the immediate 'folders' under `prefix` (which ends with '/'), sorted.

        Some servers (SeaweedFS) keep listing a folder whose objects were all deleted.
        """

    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        """One level under `prefix` (which ends with '/'), in one request: the objects right
        there, sorted by key, and the names of the 'folders', sorted (as `list_children`)."""

    async def delete(self, key: str) -> None: ...
    async def delete_prefix(self, prefix: str) -> int: ...
    async def put_model(self, key: str, model: BaseModel) -> None: ...
    async def put_model_if_absent(self, key: str, model: BaseModel) -> bool: ...
    async def get_model(self, key: str, model_type: type[M]) -> M: ...
