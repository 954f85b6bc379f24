"""A session's result rows as stored: chunk objects read back, duplicates filled, merged.

Rows with the same domain are enriched once: the later ones are stored as `duplicate`
pointing at the first occurrence, which may sit in another chunk. Everything that shows
rows to a user (final outputs, result pages, downloads while running) fills them here.
"""

from __future__ import annotations

import heapq
from collections.abc import AsyncIterator, Collection, Iterable, Iterator

import orjson

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.retry import chunk_rounds
from shared.rows import ResultRow, RowStatus
from shared.storage.protocol import ObjectStore
from shared.storage.read_ahead import read_ahead
from shared.stored_rows import StoredRow, cancelled_first, filled_duplicate


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
    if first is None:
        return row
    if first.row_status is RowStatus.CANCELLED:
        # Nothing to fill it from; the row says which row it waits on, and why.
        return row if row.notes else row.model_copy(update={"notes": cancelled_first(first.row)})
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
    store: ObjectStore,
    keys: SessionKeys,
    chunk_count: int,
    *,
    missing_ok: bool = False,
    with_duplicates: Collection[int] | None = None,
) -> AsyncIterator[list[ResultRow]]:
    """`merged_stored_rows` as `ResultRow`s."""
    merged = merged_stored_rows(
        store, keys, chunk_count, missing_ok=missing_ok, with_duplicates=with_duplicates
    )
    async for batch in merged:
        yield [row.as_result() for row in batch]


async def merged_stored_rows(
    store: ObjectStore,
    keys: SessionKeys,
    chunk_count: int,
    *,
    missing_ok: bool = False,
    with_duplicates: Collection[int] | None = None,
) -> AsyncIterator[list[StoredRow]]:
    """One batch per chunk, in chunk (so input) order, duplicates filled.

    A first pass collects which rows are referenced as first occurrences and by which row
    last; the second pass keeps only those, and only until their last duplicate has
    passed. With `missing_ok` (a session still running), a chunk not stored yet is an
    empty batch. `with_duplicates`, when known (the chunks whose summary counts duplicate
    rows), limits the first pass to those chunks.
    """
    # Retried chunks are read from the round that stored them last.
    rounds = await chunk_rounds(store, keys)
    scanned = range(chunk_count) if with_duplicates is None else sorted(with_duplicates)
    filler = DuplicateFiller(await duplicate_uses(store, keys, scanned, missing_ok, rounds))
    async for data in chunks_in_order(store, keys, range(chunk_count), missing_ok, rounds):
        yield filler.fill(data)


async def duplicate_uses(
    store: ObjectStore,
    keys: SessionKeys,
    chunks: Iterable[int],
    missing_ok: bool,
    rounds: dict[int, int],
) -> dict[int, int]:
    """Each first occurrence that rows of `chunks` repeat, with the last row repeating it."""
    last_use: dict[int, int] = {}
    async for data in chunks_in_order(store, keys, chunks, missing_ok, rounds):
        for target, row in duplicate_targets(data):
            last_use[target] = max(row, last_use.get(target, row))
    return last_use


class DuplicateFiller:
    """Decodes chunks' stored results handed in chunk order and fills their duplicates,
    holding each first occurrence of `last_use` only until its last duplicate passed.
    Chunks without duplicates or first occurrences may be left out."""

    def __init__(self, last_use: dict[int, int]) -> None:
        self.last_use = last_use
        self._firsts: dict[int, StoredRow] = {}
        self._expiry: list[tuple[int, int]] = []  # (last duplicate, first occurrence), a heap

    def fill(self, data: bytes) -> list[StoredRow]:
        results = [StoredRow.of_line(line) for line in data.splitlines() if line.strip()]
        filled = []
        for result in results:
            if result.row in self.last_use:
                self._firsts[result.row] = result
                heapq.heappush(self._expiry, (self.last_use[result.row], result.row))
            first = result.duplicate_of if result.row_status == RowStatus.DUPLICATE else None
            filled.append(
                result if first is None else filled_duplicate(result, self._firsts.get(first))
            )
        expiry = self._expiry
        while results and expiry and expiry[0][0] <= results[-1].row:
            self._firsts.pop(heapq.heappop(expiry)[1], None)
        return filled


def duplicate_targets(data: bytes) -> Iterator[tuple[int, int]]:
    """(first occurrence, duplicate row) pairs of stored results, read without building
    the rows: the first pass over a large session needs only these two fields."""
    for line in data.splitlines():
        if line.strip() and b'"duplicate_of":null' not in line:
            fields = orjson.loads(line)
            if fields.get("duplicate_of") is not None:
                yield int(fields["duplicate_of"]), int(fields["row"])


async def raw_results(
    store: ObjectStore, keys: SessionKeys, chunk: int, missing_ok: bool, rounds: dict[int, int]
) -> bytes:
    version = keys.in_round(rounds.get(chunk, 0)) if rounds else keys
    try:
        return await store.get_bytes(version.chunk_results(chunk))
    except NotFound:
        if missing_ok:
            return b""
        raise


def chunks_in_order(
    store: ObjectStore,
    keys: SessionKeys,
    chunks: Iterable[int],
    missing_ok: bool,
    rounds: dict[int, int],
    ahead: int = 8,
) -> AsyncIterator[bytes]:
    """Each chunk's stored results (JSON lines) in chunk order, reading a few chunks ahead."""
    reads = (raw_results(store, keys, chunk, missing_ok, rounds) for chunk in chunks)
    return read_ahead(reads, ahead)
