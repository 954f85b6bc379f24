"""Result rows of a session, read from the chunk result objects in input order.

Chunk `i` holds rows `[i * chunk_size, (i + 1) * chunk_size)`, so a page only reads the
chunks it covers; while the session runs, chunks not written yet are simply absent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import Plan
from shared.rows import ResultRow
from shared.storage import ObjectStore


async def read_plan(store: ObjectStore, keys: SessionKeys) -> Plan | None:
    try:
        return await store.get_model(keys.plan, Plan)
    except NotFound:
        return None


async def chunk_rows(store: ObjectStore, key: str) -> list[ResultRow]:
    try:
        data = await store.get_bytes(key)
    except NotFound:
        return []
    return [ResultRow.model_validate_json(line) for line in data.splitlines() if line.strip()]


async def page_rows(
    store: ObjectStore, keys: SessionKeys, plan: Plan, offset: int, limit: int
) -> list[ResultRow]:
    first = offset // plan.chunk_size
    last = min((offset + limit - 1) // plan.chunk_size, plan.chunk_count - 1)
    rows: list[ResultRow] = []
    for chunk in range(first, last + 1):
        rows.extend(
            row
            for row in await chunk_rows(store, keys.chunk_results(chunk))
            if offset <= row.row < offset + limit
        )
    return sorted(rows, key=lambda row: row.row)


async def all_rows(store: ObjectStore, keys: SessionKeys) -> AsyncIterator[list[ResultRow]]:
    """Every stored result row, one chunk per batch, in chunk order."""
    for info in await store.list_objects(keys.chunk_results_prefix):
        rows = await chunk_rows(store, info.key)
        if rows:
            yield sorted(rows, key=lambda row: row.row)


def row_json(row: ResultRow) -> dict[str, Any]:
    """A result row as the API shows it: its position, every output column, its duplicate."""
    return {"row": row.row, **row.output_cells(), "duplicate_of": row.duplicate_of}
