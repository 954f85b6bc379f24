"""Bodies of the session routes besides the session itself: the list page and the preview."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from shared.models import InputSummary
from shared.rows import InputRow
from shared.session_view import EXAMPLE as SESSION_EXAMPLE
from shared.session_view import SessionView

PREVIEW_ROWS = 20


class SessionPage(BaseModel):
    """One page of the caller's sessions, newest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"items": [SESSION_EXAMPLE], "next_cursor": None}],
        }
    )

    items: list[SessionView]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page"
    )


PREVIEW_EXAMPLE = {
    "session_id": SESSION_EXAMPLE["session_id"],
    "columns": SESSION_EXAMPLE["input"]["columns"],
    "name_column": "Company Name",
    "website_column": "Website",
    "input": SESSION_EXAMPLE["input"],
    "rows": [
        {
            "row": 0,
            "name": "Capcom",
            "website": "capcom.com",
            "original": {"Company Name": "Capcom", "Website": "capcom.com"},
        }
    ],
}


class Preview(BaseModel):
    """The columns detected in the upload and its first rows as parsed."""

    model_config = ConfigDict(json_schema_extra={"examples": [PREVIEW_EXAMPLE]})

    session_id: str
    columns: list[str]
    name_column: str = Field(description="The column the company names are read from")
    website_column: str | None = Field(description="The column the websites are read from")
    input: InputSummary
    rows: list[InputRow] = Field(description=f"The first {PREVIEW_ROWS} data rows")
