"""Before a session starts: read its upload again with other columns or another sheet."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from gateway.deps import ServicesDep, SessionKeysDep, SessionStateDep
from gateway.errors import SessionConflict
from gateway.ingest.column_pick import ColumnPick
from gateway.ingest.reread import reread_upload
from gateway.json_body import documented_body, json_body
from gateway.openapi.faults import (
    BODY_TOO_LARGE,
    COLUMNS_REFUSED,
    ON_SESSION,
    SESSION_STARTED,
    errors,
)
from shared.lifecycle import SessionStatus
from shared.session_view import SessionView, session_view

router = APIRouter(prefix="/api/sessions", tags=["sessions"])


class ColumnsRequest(BaseModel):
    """The columns and sheet to read the upload with; what is left out is detected."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"sheet": "Leads", "name_column": "Firm", "website_column": "URL"}]
        },
    )

    sheet: str | None = Field(
        None, max_length=300, description="A sheet of the workbook (XLSX/XLS only)"
    )
    name_column: str | None = Field(
        None, max_length=300, description="The column holding company names; null: detected"
    )
    website_column: str | None = Field(
        None,
        max_length=300,
        description="The column holding websites; null: no website column (websites are "
        "searched for); left out: detected",
    )


# Three names; FastAPI would read a body of any size into memory before any check.
MAX_BODY_BYTES = 16 * 1024
_JSON_BODY = documented_body(ColumnsRequest)


ColumnsRequestDep = Annotated[ColumnsRequest, Depends(json_body(ColumnsRequest, MAX_BODY_BYTES))]


@router.put(
    "/{session_id}/columns",
    summary="Read the upload again with other name/website columns or another sheet",
    openapi_extra=_JSON_BODY,
    responses=errors(*ON_SESSION, SESSION_STARTED, BODY_TOO_LARGE, COLUMNS_REFUSED),
)
async def change_columns(
    body: ColumnsRequestDep, state: SessionStateDep, keys: SessionKeysDep, services: ServicesDep
) -> SessionView:
    """Only before the session starts (409 `session_started` after), and not for a
    session made by `qualify` from another session's results (409 `columns_fixed`). A
    column or sheet the file does not have is refused (422) and nothing changes; on
    success the session resource shows the new columns and row count, and the preview
    the rows as now read."""
    if state.status != SessionStatus.CREATED or state.started_at is not None:
        raise SessionConflict(
            "session_started",
            f"the session is {state.status.value}; columns can only change before it starts",
        )
    qualification = state.manifest.options.qualification
    if qualification is not None and qualification.qualify_only:
        raise SessionConflict(
            "columns_fixed",
            "this session's rows are another session's results; its columns cannot change",
        )
    pick = ColumnPick(
        name=body.name_column,
        website=body.website_column,
        detect_website="website_column" not in body.model_fields_set,
    )
    manifest = await reread_upload(
        services.store, services.settings.limits, keys, state.manifest, pick, body.sheet
    )
    await services.settled.changed(keys, "columns")
    return session_view(state.model_copy(update={"manifest": manifest}))
