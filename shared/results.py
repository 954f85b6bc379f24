"""A session's result rows as stored: chunk objects read back, duplicates filled, merged.

Rows with the same domain are enriched once: the later ones are stored as `duplicate`
pointing at the first occurrence, which may sit in another chunk. Everything that shows
rows to a user (final outputs, result pages, downloads while running) fills them here.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Iterable

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.retry import chunk_rounds
from shared.rows import ResultRow, RowStatus
from shared.storage.protocol import ObjectStore


def decode_results(data: bytes) -> list[ResultRow]:
    return [ResultRow.model_validate_json(line) for line in data.splitlines() if line.strip()]


async def read_chunk_results(
    store: ObjectStore,
    keys: SessionKeys,
    chunk: int,
    *,
    missing_ok: bool = False,
    rounds: dict[int, int] | None = None,
) -> list[ResultRow]:
    """The chunk's stored rows, from the latest retry round in `rounds` that stored it;
    with `missing_ok`, none for a chunk not stored yet."""
    version = keys.in_round(rounds.get(chunk, 0)) if rounds else keys
    try:
        return decode_results(await store.get_bytes(version.chunk_results(chunk)))
    except NotFound:
        if missing_ok:
            return []
        raise


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


def _first_of(row: ResultRow) -> int | None:
    """The row a duplicate repeats; None for any other row."""
    return row.duplicate_of if row.row_status is RowStatus.DUPLICATE else None


def fill_duplicates(rows: Iterable[ResultRow], firsts: dict[int, ResultRow]) -> list[ResultRow]:
    filled = []
    for row in rows:
        first = _first_of(row)
        filled.append(row if first is None else fill_duplicate(row, firsts.get(first)))
    return filled


async def first_occurrences(
    store: ObjectStore,
    keys: SessionKeys,
    chunk_size: int,
    rows: list[ResultRow],
    rounds: dict[int, int] | None = None,
) -> dict[int, ResultRow]:
    """The first occurrences `rows` point at, read from whichever chunks hold them."""
    have = {row.row: row for row in rows}
    missing = {first for first in map(_first_of, rows) if first is not None} - have.keys()
    for chunk in sorted({row // chunk_size for row in missing}):
        for row in await read_chunk_results(store, keys, chunk, missing_ok=True, rounds=rounds):
            if row.row in missing:
                have[row.row] = row
    return have


async def merged_results(
    store: ObjectStore, keys: SessionKeys, chunk_count: int, *, missing_ok: bool = False
) -> AsyncIterator[list[ResultRow]]:
    """One batch per chunk, in chunk (so input) order, duplicates filled.

    A first pass collects which rows are referenced as first occurrences, so the second
    pass keeps only those in memory rather than every result of a large session. With
    `missing_ok` (a session still running), a chunk not stored yet is an empty batch.
    """
    # Retried chunks are read from the round that stored them last.
    rounds = await chunk_rounds(store, keys)
    targets: set[int] = set()
    async for results in _chunks_in_order(store, keys, chunk_count, missing_ok, rounds):
        targets.update(r.duplicate_of for r in results if r.duplicate_of is not None)
    firsts: dict[int, ResultRow] = {}
    async for results in _chunks_in_order(store, keys, chunk_count, missing_ok, rounds):
        firsts.update((row.row, row) for row in results if row.row in targets)
        yield fill_duplicates(results, firsts)


async def _chunks_in_order(
    store: ObjectStore,
    keys: SessionKeys,
    chunk_count: int,
    missing_ok: bool,
    rounds: dict[int, int],
    ahead: int = 4,
) -> AsyncIterator[list[ResultRow]]:
    """Each chunk's results in chunk order, reading a few chunks ahead."""
    pending: deque[asyncio.Task[list[ResultRow]]] = deque()

    def read(chunk: int) -> asyncio.Task[list[ResultRow]]:
        return asyncio.create_task(
            read_chunk_results(store, keys, chunk, missing_ok=missing_ok, rounds=rounds)
        )

    try:
        for chunk in range(chunk_count):
            pending.append(read(chunk))
            if len(pending) > ahead:
                yield await pending.popleft()
        while pending:
            yield await pending.popleft()
    finally:
        for task in pending:
            task.cancel()
