"""Rows as they travel: parsed input rows, planned rows and enriched result rows."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from shared.criteria.model import ProductResult
from shared.fields.model import FieldAnswer, field_cells

# Result columns in output order; the user's original columns come first, in input order.
# New columns go last, so files read by column position keep working.
RESULT_COLUMNS: tuple[str, ...] = (
    "Company_Name",
    "Official_Website",
    "LinkedIn_URL",
    "Description",
    "Timestamp",
    "HubSpot_Company_ID",
    "Row_Status",
    "Match_Confidence",
    "Description_Source",
    "Sources",
    "Deep_Search",
    "Error",
    "Notes",
    "Deep_Search_Status",
    "HubSpot_Status",
    "Qualified_Products",
    "Qualification_Status",
    "Attempts",
    "Last_Attempt_At",
    "Cached_At",
    "Website_Source",
    "Website_Confidence",
    "LinkedIn_Source",
    "LinkedIn_Confidence",
    "Review_Candidates",
)
# Sessions with criteria add one score column per product, after the result columns.
SCORE_PREFIX = "Score: "
# What the gateway recognises in other input columns and keeps with each row (`facts`).
FACT_ROLES: tuple[str, ...] = ("country", "city", "region", "industry")


def score_column(product: str) -> str:
    return SCORE_PREFIX + product


class RowStatus(StrEnum):
    OK = "ok"
    DUPLICATE = "duplicate"
    DEAD_URL = "dead_url"
    # The website (or a redirect from it) points where fetches may not go: a private
    # network, this deployment's own services.
    BLOCKED_URL = "blocked_url"
    NOT_FOUND = "not_found"
    # A candidate was plausible but below the acceptance line: its field is empty and the
    # candidate, with its evidence, is in `Review_Candidates` for a person to decide.
    NEEDS_REVIEW = "needs_review"
    FAILED = "failed"
    CANCELLED = "cancelled"


class StepStatus(StrEnum):
    """`Deep_Search_Status`, `HubSpot_Status` and `Qualification_Status`; a failure is
    `failed: <reason>`."""

    OK = "ok"
    SKIPPED = "skipped"
    NOT_FOUND = "not_found"
    REUSED = "reused"
    CREATED = "created"
    UPDATED = "updated"

    @staticmethod
    def failed(reason: str) -> str:
        return f"failed: {reason}"

    @staticmethod
    def skipped_because(reason: str) -> str:
        return f"skipped: {reason}"


# Custom fields have no status column: a failure is a note starting with this.
CUSTOM_FIELDS_FAILED = "custom fields failed: "


class InputRow(BaseModel):
    """One data row of the upload, as the gateway parsed it (`rows.jsonl`)."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )

    row: int = Field(description="0-based position among the non-blank data rows")
    name: str
    website: str | None = None
    original: dict[str, str] = Field(default_factory=dict)
    # Added in rows format 2: cells of the recognised columns by role (`FACT_ROLES`), as
    # typed; rows written before it have none.
    facts: dict[str, str] = Field(default_factory=dict)


class PlannedRow(InputRow):
    """An input row after normalization and in-session dedupe (chunk input objects)."""

    name_key: str
    domain: str | None = None
    duplicate_of: int | None = None


class ResultRow(BaseModel):
    """One enriched row. Attribute names are snake_case; exports use the column aliases."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    row: int
    original: dict[str, str] = Field(default_factory=dict)
    company_name: str = Field(alias="Company_Name")
    official_website: str = Field("", alias="Official_Website")
    linkedin_url: str = Field("", alias="LinkedIn_URL")
    description: str = Field("", alias="Description")
    timestamp: str = Field("", alias="Timestamp")
    hubspot_company_id: str = Field("", alias="HubSpot_Company_ID")
    row_status: RowStatus = Field(RowStatus.OK, alias="Row_Status")
    match_confidence: float | None = Field(None, alias="Match_Confidence")
    description_source: str = Field("", alias="Description_Source")
    sources: list[str] = Field(default_factory=list, alias="Sources")
    deep_search: str = Field("", alias="Deep_Search")
    error: str = Field("", alias="Error")
    notes: str = Field("", alias="Notes")
    # Optional steps report here, so their failures never touch the row's status or fields.
    deep_search_status: str = Field("", alias="Deep_Search_Status")
    hubspot_status: str = Field("", alias="HubSpot_Status")
    # Sessions with criteria: the products qualified for, and every product's verdict with
    # its per-criterion evidence.
    qualified_products: list[str] = Field(default_factory=list, alias="Qualified_Products")
    qualification: list[ProductResult] = Field(default_factory=list, alias="Qualification")
    qualification_status: str = Field("", alias="Qualification_Status")
    # How many times the row went through the pipeline (retries count), and when last.
    attempts: int = Field(1, alias="Attempts")
    last_attempt_at: str = Field("", alias="Last_Attempt_At")
    # When the findings reused from the tenant's domain cache were found; empty otherwise.
    cached_at: str = Field("", alias="Cached_At")
    # Where each field came from and how sure the pipeline is of it (0-1).
    website_source: str = Field("", alias="Website_Source")
    website_confidence: float | None = Field(None, alias="Website_Confidence")
    linkedin_source: str = Field("", alias="LinkedIn_Source")
    linkedin_confidence: float | None = Field(None, alias="LinkedIn_Confidence")
    review_candidates: str = Field("", alias="Review_Candidates")
    duplicate_of: int | None = None
    # Sessions with custom fields: one answer per field, in the session's field order.
    custom_fields: list[FieldAnswer] = Field(default_factory=list, alias="Custom_Fields")
    # Set by the worker when an outside service (the model, the search API) was down for
    # a step of this row: the row is delivered as it is, but not remembered for later
    # sessions (shared/domain_cache.py). Neither stored nor exported.
    _outage: bool = PrivateAttr(default=False)

    @property
    def outage(self) -> bool:
        return self._outage

    def with_outage(self, outage: bool) -> ResultRow:
        self._outage = outage
        return self

    def output_cells(self) -> dict[str, object]:
        """Original columns first, then the result columns, as exports lay them out.

        Read attribute by attribute: every result column is a plain value (text, number,
        status, list of text), and a `model_dump` of the whole row costs several times
        more, once per row of every export."""
        cells: dict[str, object] = dict(self.original)
        for column, attribute in _COLUMN_ATTRIBUTES:
            cells[column] = getattr(self, attribute)
        return cells

    def score_cells(self) -> dict[str, int | None]:
        return score_cells(self.qualification)

    def field_cells(self, names: list[str]) -> dict[str, object]:
        return answer_cells(self.custom_fields, names)


def score_cells(qualification: list[ProductResult]) -> dict[str, int | None]:
    """`Score: <Product>` for each product qualified against: its NTH score, None when
    the company does not qualify."""
    return {score_column(p.product): p.nth_score if p.qualified else None for p in qualification}


def answer_cells(custom_fields: list[FieldAnswer], names: list[str]) -> dict[str, object]:
    """Value, quote, source and confidence columns for each of the session's fields."""
    answers = {answer.name: answer for answer in custom_fields}
    cells: dict[str, object] = {}
    for name in names:
        cells |= field_cells(answers.get(name), name)
    return cells


# (result column, ResultRow attribute) in `RESULT_COLUMNS` order.
_COLUMN_ATTRIBUTES: tuple[tuple[str, str], ...] = tuple(
    (column, attribute)
    for column in RESULT_COLUMNS
    for attribute, info in ResultRow.model_fields.items()
    if info.alias == column
)
