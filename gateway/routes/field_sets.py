"""The caller's saved custom field sets: create, list, read, replace, delete."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response, status
from pydantic import BaseModel

from gateway.deps import ServicesDep, TenantDep
from gateway.fields.library import FieldSetLibrary
from gateway.json_body import read_json
from gateway.openapi.faults import (
    BODY_TOO_LARGE,
    FIELD_SET_NOT_FOUND,
    FIELDS_REFUSED,
    STORAGE_UNAVAILABLE,
    UNAUTHORIZED,
    UNKNOWN_PARAMETER,
    errors,
)
from shared.fields.model import FieldSet, FieldSetRequest

router = APIRouter(prefix="/api/field_sets", tags=["field sets"])
_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": FieldSetRequest.model_json_schema()}},
    }
}
SetId = Annotated[str, Path(description="The field set's id: 32 lowercase hex digits")]
ON_SET = (UNAUTHORIZED, FIELD_SET_NOT_FOUND, UNKNOWN_PARAMETER, STORAGE_UNAVAILABLE)
ON_WRITE = (UNAUTHORIZED, BODY_TOO_LARGE, FIELDS_REFUSED, UNKNOWN_PARAMETER, STORAGE_UNAVAILABLE)


class FieldSetList(BaseModel):
    items: list[FieldSet]


def _library(services: ServicesDep, tenant: TenantDep) -> FieldSetLibrary:
    return FieldSetLibrary(services.store, tenant)


LibraryDep = Annotated[FieldSetLibrary, Depends(_library)]


@router.get(
    "",
    summary="The caller's field sets, by name",
    responses=errors(UNAUTHORIZED, UNKNOWN_PARAMETER, STORAGE_UNAVAILABLE),
)
async def list_field_sets(library: LibraryDep) -> FieldSetList:
    return FieldSetList(items=await library.all())


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Save a list of custom fields for later uploads",
    openapi_extra=_BODY,
    responses=errors(*ON_WRITE),
)
async def create_field_set(library: LibraryDep, request: Request) -> FieldSet:
    return await library.create(await read_json(request, FieldSetRequest))


@router.get("/{set_id}", summary="One field set", responses=errors(*ON_SET))
async def get_field_set(library: LibraryDep, set_id: SetId) -> FieldSet:
    return await library.get(set_id)


@router.put(
    "/{set_id}",
    summary="Replace a field set; sessions keep the fields they were created with",
    openapi_extra=_BODY,
    responses=errors(*ON_WRITE, FIELD_SET_NOT_FOUND),
)
async def replace_field_set(library: LibraryDep, set_id: SetId, request: Request) -> FieldSet:
    await library.get(set_id)  # before the body is read at all
    return await library.replace(set_id, await read_json(request, FieldSetRequest))


@router.delete(
    "/{set_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a field set",
    responses=errors(*ON_SET),
)
async def delete_field_set(library: LibraryDep, set_id: SetId) -> Response:
    await library.delete(set_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
