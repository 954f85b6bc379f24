"""Models of stored objects, read once per content (ETag) that a listing gave.

Manifests, markers, plans and stored sums are read on every session read; one listing of
the session's folder gives their ETags, so a content read before is taken from here.
"""

from __future__ import annotations

import hashlib
from typing import TypeVar

from pydantic import BaseModel

from shared.storage.protocol import ObjectStore

M = TypeVar("M", bound=BaseModel)


class EtagContents:
    def __init__(self, store: ObjectStore, cache_size: int) -> None:
        self._store = store
        self._cache_size = cache_size
        self._contents: dict[tuple[str, str], BaseModel] = {}

    async def read(self, key: str, etag: str, model_type: type[M]) -> M:
        """The object's model, read once per content: a content read is kept under its ETag
        only when the ETag is the content's MD5 (a plain upload), so a replaced object
        read between the listing and the read is never kept under the older ETag."""
        cached = self._contents.get((key, etag))
        if isinstance(cached, model_type):
            return cached
        data = await self._store.get_bytes(key)
        model = model_type.model_validate_json(data)
        if hashlib.md5(data).hexdigest() == etag.strip('"'):  # noqa: S324 - S3's ETag, not security
            if len(self._contents) >= self._cache_size:
                self._contents.clear()
            self._contents[(key, etag)] = model
        return model
