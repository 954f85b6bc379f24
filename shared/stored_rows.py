"""Result rows as stored (JSON lines keyed by column), read without building a model.

Writing a session's final files reads every stored row once; decoding each into a
`ResultRow` cost most of that pass. A `StoredRow` keeps the decoded line and gives the
exports what they read of a `ResultRow` (cells, position, name, evidence, field
answers), building models only for the nested evidence and answers a row has.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import orjson
from pydantic import TypeAdapter

from shared.criteria.model import ProductResult
from shared.fields.model import FieldAnswer
from shared.rows import RESULT_COLUMNS, ResultRow, RowStatus, answer_cells, score_cells

_PRODUCTS = TypeAdapter(list[ProductResult])
_ANSWERS = TypeAdapter(list[FieldAnswer])
# A column missing from a line (a row stored before the column existed) shows the
# model's default, as it would after decoding the line into a `ResultRow`.
_DEFAULTS: dict[str, object] = {
    str(info.alias): info.get_default(call_default_factory=True)
    for info in ResultRow.model_fields.values()
    if info.alias in RESULT_COLUMNS
}


class StoredRow:
    """One stored result line, decoded with orjson."""

    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields

    @classmethod
    def of_line(cls, line: bytes) -> StoredRow:
        return cls(orjson.loads(line))

    @property
    def row(self) -> int:
        return int(self.fields["row"])

    @property
    def company_name(self) -> str:
        return str(self.fields["Company_Name"])

    @property
    def row_status(self) -> str:
        return str(self.fields.get("Row_Status", RowStatus.OK))

    @property
    def duplicate_of(self) -> int | None:
        first = self.fields.get("duplicate_of")
        return None if first is None else int(first)

    @cached_property
    def qualification(self) -> list[ProductResult]:
        found = self.fields.get("Qualification")
        return _PRODUCTS.validate_python(found) if found else []

    @cached_property
    def custom_fields(self) -> list[FieldAnswer]:
        found = self.fields.get("Custom_Fields")
        return _ANSWERS.validate_python(found) if found else []

    def output_cells(self) -> dict[str, object]:
        """As `ResultRow.output_cells`: original columns first, then the result columns."""
        fields = self.fields
        cells: dict[str, object] = dict(fields.get("original") or {})
        for column in RESULT_COLUMNS:
            cells[column] = fields[column] if column in fields else _DEFAULTS[column]
        return cells

    def score_cells(self) -> dict[str, int | None]:
        return score_cells(self.qualification)

    def field_cells(self, names: list[str]) -> dict[str, object]:
        return answer_cells(self.custom_fields, names)

    def as_result(self) -> ResultRow:
        return ResultRow.model_validate(self.fields)


def cancelled_first(first: int) -> str:
    """The note of a duplicate whose first occurrence was cancelled before it ran."""
    return f"duplicate of row {first + 1}, which was cancelled before it ran"


def filled_duplicate(row: StoredRow, first: StoredRow | None) -> StoredRow:
    """As `shared.results.fill_duplicate`, on stored lines."""
    if first is None:
        return row
    if first.row_status == RowStatus.CANCELLED:
        if row.fields.get("Notes"):
            return row
        return StoredRow(row.fields | {"Notes": cancelled_first(first.row)})
    note = f"duplicate of row {first.row + 1}"
    notes = first.fields.get("Notes") or ""
    return StoredRow(
        first.fields
        | {
            "row": row.row,
            "original": row.fields.get("original") or {},
            "Company_Name": row.company_name,
            "Row_Status": str(RowStatus.DUPLICATE),
            "duplicate_of": first.row,
            "Notes": f"{note}; {notes}" if notes else note,
        }
    )
