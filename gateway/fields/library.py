"""A tenant's saved field sets in object storage (`field_sets/<id>.json`); the gateway is
their one writer, and a set is always written whole."""

from __future__ import annotations

import asyncio
import re
import uuid
from datetime import UTC, datetime

from shared.errors import InvalidInput, NotFound
from shared.fields.checks import check_fields
from shared.fields.model import FieldSet, FieldSetRequest
from shared.layout import field_set_key, field_sets_prefix
from shared.storage.protocol import ObjectStore

_ID = re.compile(r"^[0-9a-f]{32}$")


class FieldSetNotFound(InvalidInput):
    def __init__(self, set_id: str) -> None:
        super().__init__("field_set_not_found", f"no field set with id {set_id[:64]!r}", 404)


def _check_id(set_id: str) -> str:
    if not _ID.fullmatch(set_id):
        raise FieldSetNotFound(set_id)
    return set_id


class FieldSetLibrary:
    def __init__(self, store: ObjectStore, tenant: str) -> None:
        self._store = store
        self._tenant = tenant

    async def all(self) -> list[FieldSet]:
        prefix = field_sets_prefix(self._tenant)
        keys = [i.key for i in await self._store.list_objects(prefix) if i.key.endswith(".json")]
        found = await asyncio.gather(*(self._store.get_model(k, FieldSet) for k in keys))
        return sorted(found, key=lambda s: (s.name, s.id))

    async def get(self, set_id: str) -> FieldSet:
        try:
            return await self._store.get_model(
                field_set_key(self._tenant, _check_id(set_id)), FieldSet
            )
        except NotFound:
            raise FieldSetNotFound(set_id) from None

    async def create(self, request: FieldSetRequest) -> FieldSet:
        saved = _checked(uuid.uuid4().hex, request)
        await self._store.put_model(field_set_key(self._tenant, saved.id), saved)
        return saved

    async def replace(self, set_id: str, request: FieldSetRequest) -> FieldSet:
        await self.get(set_id)
        saved = _checked(set_id, request)
        await self._store.put_model(field_set_key(self._tenant, set_id), saved)
        return saved

    async def delete(self, set_id: str) -> None:
        await self.get(set_id)
        await self._store.delete(field_set_key(self._tenant, set_id))


def _checked(set_id: str, request: FieldSetRequest) -> FieldSet:
    name = request.name.strip()
    if not name:
        raise InvalidInput("invalid_field_set", "the field set needs a name")
    fields = check_fields(request.fields)
    if not fields:
        raise InvalidInput("invalid_field_set", "a field set needs at least one field")
    return FieldSet(id=set_id, name=name, fields=fields, updated_at=datetime.now(UTC))
