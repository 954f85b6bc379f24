"""A session's final CSV, JSON and XLSX, written from one pass over its chunks.

Each chunk comes rendered (worker/chunk_exports.py: stored with the chunk) or as its
result lines, rendered here (worker/final_render.py: a large session's in a process of
its own, a few chunks ahead of the writes). The CSV and JSON stream to storage while they
are written (worker/object_stream.py), the sheet's rows go to the workbook's file. The workbook is
deflated once its rows are in, on a thread: zlib lets go of the interpreter lock, so it
runs on the other core while the uploads end.
"""

from __future__ import annotations

import asyncio
from collections import deque
from datetime import datetime
from pathlib import Path

from shared.criteria.evidence import EVIDENCE_COLUMNS
from shared.export_layout import ExportLayout, neutralise
from shared.exports import CONTENT_TYPES
from shared.layout import SessionKeys
from shared.storage.protocol import ObjectStore
from shared.xlsx_book import XlsxBook
from worker.chunk_exports import RenderedRows, RowRenderer
from worker.final_render import chunk_renderer
from worker.final_upload import upload_file
from worker.object_stream import ObjectStream

# Chunks being rendered at once ahead of the writes: enough to keep the rendering
# process busy while the worker reads and fills the next ones.
RENDER_AHEAD = 4


class ResultFiles:
    """`open`, `write` each chunk (its rendering, or its result lines) in order, then
    `close`; `abort` on failure leaves none of the three objects stored by this writer.
    `rows`: how many the session has, which decides where chunks are rendered."""

    def __init__(
        self,
        store: ObjectStore,
        keys: SessionKeys,
        layout: ExportLayout,
        created: datetime,
        folder: Path,
        rows: int = 0,
    ) -> None:
        self._store = store
        self._keys = keys
        self._layout = layout
        self._created = created
        self._xlsx_path = folder / "results.xlsx"
        self._headers = RowRenderer(layout)
        self._renderer = chunk_renderer(layout, rows)
        self._ahead: deque[asyncio.Future[RenderedRows]] = deque()
        self._csv: ObjectStream | None = None
        self._json: ObjectStream | None = None
        self._book: XlsxBook | None = None
        # No JSON object written yet: the next chunk's first one needs no comma.
        self._json_empty = True

    async def open(self) -> None:
        header = [neutralise(c) for c in self._layout.columns]
        evidence = list(EVIDENCE_COLUMNS) if self._layout.qualification else None
        self._book = await asyncio.to_thread(XlsxBook, header, evidence, self._created)
        self._csv = self._stream("csv")
        self._json = self._stream("json")
        csv_head, json_head = self._headers.headers()
        await self._csv.write(csv_head)
        await self._json.write(json_head)

    def _stream(self, fmt: str) -> ObjectStream:
        return ObjectStream(self._store, self._keys.final_results(fmt), CONTENT_TYPES[fmt])

    async def write(self, chunk: RenderedRows | bytes) -> None:
        if isinstance(chunk, RenderedRows):
            done: asyncio.Future[RenderedRows] = asyncio.get_running_loop().create_future()
            done.set_result(chunk)
            self._ahead.append(done)
        else:
            self._ahead.append(asyncio.ensure_future(self._renderer.render(chunk)))
        while len(self._ahead) > RENDER_AHEAD or (self._ahead and self._ahead[0].done()):
            await self._write(await self._ahead.popleft())

    async def _write(self, chunk: RenderedRows) -> None:
        assert self._csv is not None
        assert self._json is not None
        assert self._book is not None
        self._book.append_markup(chunk.sheet, chunk.evidence)
        await self._csv.write(chunk.csv)
        if chunk.json:
            await self._json.write(chunk.json if self._json_empty else b"," + chunk.json)
            self._json_empty = False

    async def close(self) -> list[str]:
        """Every file stored; their keys."""
        assert self._csv is not None
        assert self._json is not None
        while self._ahead:
            await self._write(await self._ahead.popleft())
        await self._renderer.finish()
        await self._json.write(self._headers.json_footer())
        await asyncio.gather(self._csv.close(), self._json.close(), self._store_workbook())
        return [self._keys.final_results(fmt) for fmt in ("csv", "json", "xlsx")]

    async def _store_workbook(self) -> None:
        assert self._book is not None
        await asyncio.to_thread(self._book.save, self._xlsx_path)
        key = self._keys.final_results("xlsx")
        await upload_file(self._store, key, self._xlsx_path, CONTENT_TYPES["xlsx"])

    async def abort(self) -> None:
        for pending in self._ahead:
            pending.cancel()
        self._renderer.stop()
        if self._book is not None:
            # At once, before any await: a cancelled finalization may not get to a later one.
            self._book.discard()
        for stream in (self._csv, self._json):
            if stream is not None:
                await stream.abort()
