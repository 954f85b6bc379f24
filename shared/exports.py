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
import re
import shutil
import tempfile
import zipfile
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import IO

import orjson
from openpyxl import Workbook

from shared.criteria.evidence import EVIDENCE_COLUMNS, EvidenceTable
from shared.criteria.model import SessionCriteria
from shared.fields.model import field_columns
from shared.models import SessionManifest
from shared.rows import RESULT_COLUMNS, ResultRow, score_column
from shared.stored_rows import StoredRow
from shared.xlsx_rows import SheetRows, splice_rows

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_TRIGGER_CHARS = frozenset(FORMULA_TRIGGERS)
CONTENT_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_COPY_BLOCK = 1024 * 1024
_CORE_PROPERTIES = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
EVIDENCE_KEY = "Qualification"
FIELDS_KEY = "Custom_Fields"
EVIDENCE_SHEET = "Qualification"
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
        for n, row in enumerate(rows):
            cells = export_cells(row, self._layout) if cells_of is None else cells_of[n]
            values = {c: cells.get(c, "") for c in self._layout.columns}
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
    """openpyxl write-only workbook; rows stream to a temporary file, not to memory.

    With criteria, a second sheet holds the evidence: one line per company and criterion.
    """

    def __init__(self, layout: ExportLayout, created: datetime | None = None) -> None:
        self._layout = layout
        self._book = Workbook(write_only=True)
        self._stamp: str | None = None
        if created is not None:
            # Fixed document dates keep two writers of the same session byte-identical.
            naive = created.astimezone(UTC).replace(tzinfo=None, microsecond=0)
            self._book.properties.created = naive
            self._stamp = naive.isoformat() + "Z"
        self._sheet = self._book.create_sheet("Results")
        self._sheet.append([neutralise(c) for c in layout.columns])
        # Data rows are written as markup to a file of their own, spliced in on save.
        self._rows_file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by save)
        self._rows = SheetRows(self._rows_file, first_row=2)
        self._table = EvidenceTable(layout.criteria)
        self._evidence = self._book.create_sheet(EVIDENCE_SHEET) if layout.qualification else None
        if self._evidence is not None:
            self._evidence.append(list(EVIDENCE_COLUMNS))

    def rows(self, rows: Sequence[ExportRow]) -> None:
        self.append(rows, [spreadsheet_values(row, self._layout) for row in rows])

    def append(self, rows: Sequence[ExportRow], values: Sequence[list[str]]) -> None:
        """Rows with their `spreadsheet_values`, computed once for every export."""
        cells: Sequence[Sequence[object]] = values
        if self._layout.field_value_columns:
            cells = [
                workbook_values(row, self._layout, texts)
                for row, texts in zip(rows, values, strict=True)
            ]
        self._rows.append(cells)
        for row in rows:
            if self._evidence is not None:
                for line in self._table.lines(row):
                    self._evidence.append([neutralise(cell) for cell in line])

    def save(self, path: Path) -> None:
        raw = path.with_suffix(".raw.xlsx")
        self._book.save(raw)
        try:
            stabilise_zip(raw, path, self._stamp, {self._sheet.path.lstrip("/"): self._rows_file})
        finally:
            self._rows_file.close()
        raw.unlink()


def stabilise_zip(
    source: Path,
    target: Path,
    modified: str | None = None,
    sheet_rows: Mapping[str, IO[bytes]] | None = None,
) -> None:
    """Copy a zip with fixed entry times (and, for a workbook, a fixed `modified` date,
    which openpyxl sets to the clock on save), so equal content gives equal bytes."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            rows = (sheet_rows or {}).get(info.filename)
            if rows is not None:
                sheet = old.read(info)
                entry.file_size = len(sheet) + rows.seek(0, io.SEEK_END) + 64
                with new.open(entry, "w") as copy:
                    splice_rows(sheet, rows, copy)
                continue
            if modified is not None and info.filename == _CORE_PROPERTIES:
                data = _MODIFIED.sub(rb"\g<1>" + modified.encode() + rb"\g<2>", old.read(info))
                new.writestr(entry, data)
                continue
            # Copied in blocks: a million-row sheet is hundreds of megabytes of XML. The
            # size, known in advance, lets zipfile choose ZIP64 as `writestr` would.
            entry.file_size = info.file_size
            with old.open(info) as part, new.open(entry, "w") as copy:
                shutil.copyfileobj(part, copy, _COPY_BLOCK)


def write_xlsx(
    path: Path, layout: ExportLayout, rows: Iterable[ExportRow], created: datetime | None = None
) -> None:
    export = XlsxExport(layout, created)
    export.rows(list(rows))
    export.save(path)
