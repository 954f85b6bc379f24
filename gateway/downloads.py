"""Result and log files as byte streams: the finalizer's objects, or built from chunks.

A finalized session serves its final objects as stored. Before that (while running, or
cancelled before finalization) the same files are built from the chunks stored so far.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator, Callable
from functools import partial
from pathlib import Path

from gateway.results_source import all_rows
from gateway.review.decision import ReviewDecision, with_decisions
from gateway.review.storage import read_decisions
from shared.criteria.snapshot import session_criteria
from shared.export_layout import ExportLayout
from shared.exports import XlsxExport, stream_csv, stream_json
from shared.layout import SessionKeys
from shared.rows import ResultRow
from shared.session_logs import session_log
from shared.status import SessionState
from shared.storage.protocol import ObjectStore

FILE_CHUNK = 256 * 1024


def results_file(
    store: ObjectStore, keys: SessionKeys, state: SessionState, fmt: str
) -> AsyncIterator[bytes]:
    async def build() -> AsyncIterator[bytes]:
        criteria = await session_criteria(store, keys, state.manifest.options)
        layout = ExportLayout.of(state.manifest, criteria)
        rows = _reviewed(all_rows(store, keys), await read_decisions(store, keys))
        if fmt == "csv":
            encoded = stream_csv(layout, rows)
        elif fmt == "json":
            encoded = stream_json(layout, rows)
        else:
            encoded = _xlsx(layout, rows, state)
        async for chunk in encoded:
            yield chunk

    async def chosen() -> AsyncIterator[bytes]:
        # The finalizer's files predate any review decision: with one, files are rebuilt.
        reviewed = bool(await store.list_objects(keys.reviews_prefix))
        final = keys.final_results(fmt)
        source = build() if reviewed else _final_or_built(store, final, state, build)
        async for chunk in source:
            yield chunk

    return chosen()


async def _reviewed(
    batches: AsyncIterator[list[ResultRow]], decisions: dict[int, ReviewDecision]
) -> AsyncIterator[list[ResultRow]]:
    async for batch in batches:
        yield with_decisions(batch, decisions)


def log_file(
    store: ObjectStore, keys: SessionKeys, state: SessionState, log_type: str
) -> AsyncIterator[bytes]:
    build = partial(session_log, store, keys, log_type)
    return _final_or_built(store, keys.final_log(log_type), state, build)


async def _final_or_built(
    store: ObjectStore,
    final_key: str,
    state: SessionState,
    build: Callable[[], AsyncIterator[bytes]],
) -> AsyncIterator[bytes]:
    stored = state.finalized and await store.exists(final_key)
    source = store.iter_bytes(final_key) if stored else build()
    async for chunk in source:
        yield chunk


async def _xlsx(
    layout: ExportLayout, rows: AsyncIterator[list[ResultRow]], state: SessionState
) -> AsyncIterator[bytes]:
    # XLSX is a zip with a central directory at the end: it is written to a temporary
    # file row by row (openpyxl write-only), then streamed out and removed.
    with tempfile.TemporaryDirectory(prefix="dossier-xlsx-") as folder:
        path = Path(folder) / "results.xlsx"
        export = await asyncio.to_thread(XlsxExport, layout, state.manifest.created_at)
        async for batch in rows:
            await asyncio.to_thread(export.rows, batch)
        await asyncio.to_thread(export.save, path)
        with path.open("rb") as handle:
            while chunk := await asyncio.to_thread(handle.read, FILE_CHUNK):
                yield chunk
