"""The session's results in input order, duplicates filled from their first occurrence."""

from __future__ import annotations

from collections.abc import AsyncIterator

from shared.layout import SessionKeys
from shared.rows import ResultRow, RowStatus
from shared.storage import ObjectStore
from worker.checkpoint import read_chunk_results


def fill_duplicate(row: ResultRow, first: ResultRow | None) -> ResultRow:
    """The first occurrence's findings, with this row's own position, name and columns."""
    if first is None:
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
    for chunk in range(chunk_count):
        results = await read_chunk_results(store, keys, chunk)
        targets.update(r.duplicate_of for r in results if r.duplicate_of is not None)
    firsts: dict[int, ResultRow] = {}
    for chunk in range(chunk_count):
        batch = []
        for row in await read_chunk_results(store, keys, chunk):
            if row.row in targets:
                firsts[row.row] = row
            if row.row_status is RowStatus.DUPLICATE and row.duplicate_of is not None:
                row = fill_duplicate(row, firsts.get(row.duplicate_of))
            batch.append(row)
        yield batch
