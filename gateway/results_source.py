"""Result rows of a session, read from the chunk result objects in input order.

Chunk `i` holds rows `[i * chunk_size, (i + 1) * chunk_size)`, so a page only reads the
chunks it covers (and those holding the first occurrences of its duplicates); while the
session runs, chunks not written yet are simply absent.

A session's plan is written once (a conditional write: of planners racing, one stores
it) under an id no other session ever has, and never replaced, so what a page needs of it
(its row and chunk counts, not the chunk inputs' sizes: 35 KB at a million rows) is held
by the app once read (`HeldPlans`), and each later page of the session makes one request fewer.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import Plan
from shared.results import fill_duplicates, first_occurrences, merged_results, read_chunk_results
from shared.retry import chunk_rounds
from shared.rows import ResultRow
from shared.storage.protocol import ObjectStore


class HeldPlans:
    """Plans read by one app, the most recently used last (`Services.plans`)."""

    def __init__(self, held: int = 2_000) -> None:  # a few hundred bytes each
        self._plans: OrderedDict[str, Plan] = OrderedDict()
        self._held = held

    async def read(self, store: ObjectStore, keys: SessionKeys) -> Plan | None:
        """The session's plan (None: not planned yet, or the session is gone), held once
        read; its `input_sizes` are left out (reading a chunk's input needs the stored
        plan)."""
        held = self._plans.get(keys.plan)
        if held is not None:
            self._plans.move_to_end(keys.plan)
            return held
        plan = await read_plan(store, keys)
        if plan is None:
            return None
        plan = plan.model_copy(update={"input_sizes": []})
        self._plans[keys.plan] = plan
        while len(self._plans) > self._held:
            self._plans.popitem(last=False)
        return plan

    def forget(self) -> None:
        """Hold no plan (benchmarks: every page reads it, as before plans were held)."""
        self._plans.clear()


async def read_plan(store: ObjectStore, keys: SessionKeys) -> Plan | None:
    """The session's stored plan; None: not planned yet, or the session is gone."""
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
