"""A session's final CSV, JSON and XLSX, written from one pass over its rows.

Each row's cells are computed once for the three files (`export_cells`,
`spreadsheet_values`). The CSV and JSON stream to storage while they are written
(worker/object_stream.py); the XLSX is written by a process of its own
(worker/xlsx_process.py) from the cells sent to it, then stored; a small session's in
the worker, on a thread. So the workbook's markup
and compression run on the other core, and no file waits for the others to be uploaded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from shared.criteria.evidence import EVIDENCE_COLUMNS, EvidenceTable
from shared.export_layout import (
    ExportLayout,
    ExportRow,
    export_cells,
    neutralise,
    spreadsheet_values,
)
from shared.exports import CONTENT_TYPES, CsvExport, JsonExport, workbook_cells
from shared.layout import SessionKeys
from shared.storage.protocol import ObjectStore
from shared.xlsx_book import XlsxBook
from worker.final_upload import upload_file
from worker.object_stream import ObjectStream
from worker.xlsx_process import XlsxProcess


class RowEncoder:
    """Rows as CSV bytes, JSON bytes and the workbook's cells, each row's cells once."""

    def __init__(self, layout: ExportLayout) -> None:
        self._layout = layout
        self._csv = CsvExport(layout)
        self._json = JsonExport(layout)
        self._table = EvidenceTable(layout.criteria)

    def headers(self) -> tuple[bytes, bytes]:
        return self._csv.header(), self._json.header()

    def encode(
        self, rows: Sequence[ExportRow]
    ) -> tuple[bytes, bytes, tuple[Sequence[Sequence[object]], list[list[str]]]]:
        cells = [export_cells(row, self._layout) for row in rows]
        values = [
            spreadsheet_values(row, self._layout, row_cells)
            for row, row_cells in zip(rows, cells, strict=True)
        ]
        sheet = workbook_cells(self._layout, self._table, rows, values)
        return self._csv.lines(values), self._json.rows(rows, cells), sheet

    def json_footer(self) -> bytes:
        return self._json.footer()


# Below this many rows the workbook is written in the worker (on a thread): starting a
# process costs more than it gives a small session, and a session's end comes sooner.
PROCESS_ROWS = 20_000


class _BookHere:
    """The workbook in this process, with the workbook process's interface."""

    def __init__(
        self,
        path: Path,
        header: Sequence[str],
        evidence_header: Sequence[str] | None,
        created: datetime | None,
    ) -> None:
        self._path = path
        self._book = XlsxBook(header, evidence_header, created)

    def append(self, rows: Sequence[Sequence[object]], evidence: Sequence[Sequence[str]]) -> None:
        self._book.append(rows, evidence)

    def finish(self) -> None:
        self._book.save(self._path)

    def stop(self) -> None:
        self._book.discard()


class ResultFiles:
    """`open`, `write` each batch of rows in order, then `close`; `abort` on failure
    leaves none of the three objects stored by this writer. `rows`: how many the session
    has, which decides where the workbook is written (`PROCESS_ROWS`)."""

    def __init__(
        self,
        store: ObjectStore,
        keys: SessionKeys,
        layout: ExportLayout,
        created: datetime,
        folder: Path,
        rows: int = PROCESS_ROWS,
    ) -> None:
        self._store = store
        self._keys = keys
        self._layout = layout
        self._created = created
        self._xlsx_path = folder / "results.xlsx"
        self._encoder = RowEncoder(layout)
        self._csv: ObjectStream | None = None
        self._json: ObjectStream | None = None
        self._xlsx: XlsxProcess | _BookHere | None = None
        self._book_kind = XlsxProcess if rows >= PROCESS_ROWS else _BookHere

    async def open(self) -> None:
        header = [neutralise(c) for c in self._layout.columns]
        evidence = list(EVIDENCE_COLUMNS) if self._layout.qualification else None
        self._xlsx = await asyncio.to_thread(
            self._book_kind, self._xlsx_path, header, evidence, self._created
        )
        self._csv = self._stream("csv")
        self._json = self._stream("json")
        csv_head, json_head = self._encoder.headers()
        await self._csv.write(csv_head)
        await self._json.write(json_head)

    def _stream(self, fmt: str) -> ObjectStream:
        return ObjectStream(self._store, self._keys.final_results(fmt), CONTENT_TYPES[fmt])

    async def write(self, rows: Sequence[ExportRow]) -> None:
        assert self._csv is not None
        assert self._json is not None
        # Encoding is CPU work: off the event loop, which meanwhile reads the next chunks.
        csv_data, json_data = await asyncio.to_thread(self._encode, rows)
        await self._csv.write(csv_data)
        await self._json.write(json_data)

    def _encode(self, rows: Sequence[ExportRow]) -> tuple[bytes, bytes]:
        assert self._xlsx is not None
        csv_data, json_data, sheet = self._encoder.encode(rows)
        # Blocks while the workbook's process is a pipe's buffer behind.
        self._xlsx.append(*sheet)
        return csv_data, json_data

    async def close(self) -> list[str]:
        """Every file stored; their keys."""
        assert self._csv is not None
        assert self._json is not None
        await self._json.write(self._encoder.json_footer())
        await asyncio.gather(self._csv.close(), self._json.close(), self._store_workbook())
        return [self._keys.final_results(fmt) for fmt in ("csv", "json", "xlsx")]

    async def _store_workbook(self) -> None:
        assert self._xlsx is not None
        await asyncio.to_thread(self._xlsx.finish)
        key = self._keys.final_results("xlsx")
        await upload_file(self._store, key, self._xlsx_path, CONTENT_TYPES["xlsx"])

    async def abort(self) -> None:
        if self._xlsx is not None:
            # At once, before any await: a cancelled finalization may not get to a later one.
            self._xlsx.stop()
        for stream in (self._csv, self._json):
            if stream is not None:
                await stream.abort()
