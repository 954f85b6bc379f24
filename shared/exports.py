"""Result exports: CSV (UTF-8 with BOM), JSON and XLSX, written row by row.

Spreadsheet cells that start with a formula trigger (= + - @ tab CR) get a leading
apostrophe, so a company description can never run as a formula in Excel or Sheets.
JSON keeps values as they are: it is read by programs, not spreadsheets.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import orjson
from openpyxl import Workbook

from shared.rows import RESULT_COLUMNS, ResultRow

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_PROPERTIES = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def output_columns(input_columns: Sequence[str]) -> list[str]:
    """The user's columns in input order, then the result columns."""
    columns = list(input_columns)
    columns.extend(c for c in RESULT_COLUMNS if c not in columns)
    return columns


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def spreadsheet_values(row: ResultRow, columns: Sequence[str]) -> list[str]:
    cells = row.output_cells()
    return [neutralise(cell_text(cells.get(column))) for column in columns]


class CsvExport:
    """Encodes rows as CSV lines; `header` carries the BOM so Excel reads UTF-8."""

    def __init__(self, columns: Sequence[str]) -> None:
        self._columns = list(columns)
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

    def rows(self, rows: Iterable[ResultRow]) -> bytes:
        for row in rows:
            self._writer.writerow(spreadsheet_values(row, self._columns))
        return self._take()


class JsonExport:
    """A JSON array of objects keyed by column, streamed element by element."""

    def __init__(self, columns: Sequence[str]) -> None:
        self._columns = list(columns)
        self._first = True

    def header(self) -> bytes:
        return b"["

    def rows(self, rows: Iterable[ResultRow]) -> bytes:
        parts: list[bytes] = []
        for row in rows:
            cells = row.output_cells()
            item = orjson.dumps({c: cells.get(c, "") for c in self._columns})
            parts.append(item if self._first else b"," + item)
            self._first = False
        return b"\n".join(parts)

    def footer(self) -> bytes:
        return b"]\n"


async def stream_csv(
    columns: Sequence[str], rows: AsyncIterable[Sequence[ResultRow]]
) -> AsyncIterator[bytes]:
    """CSV bytes for batches of rows, for HTTP responses and uploads."""
    export = CsvExport(columns)
    yield export.header()
    async for batch in rows:
        yield export.rows(batch)


async def stream_json(
    columns: Sequence[str], rows: AsyncIterable[Sequence[ResultRow]]
) -> AsyncIterator[bytes]:
    export = JsonExport(columns)
    yield export.header()
    async for batch in rows:
        data = export.rows(batch)
        if data:
            yield data
    yield export.footer()


class XlsxExport:
    """openpyxl write-only workbook; rows stream to a temporary file, not to memory."""

    def __init__(self, columns: Sequence[str], created: datetime | None = None) -> None:
        self._columns = list(columns)
        self._book = Workbook(write_only=True)
        self._stamp: str | None = None
        if created is not None:
            # Fixed document dates keep two writers of the same session byte-identical.
            naive = created.astimezone(UTC).replace(tzinfo=None, microsecond=0)
            self._book.properties.created = naive
            self._stamp = naive.isoformat() + "Z"
        self._sheet = self._book.create_sheet("Results")
        self._sheet.append([neutralise(c) for c in self._columns])

    def rows(self, rows: Iterable[ResultRow]) -> None:
        for row in rows:
            self._sheet.append(spreadsheet_values(row, self._columns))

    def save(self, path: Path) -> None:
        raw = path.with_suffix(".raw.xlsx")
        self._book.save(raw)
        stabilise_zip(raw, path, self._stamp)
        raw.unlink()


def stabilise_zip(source: Path, target: Path, modified: str | None = None) -> None:
    """Copy a zip with fixed entry times (and, for a workbook, a fixed `modified` date,
    which openpyxl sets to the clock on save), so equal content gives equal bytes."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            data = old.read(info.filename)
            if modified is not None and info.filename == _CORE_PROPERTIES:
                data = _MODIFIED.sub(rb"\g<1>" + modified.encode() + rb"\g<2>", data)
            new.writestr(entry, data)


def write_xlsx(
    path: Path, columns: Sequence[str], rows: Iterable[ResultRow], created: datetime | None = None
) -> None:
    export = XlsxExport(columns, created)
    export.rows(rows)
    export.save(path)
