"""Result exports: CSV (UTF-8 with BOM), JSON and XLSX, written row by row.

Spreadsheet cells that start with a formula trigger (= + - @ tab CR) get a leading
apostrophe, so a company description (or a quote taken from a website) can never run as
a formula in Excel or Sheets. JSON keeps values as they are: it is read by programs, not
spreadsheets.

Sessions with criteria add a `Score: <Product>` column per product, the per-criterion
evidence as each JSON row's `Qualification` array, and a second XLSX sheet of evidence;
the CSV stays one table. Sessions with custom fields add value, quote, source and
confidence columns per field, and each JSON row's `Custom_Fields` array.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path

import orjson

from shared.criteria.evidence import EVIDENCE_COLUMNS, EvidenceTable
from shared.criteria.model import SessionCriteria
from shared.fields.model import field_columns
from shared.models import SessionManifest
from shared.rows import RESULT_COLUMNS, ResultRow, score_column
from shared.stored_rows import StoredRow
from shared.xlsx_book import XlsxBook

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_TRIGGER_CHARS = frozenset(FORMULA_TRIGGERS)
CONTENT_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EVIDENCE_KEY = "Qualification"
FIELDS_KEY = "Custom_Fields"
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
    row: ExportRow, layout: ExportLayout, texts: Sequence[str] | None = None
) -> list[object]:
    """As `spreadsheet_values` (`texts`, when already computed), but custom number and
    boolean fields stay numbers and booleans, so a workbook can sum and filter them."""
    texts = spreadsheet_values(row, layout) if texts is None else texts
    cells = export_cells(row, layout)
    values = layout.field_value_columns
    return [
        cells.get(column)
        if column in values and isinstance(cells.get(column), float | bool)
        else text
        for column, text in zip(layout.columns, texts, strict=True)
    ]


class CsvExport:
    """Encodes rows as CSV lines; `header` carries the BOM so Excel reads UTF-8."""

    def __init__(self, layout: ExportLayout) -> None:
        self._layout = layout
        self._columns = layout.columns
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def _take(self) -> bytes:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text.encode("utf-8")

    def header(self) -> bytes:
        self._writer.writerow([neutralise(c) for c in self._columns])
        return b"\xef\xbb\xbf" + self._take()

    def rows(self, rows: Iterable[ExportRow]) -> bytes:
        return self.lines(spreadsheet_values(row, self._layout) for row in rows)

    def lines(self, values: Iterable[list[str]]) -> bytes:
        """CSV lines of rows already turned into `spreadsheet_values`."""
        self._writer.writerows(values)
        return self._take()


class JsonExport:
    """A JSON array of objects keyed by column, streamed element by element; with criteria,
    each object ends with the row's evidence (`Qualification`)."""

    def __init__(self, layout: ExportLayout) -> None:
        self._layout = layout
        self._first = True

    def header(self) -> bytes:
        return b"["

    def rows(
        self, rows: Sequence[ExportRow], cells_of: Sequence[dict[str, object]] | None = None
    ) -> bytes:
        """`cells_of`: the rows' `export_cells`, when already computed."""
        parts: list[bytes] = []
        columns = self._layout.columns
        # Evidence and answers are added to the object: then it is never the row's cells.
        extended = self._layout.qualification or bool(self._layout.fields)
        for n, row in enumerate(rows):
            cells = export_cells(row, self._layout) if cells_of is None else cells_of[n]
            # Cells already in column order, none missing (nearly every row) are the object.
            if not extended and list(cells) == columns:
                values = cells
            else:
                values = {c: cells.get(c, "") for c in columns}
            if self._layout.qualification:
                values[EVIDENCE_KEY] = [p.model_dump(mode="json") for p in row.qualification]
            if self._layout.fields:
                values[FIELDS_KEY] = [a.model_dump(mode="json") for a in row.custom_fields]
            item = orjson.dumps(values)
            parts.append(item if self._first else b"," + item)
            self._first = False
        return b"\n".join(parts)

    def footer(self) -> bytes:
        return b"]\n"


async def stream_csv(
    layout: ExportLayout, rows: AsyncIterable[Sequence[ExportRow]]
) -> AsyncIterator[bytes]:
    """CSV bytes for batches of rows, for HTTP responses and uploads."""
    export = CsvExport(layout)
    yield export.header()
    async for batch in rows:
        yield export.rows(batch)


async def stream_json(
    layout: ExportLayout, rows: AsyncIterable[Sequence[ExportRow]]
) -> AsyncIterator[bytes]:
    export = JsonExport(layout)
    yield export.header()
    async for batch in rows:
        data = export.rows(batch)
        if data:
            yield data
    yield export.footer()


class XlsxExport:
    """The results workbook of rows; with criteria, a second sheet holds the evidence: one
    line per company and criterion."""

    def __init__(self, layout: ExportLayout, created: datetime | None = None) -> None:
        self._layout = layout
        self._table = EvidenceTable(layout.criteria)
        evidence = list(EVIDENCE_COLUMNS) if layout.qualification else None
        self._book = XlsxBook([neutralise(c) for c in layout.columns], evidence, created)

    def rows(self, rows: Sequence[ExportRow]) -> None:
        self.append(rows, [spreadsheet_values(row, self._layout) for row in rows])

    def append(self, rows: Sequence[ExportRow], values: Sequence[list[str]]) -> None:
        """Rows with their `spreadsheet_values`, computed once for every export."""
        self._book.append(*workbook_cells(self._layout, self._table, rows, values))

    def save(self, path: Path) -> None:
        self._book.save(path)


def workbook_cells(
    layout: ExportLayout,
    table: EvidenceTable,
    rows: Sequence[ExportRow],
    values: Sequence[list[str]],
) -> tuple[Sequence[Sequence[object]], list[list[str]]]:
    """The results sheet's cells of `rows` (their `spreadsheet_values`, typed custom
    fields kept typed) and, with criteria, the evidence sheet's lines."""
    cells: Sequence[Sequence[object]] = values
    if layout.field_value_columns:
        cells = [
            workbook_values(row, layout, texts) for row, texts in zip(rows, values, strict=True)
        ]
    evidence: list[list[str]] = []
    if layout.qualification:
        for row in rows:
            evidence.extend([neutralise(cell) for cell in line] for line in table.lines(row))
    return cells, evidence


def write_xlsx(
    path: Path, layout: ExportLayout, rows: Iterable[ExportRow], created: datetime | None = None
) -> None:
    export = XlsxExport(layout, created)
    export.rows(list(rows))
    export.save(path)
