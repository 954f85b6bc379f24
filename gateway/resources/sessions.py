"""Bodies of the session routes besides the session itself: the list page, the preview,
and the request to qualify a completed session."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from gateway.criteria.choice import MAX_FILES
from shared.criteria.reading import NAME
from shared.models import InputSummary
from shared.rows import InputRow
from shared.session_view import EXAMPLE as SESSION_EXAMPLE
from shared.session_view import SessionView
from shared.usage import UsageEstimate

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
            "original": {"Company Name": "Capcom", "Website": "capcom.com", "Country": "Japan"},
            "facts": {"country": "Japan"},
        }
    ],
    "estimate": {
        "companies": 246,
        "fetches": 492,
        "searches": 0,
        "model_calls": 246,
        "hubspot_calls": 0,
    },
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
    estimate: UsageEstimate = Field(
        description="Outside calls the session is expected to make, at most about this many"
    )


# The pattern is documented, not enforced here: a bad name is answered with its own code.
CriteriaName = Annotated[str, Field(max_length=64, json_schema_extra={"pattern": NAME.pattern})]
ProductName = Annotated[str, Field(max_length=200)]


class QualifyRequest(BaseModel):
    """Criteria files to qualify the session's companies against, and which products."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"criteria": ["cdn"], "products": ["CDN"]}]},
    )

    criteria: list[CriteriaName] = Field(
        min_length=1, max_length=MAX_FILES, description="Names of the caller's criteria files"
    )
    products: list[ProductName] = Field(
        default_factory=list,
        max_length=200,
        description="Only these products of the files; empty: every product",
    )
