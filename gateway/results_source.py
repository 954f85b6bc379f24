"""Result rows of a session, read from the chunk result objects in input order.

Chunk `i` holds rows `[i * chunk_size, (i + 1) * chunk_size)`, so a page only reads the
chunks it covers (and those holding the first occurrences of its duplicates); while the
session runs, chunks not written yet are simply absent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import Plan
from shared.results import fill_duplicates, first_occurrences, merged_results, read_chunk_results
from shared.retry import chunk_rounds
from shared.rows import ResultRow
from shared.storage.protocol import ObjectStore


async def read_plan(store: ObjectStore, keys: SessionKeys) -> Plan | None:
    try:
        return await store.get_model(keys.plan, Plan)
    except NotFound:
        return None


async def page_rows(
    store: ObjectStore, keys: SessionKeys, plan: Plan, offset: int, limit: int
) -> list[ResultRow]:
    """Rows `[offset, offset + limit)` stored so far, duplicates filled wherever their
    first occurrence is."""
    first = offset // plan.chunk_size
    last = min((offset + limit - 1) // plan.chunk_size, plan.chunk_count - 1)
    rounds = await chunk_rounds(store, keys)
    rows: list[ResultRow] = []
    for chunk in range(first, last + 1):
        rows.extend(
            row
            for row in await read_chunk_results(store, keys, chunk, missing_ok=True, rounds=rounds)
            if offset <= row.row < offset + limit
        )
    rows.sort(key=lambda row: row.row)
    firsts = await first_occurrences(store, keys, plan.chunk_size, rows, rounds)
    return fill_duplicates(rows, firsts)


async def all_rows(store: ObjectStore, keys: SessionKeys) -> AsyncIterator[list[ResultRow]]:
    """Every row stored so far, one chunk per batch, in input order, duplicates filled."""
    plan = await read_plan(store, keys)
    if plan is None:
        return
    async for batch in merged_results(store, keys, plan.chunk_count, missing_ok=True):
        yield batch
