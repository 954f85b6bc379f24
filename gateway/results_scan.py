"""A filtered, sorted page of a session's result rows, read in a pass over its chunks.

A page with filters must look at every stored row, so rows are read as plain JSON and
only the cells the filter and the sort need are looked at; the few rows that make the page
are then decoded as `ResultRow`s and their duplicates filled by `shared.results`, as every
other page is. A duplicate is judged on its first occurrence's findings (its website and
confidence), which always come earlier in input order: a first quick pass finds which rows
duplicates repeat, so the main pass keeps just those rows' cells at hand.
"""

from __future__ import annotations

import asyncio
import heapq
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

import orjson

from gateway.results_query import FACT_COLUMNS, Facts, ResultsQuery
from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import Plan
from shared.results import fill_duplicates, first_occurrences
from shared.rows import ResultRow, RowStatus
from shared.storage.protocol import ObjectStore

# A match waiting for the page: its sort key, its facts, its stored line.
_Match = tuple[tuple[Any, ...], bytes]

READ_AHEAD = 4


async def scan_page(
    store: ObjectStore, keys: SessionKeys, plan: Plan, query: ResultsQuery, offset: int, limit: int
) -> tuple[int, list[ResultRow]]:
    """How many stored rows match `query`, and the page `[offset, offset + limit)` of them
    in the query's order. Only the best matches up to the page's end are kept (trimmed as
    they come), so memory follows the page's position, not the session's size."""
    keep = offset + limit
    in_input_order = query.sort == "row" and not query.descending
    targets = await _duplicate_targets(store, keys, plan.chunk_count)
    firsts: dict[int, Facts] = {}
    matched = 0
    kept: list[_Match] = []
    async for lines in _chunk_lines(store, keys, plan.chunk_count):
        for line in lines:
            facts = _facts(orjson.loads(line), firsts, targets)
            if not query.matches(facts):
                continue
            matched += 1
            if not in_input_order or len(kept) < keep:
                kept.append((query.sort_key(facts), line))
        if len(kept) > 2 * keep:
            kept = _best(query, kept, keep)
    page = [ResultRow.model_validate_json(line) for _, line in _best(query, kept, keep)[offset:]]
    filled = fill_duplicates(page, await first_occurrences(store, keys, plan.chunk_size, page))
    return matched, filled


async def _duplicate_targets(store: ObjectStore, keys: SessionKeys, chunk_count: int) -> set[int]:
    """The rows some duplicate repeats, so the scan keeps only those rows' facts. Only the
    lines of duplicates are parsed (the status is written as the exact bytes below)."""
    targets: set[int] = set()
    async for lines in _chunk_lines(store, keys, chunk_count):
        for line in lines:
            if _DUPLICATE in line:
                first = orjson.loads(line).get("duplicate_of")
                if first is not None:
                    targets.add(first)
    return targets


_DUPLICATE = b'"Row_Status":"duplicate"'


def _facts(cells: dict[str, Any], firsts: dict[int, Facts], targets: set[int]) -> Facts:
    """The cells the filter reads; a duplicate's are its first occurrence's findings with
    its own position and name (what `fill_duplicate` shows)."""
    own = {column: cells.get(column) for column in FACT_COLUMNS}
    own["row"] = cells["row"]
    first_row = cells.get("duplicate_of")
    if cells.get("Row_Status") != RowStatus.DUPLICATE or first_row is None:
        if own["row"] in targets:
            firsts[own["row"]] = own
        return own
    first = firsts.get(first_row)
    if first is None or first.get("Row_Status") == RowStatus.CANCELLED:
        return own
    name = own["Company_Name"]
    return {**first, "row": own["row"], "Company_Name": name, "Row_Status": "duplicate"}


def _best(query: ResultsQuery, matches: list[_Match], count: int) -> list[_Match]:
    pick = heapq.nlargest if query.descending else heapq.nsmallest
    return pick(count, matches, key=lambda match: match[0])


async def _chunk_lines(
    store: ObjectStore, keys: SessionKeys, chunk_count: int
) -> AsyncIterator[list[bytes]]:
    """Each stored chunk's result lines in chunk order, reading a few chunks ahead; a chunk
    not stored yet (the session runs) has none."""

    async def read(chunk: int) -> list[bytes]:
        try:
            data = await store.get_bytes(keys.chunk_results(chunk))
        except NotFound:
            return []
        return [line for line in data.splitlines() if line.strip()]

    pending: deque[asyncio.Task[list[bytes]]] = deque()
    try:
        for chunk in range(chunk_count):
            pending.append(asyncio.create_task(read(chunk)))
            if len(pending) > READ_AHEAD:
                yield await pending.popleft()
        while pending:
            yield await pending.popleft()
    finally:
        for task in pending:
            task.cancel()
