"""What a session's result files hold: the columns, and each row's cell values.

Spreadsheet cells that start with a formula trigger (= + - @ tab CR) get a leading
apostrophe, so a company description (or a quote taken from a website) can never run as
a formula in Excel or Sheets. Sessions with criteria add a `Score: <Product>` column per
product; sessions with custom fields add value, quote, source and confidence columns per
field. shared/exports.py writes the files from these values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from shared.criteria.model import SessionCriteria
from shared.fields.model import field_columns
from shared.models import SessionManifest
from shared.rows import RESULT_COLUMNS, ResultRow, score_column
from shared.stored_rows import StoredRow

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Result columns whose values are numbers: a workbook keeps them numbers, so a user can
# sort, filter ("above 0.9") and add them up as numbers, not as text.
NUMBER_COLUMNS = ("Match_Confidence", "Attempts", "Website_Confidence", "LinkedIn_Confidence")
_TRIGGER_CHARS = frozenset(FORMULA_TRIGGERS)
# Product names may hold spaces, so their list is not joined with one, as URLs are.
_LIST_SEPARATORS = {"Qualified_Products": "; "}
# A row as exports read it: decoded into its model, or as stored (final files).
ExportRow = ResultRow | StoredRow


def output_columns(
    input_columns: Sequence[str], products: Sequence[str] = (), fields: Sequence[str] = ()
) -> list[str]:
    """The user's columns in input order, the result columns, a score per product, then
    value, quote, source and confidence per custom field."""
    columns = list(input_columns)
    columns.extend(c for c in RESULT_COLUMNS if c not in columns)
    columns.extend(c for c in map(score_column, products) if c not in columns)
    columns.extend(c for name in fields for c in field_columns(name) if c not in columns)
    return columns


@dataclass(frozen=True)
class ExportLayout:
    """What a session's result files hold: its columns and, with criteria, the evidence."""

    input_columns: Sequence[str]
    qualification: bool = False
    # The session's criteria snapshot: products for the score columns, and the criteria
    # the evidence names.
    criteria: SessionCriteria | None = None
    # The session's custom field names, in the order the user gave them.
    fields: Sequence[str] = ()

    @cached_property
    def products(self) -> list[str]:
        return [p for p, _ in self.criteria.chosen()] if self.criteria else []

    @cached_property
    def columns(self) -> list[str]:
        return output_columns(self.input_columns, self.products, self.fields)

    @cached_property
    def field_value_columns(self) -> frozenset[str]:
        return frozenset(field_columns(name)[0] for name in self.fields)

    @cached_property
    def typed_positions(self) -> list[tuple[int, str, bool]]:
        """(position, column, is a custom field's value) of each column a workbook writes
        as typed: the number columns, the scores, the fields' values and confidences."""
        numbers = {*NUMBER_COLUMNS, *map(score_column, self.products)}
        numbers |= {field_columns(name)[3] for name in self.fields}
        values = self.field_value_columns
        return [
            (position, column, column in values)
            for position, column in enumerate(self.columns)
            if column in numbers or column in values
        ]

    @cached_property
    def text_columns(self) -> list[tuple[str, str | None]]:
        """Each column with the separator its list cells are joined with; None for a
        custom field's value column, written as typed (`field_text`)."""
        values = self.field_value_columns
        return [(c, None if c in values else _LIST_SEPARATORS.get(c, " ")) for c in self.columns]

    @classmethod
    def of(cls, manifest: SessionManifest, criteria: SessionCriteria | None) -> ExportLayout:
        qualifies = manifest.options.qualification is not None
        fields = [spec.name for spec in manifest.options.custom_fields]
        return cls(manifest.input.columns, qualifies, criteria if qualifies else None, fields)


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def cell_text(value: object, separator: str = " ") -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return separator.join(str(item) for item in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def export_cells(row: ExportRow, layout: ExportLayout) -> dict[str, object]:
    """Every cell of the row by column; each export lays them out its own way."""
    cells = row.output_cells()
    if layout.qualification:
        cells |= dict.fromkeys(map(score_column, layout.products)) | row.score_cells()
    if layout.fields:
        cells |= row.field_cells(list(layout.fields))
    return cells


def spreadsheet_values(
    row: ExportRow, layout: ExportLayout, cells: dict[str, object] | None = None
) -> list[str]:
    """`cells`: the row's `export_cells`, when already computed."""
    cells = export_cells(row, layout) if cells is None else cells
    # Written out rather than through `cell_text` and `neutralise` for each cell: this runs
    # for every cell of every row of a session's final files.
    texts: list[str] = []
    for column, separator in layout.text_columns:
        value = cells.get(column)
        if separator is None:
            texts.append(field_text(value))
            continue
        text = value if value.__class__ is str else cell_text(value, separator)
        texts.append("'" + text if text and text[0] in _TRIGGER_CHARS else text)
    return texts


def field_text(value: object) -> str:
    """A custom field's value as typed: numbers without padding, booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format(value, ".15g")
    return neutralise(str(value))


def workbook_values(
    row: ExportRow,
    layout: ExportLayout,
    texts: Sequence[str] | None = None,
    cells: dict[str, object] | None = None,
) -> list[object]:
    """As `spreadsheet_values` (`texts`, when already computed; `cells`, the row's
    `export_cells`), but numbers stay numbers (confidences, attempts, scores, custom
    number fields, rounded as in CSV) and custom boolean fields booleans, so a workbook
    can sort, filter and sum them."""
    texts = spreadsheet_values(row, layout) if texts is None else texts
    cells = export_cells(row, layout) if cells is None else cells
    typed: list[object] = list(texts)
    for position, column, field_value in layout.typed_positions:
        value = cells.get(column)
        if field_value:
            if isinstance(value, float | bool):
                typed[position] = value
        elif isinstance(value, bool) or not isinstance(value, int | float):
            continue
        else:
            typed[position] = round(value, 2) if isinstance(value, float) else value
    return typed
