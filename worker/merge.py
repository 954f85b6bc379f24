"""The session's results in input order, duplicates filled from their first occurrence."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator

from shared.layout import SessionKeys
from shared.rows import ResultRow, RowStatus
from shared.storage import ObjectStore
from worker.checkpoint import read_chunk_results


def fill_duplicate(row: ResultRow, first: ResultRow | None) -> ResultRow:
    """The first occurrence's findings, with this row's own position, name and columns."""
    if first is None or first.row_status is RowStatus.CANCELLED:
        return row
    note = f"duplicate of row {first.row + 1}"
    return first.model_copy(
        update={
            "row": row.row,
            "original": row.original,
            "company_name": row.company_name,
            "row_status": RowStatus.DUPLICATE,
            "duplicate_of": first.row,
            "notes": f"{note}; {first.notes}" if first.notes else note,
        }
    )


async def merged_results(
    store: ObjectStore, keys: SessionKeys, chunk_count: int
) -> AsyncIterator[list[ResultRow]]:
    """One batch per chunk, in chunk (so input) order.

    A first pass collects which rows are referenced as first occurrences, so the second
    pass keeps only those in memory rather than every result of a large session.
    """
    targets: set[int] = set()
    async for results in _chunks_in_order(store, keys, chunk_count):
        targets.update(r.duplicate_of for r in results if r.duplicate_of is not None)
    firsts: dict[int, ResultRow] = {}
    async for results in _chunks_in_order(store, keys, chunk_count):
        batch = []
        for row in results:
            if row.row in targets:
                firsts[row.row] = row
            if row.row_status is RowStatus.DUPLICATE and row.duplicate_of is not None:
                row = fill_duplicate(row, firsts.get(row.duplicate_of))
            batch.append(row)
        yield batch


async def _chunks_in_order(
    store: ObjectStore, keys: SessionKeys, chunk_count: int, ahead: int = 4
) -> AsyncIterator[list[ResultRow]]:
    """Each chunk's results in chunk order, reading a few chunks ahead."""
    pending: deque[asyncio.Task[list[ResultRow]]] = deque()
    try:
        for chunk in range(chunk_count):
            pending.append(asyncio.create_task(read_chunk_results(store, keys, chunk)))
            if len(pending) > ahead:
                yield await pending.popleft()
        while pending:
            yield await pending.popleft()
    finally:
        for task in pending:
            task.cancel()
