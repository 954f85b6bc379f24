"""Result files as byte streams: the finalizer's objects, or built from chunk results.

A finalized session serves its final objects as stored. Before that (while running, or
cancelled before finalization) the same exports are built from the chunks stored so far.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from gateway.results_source import all_rows
from shared.exports import XlsxExport, output_columns, stream_csv, stream_json
from shared.layout import SessionKeys
from shared.rows import ResultRow
from shared.status import SessionState
from shared.storage import ObjectStore

FILE_CHUNK = 256 * 1024


async def results_file(
    store: ObjectStore, keys: SessionKeys, state: SessionState, fmt: str
) -> AsyncIterator[bytes]:
    final_key = keys.final_results(fmt)
    if state.finalized and await store.exists(final_key):
        async for chunk in store.iter_bytes(final_key):
            yield chunk
        return
    columns = output_columns(state.manifest.input.columns)
    rows = all_rows(store, keys)
    if fmt == "csv":
        source = stream_csv(columns, rows)
    elif fmt == "json":
        source = stream_json(columns, rows)
    else:
        source = _xlsx(columns, rows, state)
    async for chunk in source:
        yield chunk


async def _xlsx(
    columns: list[str], rows: AsyncIterator[list[ResultRow]], state: SessionState
) -> AsyncIterator[bytes]:
    # XLSX is a zip with a central directory at the end: it is written to a temporary
    # file row by row (openpyxl write-only), then streamed out and removed.
    with tempfile.TemporaryDirectory(prefix="dossier-xlsx-") as folder:
        path = Path(folder) / "results.xlsx"
        export = await asyncio.to_thread(XlsxExport, columns, state.manifest.created_at)
        async for batch in rows:
            await asyncio.to_thread(export.rows, batch)
        await asyncio.to_thread(export.save, path)
        with path.open("rb") as handle:
            while chunk := await asyncio.to_thread(handle.read, FILE_CHUNK):
                yield chunk
