"""A chunk's rows as the session's final files hold them, written when the chunk is stored.

Encoding rows for the final CSV, JSON and XLSX is per-row work (cells, texts, quoting,
markup) that a million-row session's finalization did for every row on one worker, after
the last chunk. The worker that stores a chunk already holds its rows: it renders them
once (`RowRenderer`) and stores the three renderings beside the chunk's results
(`chunks/exports/<n>.bin`), so finalization mostly joins bytes. See
docs/decisions/0013-chunk-exports-rendered-when-the-chunk-is-stored.md.

A rendering is used only when it still says what the files would hold:
- it names the layout it was rendered for (`layout_tag`: the format, the output columns,
  which of them keep typed values); a session whose columns differ reads its rows;
- chunks with duplicate rows, or holding the first occurrence of a duplicate, are read
  as rows (a duplicate shows its first occurrence's findings, which may be stored later
  than the chunk);
- sessions with criteria write an evidence sheet through openpyxl, so their chunks are
  not rendered ahead (`layout_tag` is None).
- it names the attempt that stored the chunk's results (the start its summary records):
  an attempt that ended before its summary, then redone without a rendering (a dead
  letter, a row a file refuses), leaves a rendering no summary names.
A retry round writes its chunk's results and rendering under the round's keys, so the
latest version of a chunk is always read with its own rendering.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import orjson

from shared.criteria.evidence import EvidenceLine, EvidenceTable
from shared.export_layout import ExportLayout, ExportRow, export_cells, spreadsheet_values
from shared.exports import CsvExport, JsonExport, workbook_cells
from shared.xlsx_rows import sheet_markup

# Changes whenever a rendering's bytes would change for the same rows and columns.
FORMAT = 2
# Renderings are deflated for storage: rows of one chunk are alike, so level 1 gives most
# of the reduction for little CPU.
_LEVEL = 1


@dataclass(frozen=True)
class RenderedRows:
    """Rows as each final file holds them: CSV lines; JSON objects joined by `\\n,` (no
    comma before the first: the file's writer adds one between chunks); the results
    sheet's `<row>` markup; and, with criteria, the evidence sheet's lines."""

    csv: bytes
    json: bytes
    sheet: bytes
    evidence: list[EvidenceLine] = field(default_factory=list)


def layout_tag(layout: ExportLayout) -> str | None:
    """What a rendering depends on besides its rows; None when chunks of this layout are
    not rendered ahead."""
    if layout.qualification:
        return None
    described = [FORMAT, list(layout.columns), sorted(layout.field_value_columns)]
    return hashlib.sha256(orjson.dumps(described)).hexdigest()[:32]


class RowRenderer:
    """Renders batches of rows for one layout; each row's cells are computed once for
    the three files."""

    def __init__(self, layout: ExportLayout) -> None:
        self._layout = layout
        self._csv = CsvExport(layout)
        self._table = EvidenceTable(layout.criteria)

    def headers(self) -> tuple[bytes, bytes]:
        return self._csv.header(), JsonExport(self._layout).header()

    def json_footer(self) -> bytes:
        return JsonExport(self._layout).footer()

    def render(self, rows: Sequence[ExportRow]) -> RenderedRows:
        layout = self._layout
        cells = [export_cells(row, layout) for row in rows]
        values = [
            spreadsheet_values(row, layout, row_cells)
            for row, row_cells in zip(rows, cells, strict=True)
        ]
        sheet, evidence = workbook_cells(layout, self._table, rows, values, cells)
        # A fresh JSON writer: the chunk's first object without a leading comma.
        json = JsonExport(layout).rows(rows, cells)
        return RenderedRows(self._csv.lines(values), json, sheet_markup(sheet), evidence)


def attempt_of(started_at: datetime) -> str:
    """Names the attempt that stored a chunk: the start its summary records."""
    return started_at.isoformat()


def pack(rendered: RenderedRows, tag: str, attempt: str) -> bytes:
    """A rendering as stored: one JSON line naming its format, layout, the attempt that
    stored it (`attempt_of`) and its part sizes, then the three parts deflated together."""
    sizes = [len(rendered.csv), len(rendered.json), len(rendered.sheet)]
    head = orjson.dumps({"format": FORMAT, "layout": tag, "attempt": attempt, "sizes": sizes})
    body = zlib.compress(rendered.csv + rendered.json + rendered.sheet, _LEVEL)
    return head + b"\n" + body


def unpack(data: bytes, tag: str, attempt: str) -> RenderedRows | None:
    """The stored rendering, or None when it was rendered for another format or layout,
    by another attempt than the one whose results are stored (or is not one): then the
    chunk's rows are read instead."""
    head, _, body = data.partition(b"\n")
    try:
        meta = orjson.loads(head)
        if (meta.get("format"), meta.get("layout"), meta.get("attempt")) != (FORMAT, tag, attempt):
            return None
        csv_size, json_size, sheet_size = (int(n) for n in meta["sizes"])
        raw = zlib.decompress(body)
    except (orjson.JSONDecodeError, zlib.error, AttributeError, KeyError, TypeError, ValueError):
        return None
    if len(raw) != csv_size + json_size + sheet_size:
        return None
    json_end = csv_size + json_size
    return RenderedRows(raw[:csv_size], raw[csv_size:json_end], raw[json_end:])
