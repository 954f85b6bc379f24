"""Result exports: CSV (UTF-8 with BOM), JSON and XLSX, written row by row.

Cell values come from shared/export_layout.py (formula triggers already neutralised for
spreadsheets). JSON keeps values as they are: it is read by programs, not spreadsheets.

Sessions with criteria add the per-criterion evidence as each JSON row's `Qualification`
array, and a second XLSX sheet of evidence; the CSV stays one table. Sessions with custom
fields add each JSON row's `Custom_Fields` array.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Sequence
from datetime import datetime
from pathlib import Path

import orjson

from shared.criteria.evidence import EVIDENCE_COLUMNS, EvidenceLine, EvidenceTable
from shared.export_layout import (
    ExportLayout,
    ExportRow,
    export_cells,
    neutralise,
    spreadsheet_values,
    workbook_values,
)
from shared.xlsx_book import XlsxBook

CONTENT_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EVIDENCE_KEY = "Qualification"
FIELDS_KEY = "Custom_Fields"


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
    row_cells: Sequence[dict[str, object]] | None = None,
) -> tuple[Sequence[Sequence[object]], list[EvidenceLine]]:
    """The results sheet's cells of `rows` (their `spreadsheet_values`, numbers and typed
    custom fields kept typed; `row_cells`: their `export_cells`, when already computed)
    and, with criteria, the evidence sheet's lines (`Row` a number, the rest text)."""
    computed = row_cells if row_cells is not None else [export_cells(r, layout) for r in rows]
    cells = [
        workbook_values(row, layout, texts, found)
        for row, texts, found in zip(rows, values, computed, strict=True)
    ]
    evidence: list[EvidenceLine] = []
    if layout.qualification:
        for row in rows:
            evidence.extend(
                [neutralise(cell) if isinstance(cell, str) else cell for cell in line]
                for line in table.lines(row)
            )
    return cells, evidence


def write_xlsx(
    path: Path, layout: ExportLayout, rows: Iterable[ExportRow], created: datetime | None = None
) -> None:
    export = XlsxExport(layout, created)
    export.rows(list(rows))
    export.save(path)
