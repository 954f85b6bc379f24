"""A tenant's criteria files in object storage; the gateway is their one writer.

`<name>.json` holds the checked `CriteriaFile`, and its presence is the file's existence;
`<name>.source` keeps the upload as it was sent. A name is taken with a conditional write,
so of two uploads under one name exactly one wins; a replacement rewrites both objects,
and a deletion removes the existence first.
"""

from __future__ import annotations

import asyncio

import structlog

from gateway.criteria.upload import CriteriaUpload
from gateway.errors import ApiConflict, CriteriaNotFound
from shared.criteria.model import CriteriaFile
from shared.criteria.reading import NAME
from shared.errors import NotFound
from shared.layout import criteria_key, criteria_source_key, tenant_criteria_prefix
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()
_SUFFIX = ".json"


class CriteriaLibrary:
    def __init__(self, store: ObjectStore, tenant: str) -> None:
        self._store = store
        self._tenant = tenant

    async def names(self) -> list[str]:
        prefix = tenant_criteria_prefix(self._tenant)
        keys = [info.key.removeprefix(prefix) for info in await self._store.list_objects(prefix)]
        names = [key.removesuffix(_SUFFIX) for key in keys if key.endswith(_SUFFIX)]
        return sorted(name for name in names if NAME.fullmatch(name))

    async def all(self) -> list[CriteriaFile]:
        """Every file, sorted by name."""
        found = await asyncio.gather(*(self.find(name) for name in await self.names()))
        return [criteria for criteria in found if criteria is not None]

    async def find(self, name: str) -> CriteriaFile | None:
        if not NAME.fullmatch(name):
            return None
        try:
            return await self._store.get_model(criteria_key(self._tenant, name), CriteriaFile)
        except NotFound:
            return None

    async def get(self, name: str) -> CriteriaFile:
        found = await self.find(name)
        if found is None:
            raise CriteriaNotFound(name)
        return found

    async def require(self, name: str) -> None:
        if not await self._store.exists(criteria_key(self._tenant, name)):
            raise CriteriaNotFound(name)

    async def create(self, upload: CriteriaUpload) -> None:
        name = upload.criteria.name
        key = criteria_key(self._tenant, name)
        if not await self._store.put_model_if_absent(key, upload.criteria):
            raise ApiConflict(
                "criteria_exists",
                f"a criteria file named {name!r} exists; replace it with PUT or choose another "
                "name",
            )
        try:
            await self._store.put_bytes(criteria_source_key(self._tenant, name), upload.source)
        except BaseException:
            # Without its source the file would be half-made: give the name back.
            await asyncio.shield(self._forget(name))
            raise

    async def replace(self, upload: CriteriaUpload) -> None:
        name = upload.criteria.name
        await self.require(name)
        await self._store.put_bytes(criteria_source_key(self._tenant, name), upload.source)
        await self._store.put_model(criteria_key(self._tenant, name), upload.criteria)

    async def delete(self, name: str) -> None:
        await self.require(name)
        await self._store.delete(criteria_key(self._tenant, name))
        await self._store.delete(criteria_source_key(self._tenant, name))

    async def _forget(self, name: str) -> None:
        try:
            await self._store.delete(criteria_key(self._tenant, name))
        except Exception as exc:  # the original error is the one to report
            log.warning("criteria.cleanup_failed", name=name, error=repr(exc))
