"""The caller's criteria files: upload, list, read, replace, delete."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from gateway.criteria.upload import CriteriaUpload, read_criteria_upload
from gateway.deps import CriteriaLibraryDep, CriteriaNameDep, ServicesDep
from gateway.openapi.faults import (
    CRITERIA_EXISTS,
    CRITERIA_NOT_FOUND,
    CRITERIA_REFUSED,
    CRITERIA_TOO_LARGE,
    INVALID_CRITERIA_NAME,
    NOT_A_FORM,
    STORAGE_UNAVAILABLE,
    UNAUTHORIZED,
    UNKNOWN_PARAMETER,
    UNSUPPORTED_FORMAT,
    errors,
)
from gateway.openapi.upload_form import CRITERIA_FORM, CRITERIA_REPLACE_FORM
from gateway.resources.criteria import CriteriaDetail, CriteriaList, CriteriaSummary

router = APIRouter(prefix="/api/criteria", tags=["criteria"])

ON_UPLOAD = (
    UNAUTHORIZED,
    CRITERIA_TOO_LARGE,
    NOT_A_FORM,
    UNSUPPORTED_FORMAT,
    CRITERIA_REFUSED,
    UNKNOWN_PARAMETER,
    STORAGE_UNAVAILABLE,
)
ON_FILE = (UNAUTHORIZED, CRITERIA_NOT_FOUND, INVALID_CRITERIA_NAME, UNKNOWN_PARAMETER)


async def _read(request: Request, services: ServicesDep, name: str | None) -> CriteriaUpload:
    length = request.headers.get("content-length")
    return await read_criteria_upload(
        request.stream(),
        request.headers.get("content-type", ""),
        int(length) if length and length.isdigit() else None,
        services.settings.max_criteria_bytes,
        name,
    )


@router.get(
    "",
    summary="The caller's criteria files, by name",
    responses=errors(UNAUTHORIZED, UNKNOWN_PARAMETER, STORAGE_UNAVAILABLE),
)
async def list_criteria(library: CriteriaLibraryDep) -> CriteriaList:
    return CriteriaList(items=[CriteriaSummary.of(criteria) for criteria in await library.all()])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Upload a criteria file under a new name",
    openapi_extra=CRITERIA_FORM,
    responses=errors(*ON_UPLOAD, CRITERIA_EXISTS),
)
async def upload_criteria(
    library: CriteriaLibraryDep, request: Request, services: ServicesDep
) -> CriteriaDetail:
    upload = await _read(request, services, None)
    await library.create(upload)
    return CriteriaDetail.of(upload.criteria)


@router.get(
    "/{name}",
    summary="One criteria file with every criterion",
    responses=errors(*ON_FILE, STORAGE_UNAVAILABLE),
)
async def get_criteria(library: CriteriaLibraryDep, name: CriteriaNameDep) -> CriteriaDetail:
    return CriteriaDetail.of(await library.get(name))


@router.put(
    "/{name}",
    summary="Replace a criteria file",
    openapi_extra=CRITERIA_REPLACE_FORM,
    responses=errors(*ON_UPLOAD, CRITERIA_NOT_FOUND, INVALID_CRITERIA_NAME),
)
async def replace_criteria(
    library: CriteriaLibraryDep, name: CriteriaNameDep, request: Request, services: ServicesDep
) -> CriteriaDetail:
    await library.require(name)  # before the upload is read at all
    upload = await _read(request, services, name)
    await library.replace(upload)
    return CriteriaDetail.of(upload.criteria)


@router.delete(
    "/{name}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a criteria file; sessions keep the criteria they were created with",
    responses=errors(*ON_FILE, STORAGE_UNAVAILABLE),
)
async def delete_criteria(library: CriteriaLibraryDep, name: CriteriaNameDep) -> Response:
    await library.delete(name)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
