"""A custom field as the user describes it, and its answer for one company."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

MAX_FIELDS = 10
MAX_NAME_CHARS = 40
MAX_DESCRIPTION_CHARS = 300
MAX_OPTIONS = 20
MAX_OPTION_CHARS = 60
# Field names become column headings: letters, digits, underscores, spaces and dashes.
NAME_PATTERN = r"^[A-Za-z][A-Za-z0-9_ \-]*$"


class FieldType(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    BOOLEAN = "boolean"
    ENUM = "enum"
    URL = "url"
    DATE = "date"


class FieldSpec(BaseModel):
    """One question: `employee_count (number): approximate headcount`."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )

    name: str = Field(max_length=MAX_NAME_CHARS, pattern=NAME_PATTERN)
    description: str = ""
    type: FieldType = FieldType.TEXT
    # The allowed answers of an `enum` field; empty for every other type.
    options: list[str] = Field(default_factory=list)


# bool before float: serialized inside another union, a float member would also take
# True and write it as 1.0.
FieldValue = str | bool | float


class FieldSetRequest(BaseModel):
    """A field set as sent to `POST`/`PUT /api/field_sets`; fields are checked apart, so
    each broken rule has its own code."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=80)
    fields: list[dict[str, object]]


class FieldSet(BaseModel):
    """A tenant's saved field list, referable at upload by its id."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )

    id: str
    name: str
    fields: list[FieldSpec]
    updated_at: datetime


class FieldAnswer(BaseModel):
    """A field's answer for one company: `value` is None when the pages do not say, or when
    the quote given for it was not found on the page it named."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )

    name: str
    value: FieldValue | None = None
    quote: str = ""
    source_url: str = ""
    confidence: float | None = None


# Each field adds these columns after the result columns, in this order.
FIELD_COLUMN_SUFFIXES: tuple[str, ...] = ("", " (quote)", " (source)", " (confidence)")
FIELD_PREFIX = "Field: "


def field_columns(name: str) -> list[str]:
    return [f"{FIELD_PREFIX}{name}{suffix}" for suffix in FIELD_COLUMN_SUFFIXES]


def field_cells(answer: FieldAnswer | None, name: str) -> dict[str, object]:
    values: list[object] = (
        [None, "", "", None]
        if answer is None
        else [answer.value, answer.quote, answer.source_url, answer.confidence]
    )
    return dict(zip(field_columns(name), values, strict=True))
