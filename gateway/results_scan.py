"""A filtered, sorted page of a session's result rows, read in a pass over its chunks.

A page with filters must look at every stored row, so rows are read as plain JSON and
only the cells the filter and the sort need are looked at; the few rows that make the page
are then decoded as `ResultRow`s and their duplicates filled by `shared.results`, as every
other page is. A duplicate is judged on its first occurrence's findings (its website and
confidence), which always come earlier in input order: a first quick pass finds which rows
duplicates repeat, so the main pass keeps just those rows' cells at hand.
"""

from __future__ import annotations

import heapq
from collections.abc import AsyncIterator
from typing import Any

import orjson

from gateway.results_query import FACT_COLUMNS, Facts, ResultsQuery
from gateway.review.decision import ReviewDecision, decided, with_decisions
from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import Plan
from shared.results import fill_duplicates, first_occurrences
from shared.retry import chunk_rounds
from shared.rows import ResultRow, RowStatus
from shared.storage.protocol import ObjectStore
from shared.storage.read_ahead import read_ahead

# A match waiting for the page: its sort key, its facts, its stored line.
_Match = tuple[tuple[Any, ...], bytes]

READ_AHEAD = 4


async def scan_page(
    store: ObjectStore,
    keys: SessionKeys,
    plan: Plan,
    query: ResultsQuery,
    offset: int,
    limit: int,
    decisions: dict[int, ReviewDecision] | None = None,
) -> tuple[int, list[ResultRow]]:
    """How many stored rows match `query`, and the page `[offset, offset + limit)` of them
    in the query's order. Only the best matches up to the page's end are kept (trimmed as
    they come), so memory follows the page's position, not the session's size."""
    keep = offset + limit
    in_input_order = query.sort == "row" and not query.descending
    # Retried chunks are read from the round that stored them last.
    rounds = await chunk_rounds(store, keys)
    targets = await _duplicate_targets(store, keys, plan.chunk_count, rounds)
    firsts: dict[int, Facts] = {}
    matched = 0
    kept: list[_Match] = []
    async for lines in _chunk_lines(store, keys, plan.chunk_count, rounds):
        for line in lines:
            cells = orjson.loads(line)
            if decisions and cells["row"] in decisions:
                # A reviewed row is filtered and sorted as the decision leaves it.
                line = _decided_line(line, decisions[cells["row"]])
                cells = orjson.loads(line)
            facts = _facts(cells, firsts, targets)
            if not query.matches(facts):
                continue
            matched += 1
            if not in_input_order or len(kept) < keep:
                kept.append((query.sort_key(facts), line))
        if len(kept) > 2 * keep:
            kept = _best(query, kept, keep)
    page = [ResultRow.model_validate_json(line) for _, line in _best(query, kept, keep)[offset:]]
    firsts_of_page = await first_occurrences(store, keys, plan.chunk_size, page, rounds)
    filled = fill_duplicates(page, firsts_of_page)
    return matched, with_decisions(filled, decisions or {})


async def _duplicate_targets(
    store: ObjectStore, keys: SessionKeys, chunk_count: int, rounds: dict[int, int]
) -> set[int]:
    """The rows some duplicate repeats, so the scan keeps only those rows' facts. Only the
    lines of duplicates are parsed (the status is written as the exact bytes below)."""
    targets: set[int] = set()
    async for lines in _chunk_lines(store, keys, chunk_count, rounds):
        for line in lines:
            if _DUPLICATE in line:
                first = orjson.loads(line).get("duplicate_of")
                if first is not None:
                    targets.add(first)
    return targets


_DUPLICATE = b'"Row_Status":"duplicate"'


def _decided_line(line: bytes, decision: ReviewDecision) -> bytes:
    row = decided(ResultRow.model_validate_json(line), decision)
    return orjson.dumps(row.model_dump(mode="json", by_alias=True))


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


def _chunk_lines(
    store: ObjectStore, keys: SessionKeys, chunk_count: int, rounds: dict[int, int]
) -> AsyncIterator[list[bytes]]:
    """Each stored chunk's result lines in chunk order, from the latest retry round that
    stored it, reading a few chunks ahead; a chunk not stored yet (the session runs) has
    none."""

    async def read(chunk: int) -> list[bytes]:
        version = keys.in_round(rounds.get(chunk, 0)) if rounds else keys
        try:
            data = await store.get_bytes(version.chunk_results(chunk))
        except NotFound:
            return []
        return [line for line in data.splitlines() if line.strip()]

    return read_ahead((read(chunk) for chunk in range(chunk_count)), READ_AHEAD)
