"""Operations every store derives from its primitives, written once for all adapters."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TypeVar

from pydantic import BaseModel

from shared.storage.protocol import ObjectInfo

M = TypeVar("M", bound=BaseModel)


class DerivedOperations(ABC):
    @abstractmethod
    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None: ...

    @abstractmethod
    async def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> bool: ...

    @abstractmethod
    async def get_bytes(self, key: str) -> bytes: ...

    @abstractmethod
    async def stat(self, key: str) -> ObjectInfo | None: ...

    async def exists(self, key: str) -> bool:
        return await self.stat(key) is not None

    async def put_model(self, key: str, model: BaseModel) -> None:
        await self.put_bytes(key, model.model_dump_json().encode(), "application/json")

    async def put_model_if_absent(self, key: str, model: BaseModel) -> bool:
        return await self.put_if_absent(key, model.model_dump_json().encode(), "application/json")

    async def get_model(self, key: str, model_type: type[M]) -> M:
        return model_type.model_validate_json(await self.get_bytes(key))
