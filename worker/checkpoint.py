"""A chunk's objects in storage: its input, and its results, logs and summary.

A chunk's results are written once, after the chunk is done, under deterministic keys:
results, then logs, then the summary LAST. The summary's presence means the chunk is
stored, so a redelivered chunk whose summary exists is skipped, and one whose worker died
before the summary is simply redone (overwriting the same keys, never adding rows).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from datetime import datetime

import orjson
import structlog

from shared.errors import NotFound
from shared.export_layout import ExportLayout
from shared.layout import SessionKeys
from shared.models import ChunkSummary, Counters, HubSpotCreated
from shared.rows import PlannedRow, ResultRow, RowStatus
from shared.storage.protocol import ObjectStore
from shared.stored_rows import StoredRow
from shared.usage import Usage
from worker.chunk_exports import RowRenderer, attempt_of, layout_tag, pack

log = structlog.get_logger()

_STATUS_COUNTER = {
    RowStatus.FAILED: "failed",
    RowStatus.DUPLICATE: "duplicates",
    RowStatus.DEAD_URL: "dead_links",
    RowStatus.NOT_FOUND: "not_found",
    RowStatus.BLOCKED_URL: "blocked",
    RowStatus.NEEDS_REVIEW: "needs_review",
}


def count_rows(results: Iterable[ResultRow]) -> Counters:
    values = dict.fromkeys(Counters.model_fields, 0)
    for row in results:
        values["total"] += 1
        if row.row_status is RowStatus.CANCELLED:
            continue
        values["done"] += 1
        extra = _STATUS_COUNTER.get(row.row_status)
        if extra:
            values[extra] += 1
        if row.cached_at and row.row_status is not RowStatus.DUPLICATE:
            values["cached"] += 1
    return Counters(**values)


def add_row(counters: Counters, row: ResultRow) -> Counters:
    """`counters` with one more finished row, as `count_rows` counts it, but no `total`.

    Called for every row as it finishes: a copy with the changed fields, not three
    validated models (the sum of two counters and the row's own)."""
    if row.row_status is RowStatus.CANCELLED:
        return counters
    update = {"done": counters.done + 1}
    extra = _STATUS_COUNTER.get(row.row_status)
    if extra:
        update[extra] = getattr(counters, extra) + 1
    if row.cached_at and row.row_status is not RowStatus.DUPLICATE:
        update["cached"] = counters.cached + 1
    return counters.model_copy(update=update)


def encode_results(results: Iterable[ResultRow]) -> bytes:
    return b"".join(
        orjson.dumps(row.model_dump(mode="json", by_alias=True)) + b"\n" for row in results
    )


async def session_deleted(store: ObjectStore, keys: SessionKeys) -> bool:
    """The session was deleted (a cancelled one, while its chunks drained): nothing more
    may be written under its prefix, or the objects would outlive it with no owner."""
    return not await store.exists(keys.manifest)


async def write_chunk(
    store: ObjectStore,
    keys: SessionKeys,
    chunk: int,
    results: list[ResultRow],
    log_lines: bytes,
    *,
    started_at: datetime,
    finished_at: datetime,
    cancelled: bool = False,
    dead_letter_reason: str | None = None,
    usage: Usage | None = None,
    layout: ExportLayout | None = None,
) -> ChunkSummary:
    """`layout`: the session's, when known; then the chunk's rows are also stored rendered
    for the final files (worker/chunk_exports.py)."""
    results = sorted(results, key=lambda r: r.row)
    lines = encode_results(results)
    await store.put_bytes(keys.chunk_results(chunk), lines, "application/jsonl")
    rendering = None
    if layout is not None:
        # About 40 us a row: on a thread, so rows in flight are not held up meanwhile.
        attempt = attempt_of(started_at)
        rendering = await asyncio.to_thread(rendered_chunk, lines, results, layout, attempt)
    if rendering is not None:
        await store.put_bytes(keys.chunk_exports(chunk), rendering, "application/octet-stream")
    await store.put_bytes(keys.chunk_logs(chunk), log_lines, "application/jsonl")
    summary = ChunkSummary(
        chunk=chunk,
        counters=count_rows(results),
        started_at=started_at,
        finished_at=finished_at,
        cancelled=cancelled,
        dead_letter_reason=dead_letter_reason,
        usage=usage or Usage(),
    )
    await store.put_model(keys.chunk_done(chunk), summary)
    return summary


def rendered_chunk(
    lines: bytes, results: list[ResultRow], layout: ExportLayout | None, attempt: str
) -> bytes | None:
    """The chunk's rows rendered for the final files, as stored; None when finalization
    is to read its rows instead: no layout, a layout not rendered ahead, duplicate rows
    (filled from another row at the end), or a row a file cannot hold (finalization then
    fails on it, as it would have)."""
    tag = None if layout is None else layout_tag(layout)
    if layout is None or tag is None:
        return None
    if any(row.row_status is RowStatus.DUPLICATE for row in results):
        return None
    # Rendered from the stored lines, as finalization would read them back: the same
    # bytes whichever of the two renders a chunk.
    rows = [StoredRow.of_line(line) for line in lines.splitlines() if line.strip()]
    try:
        return pack(RowRenderer(layout).render(rows), tag, attempt)
    except Exception as exc:
        log.warning("chunk.not_rendered", error=repr(exc))
        return None


def unenriched_row(row: PlannedRow, status: RowStatus, error: str = "") -> ResultRow:
    """A result for a row that was not enriched (cancelled, duplicate or failed)."""
    return ResultRow(
        row=row.row,
        original=row.original,
        company_name=row.name,
        official_website=row.website or "",
        row_status=status,
        error=error,
        duplicate_of=row.duplicate_of,
    )


class StoredLedger:
    """The chunk's HubSpot ledger in storage (`chunks/hubspot/<n>.json`); its only writer is
    the worker holding the chunk, which rewrites it whole after each batch create."""

    def __init__(self, store: ObjectStore, keys: SessionKeys, chunk: int) -> None:
        self._store = store
        self._key = keys.chunk_hubspot_created(chunk)
        self._created: dict[str, str] = {}
        self._loaded = False

    async def read(self) -> dict[str, str]:
        try:
            stored = await self._store.get_model(self._key, HubSpotCreated)
        except NotFound:
            stored = HubSpotCreated()
        self._created = stored.companies | self._created
        self._loaded = True
        return dict(self._created)

    async def record(self, created: dict[str, str]) -> None:
        if not self._loaded:
            await self.read()  # the object is rewritten whole: keep what is there
        self._created |= created
        await self._store.put_model(self._key, HubSpotCreated(companies=self._created))
