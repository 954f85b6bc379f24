"""Result rows as the API shows them: a page of rows, and the rows of the JSON download.

A row is flat: the user's input columns (always text) beside the result columns, keyed
by column name, so its keys are only known per session. The result columns are declared
here; the input columns (and a session's `Score: <Product>` columns) are the typed extra
keys.
"""

from __future__ import annotations

from typing import Any, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    RootModel,
    SerializerFunctionWrapHandler,
    model_serializer,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from shared.criteria.model import ProductResult
from shared.fields.model import FieldAnswer
from shared.lifecycle import SessionStatus
from shared.rows import RESULT_COLUMNS, ResultRow, RowStatus


class ResultCells(BaseModel):
    """The result columns of one row. Every other key is an input column, as text, or, in
    a session with criteria, a `Score: <Product>` column: the company's Nice-to-have score
    for the product, null when it does not qualify."""

    model_config = ConfigDict(extra="allow", field_title_generator=lambda name, _: name)

    __pydantic_extra__: dict[str, str | int | None] = Field(init=False)

    Company_Name: str
    Official_Website: str
    LinkedIn_URL: str
    Description: str
    Timestamp: str
    HubSpot_Company_ID: str = Field(
        description="The HubSpot record's URL (its id when the portal is unknown); empty "
        "without a record. Never an error: see `HubSpot_Status`"
    )
    Row_Status: RowStatus
    Match_Confidence: float | None
    Description_Source: str
    Sources: list[str]
    Deep_Search: str
    Error: str
    Notes: str
    Deep_Search_Status: str = Field(
        description="Deep search for this row: `ok`, `skipped`, `failed: <reason>`; "
        "empty when the session did not ask for it"
    )
    HubSpot_Status: str = Field(
        description="HubSpot for this row: `ok` (record found), `reused` (its description), "
        "`not_found`, `created`, `updated`, `skipped`, `failed: <reason>`; empty when the "
        "session did not ask for it"
    )
    Qualified_Products: list[str] = Field(
        description="The products the company qualifies for; empty in a session without criteria"
    )
    Qualification_Status: str = Field(
        description="Qualification for this row: `ok`, `skipped: <why>`, `failed: <reason>`; "
        "empty in a session without criteria"
    )
    Website_Source: str = Field(
        description="How `Official_Website` was found: `given`, `redirect` (the given one "
        "redirects to another domain), `search`, `rediscovered` (found by search, the given "
        "one being dead); empty without a website"
    )
    Website_Confidence: float | None = Field(
        description="How sure the website is the company's (0-1); `Match_Confidence` repeats it"
    )
    LinkedIn_Source: str = Field(
        description="How `LinkedIn_URL` was found: `site` (a link on the company's site), "
        "`structured_data` (the site's JSON-LD sameAs), `search`; empty without one"
    )
    LinkedIn_Confidence: float | None = Field(
        description="How sure the LinkedIn page is the company's (0-1)"
    )
    Review_Candidates: str = Field(
        description="Candidates plausible but below the acceptance line, for a person to "
        "decide (`needs_review`): `<field>: <url> (<confidence>; <evidence>)`, ` | ` between"
    )
    Qualification: list[ProductResult] | None = Field(
        None,
        description="Sessions with criteria: every product's verdict with each criterion's "
        "verdict, verbatim quote and source URL; absent otherwise",
    )
    Custom_Fields: list[FieldAnswer] | None = Field(
        None,
        description="Sessions with custom fields: each field's typed value, verbatim quote, "
        "source URL and confidence, in the session's field order; absent otherwise",
    )


class ResultRowView(ResultCells):
    """One result row of a page: its position, its cells, and the row it repeats."""

    row: int = Field(description="0-based position among the input's data rows")
    duplicate_of: int | None = Field(
        description="For a repeated domain, the `row` whose findings this row copies"
    )

    @classmethod
    def of(cls, row: ResultRow) -> ResultRowView:
        evidence: dict[str, object] = {}
        if row.qualification:
            evidence["Qualification"] = row.qualification
        if row.custom_fields:
            evidence["Custom_Fields"] = row.custom_fields
        return cls.model_validate(
            {"row": row.row, **row.output_cells(), **evidence, "duplicate_of": row.duplicate_of}
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # The serializer below only reorders keys: document the declared shape rather than
        # the free-form dict its signature names.
        declared = {key: value for key, value in core_schema.items() if key != "serialization"}
        return handler(cast(CoreSchema, declared))

    @model_serializer(mode="wrap")
    def _in_column_order(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """`row`, the input columns, then the result columns and `duplicate_of` (declared
        last): the order of `columns`, as rows have always been laid out."""
        cells: dict[str, Any] = handler(self)
        position = {"row": cells.pop("row")}
        inputs = {key: cells.pop(key) for key in self.__pydantic_extra__}
        for optional in ("Qualification", "Custom_Fields"):
            if cells.get(optional) is None:
                cells.pop(optional, None)
        return {**position, **inputs, **cells}


_CELLS_EXAMPLE: dict[str, Any] = {
    "Company Name": "Capcom",
    "Website": "capcom.com",
    "Company_Name": "Capcom",
    "Official_Website": "https://www.capcom.com/",
    "LinkedIn_URL": "https://www.linkedin.com/company/capcom",
    "Description": "Japanese video game developer and publisher.",
    "Timestamp": "2026-01-01T10:00:07+00:00",
    "HubSpot_Company_ID": "",
    "Row_Status": "ok",
    "Match_Confidence": 0.95,
    "Description_Source": "website",
    "Sources": ["https://www.capcom.com/"],
    "Deep_Search": "",
    "Error": "",
    "Notes": "",
    "Deep_Search_Status": "",
    "HubSpot_Status": "",
    "Qualified_Products": [],
    "Qualification_Status": "",
    "Website_Source": "given",
    "Website_Confidence": 0.95,
    "LinkedIn_Source": "structured_data",
    "LinkedIn_Confidence": 0.95,
    "Review_Candidates": "",
}

RESULTS_EXAMPLE: dict[str, Any] = {
    "session_id": "018f2c3a9b7e4d1fa2c3b4d5e6f70812",
    "status": "running",
    "partial": True,
    "columns": ["Company Name", "Website", *RESULT_COLUMNS],
    "total": 2,
    "available": 1,
    "matched": 1,
    "offset": 0,
    "limit": 100,
    "next_offset": None,
    "rows": [{"row": 0, **_CELLS_EXAMPLE, "duplicate_of": None}],
}


class ResultsPage(BaseModel):
    """Rows in input order (or the order `sort` asks for); rows not finished yet are
    absent from the page."""

    model_config = ConfigDict(json_schema_extra={"examples": [RESULTS_EXAMPLE]})

    session_id: str
    status: SessionStatus
    partial: bool = Field(description="The session is not finalized: rows may still come")
    columns: list[str] = Field(description="The input columns in input order, then the results")
    total: int = Field(description="Data rows in the input")
    available: int = Field(description="Rows finished so far, across every page")
    matched: int = Field(
        description="Rows finished so far that match `status`, `confidence` and `q`, "
        "across every page (`available` when none is given)"
    )
    offset: int
    limit: int
    next_offset: int | None = Field(description="`offset` of the next page; null on the last")
    rows: list[ResultRowView]


class ResultsFile(RootModel[list[ResultCells]]):
    """The `format=json` download: every row finished so far, keyed by column."""

    model_config = ConfigDict(json_schema_extra={"examples": [[_CELLS_EXAMPLE]]})
