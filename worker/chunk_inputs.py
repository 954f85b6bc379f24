"""Where a chunk's planned rows are stored, and reading them.

A session's chunks are stored a group to an object (decision 16): the plan says how many
per object and each chunk's byte length, so a chunk reads only its own range. A session
planned before groups has no `input_sizes` in its plan and one object per chunk; a
retry round's chunk has its own object too (the round's rows of that chunk). The plan
never changes once stored, so a worker reads each session's plan once and keeps it.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import Plan
from shared.rows import PlannedRow
from shared.storage.protocol import ObjectStore

# Plans kept at once; a worker rarely holds chunks of more than a few sessions.
MAX_PLANS = 64


@dataclass(frozen=True, slots=True)
class InputSpan:
    """A chunk's input: `length` bytes of `key` from `start`; None: the whole object."""

    key: str
    start: int = 0
    length: int | None = None


def input_span(keys: SessionKeys, plan: Plan | None, chunk: int) -> InputSpan:
    """`plan`: the session's own (round 0); None or a plan without groups: an object per
    chunk. A retry round's chunk (`keys.round`) is always an object of its own."""
    if keys.round or plan is None or not plan.input_sizes:
        return InputSpan(keys.chunk_input(chunk))
    if chunk >= len(plan.input_sizes):
        raise ValueError(f"the plan gives no input for chunk {chunk}")
    group, first = divmod(chunk, plan.chunks_per_input)
    begin = chunk - first
    start = sum(plan.input_sizes[begin:chunk])
    return InputSpan(keys.chunk_input_group(group), start, plan.input_sizes[chunk])


async def read_span(store: ObjectStore, span: InputSpan) -> list[PlannedRow]:
    if span.length is None:
        data = await store.get_bytes(span.key)
    else:
        data = await store.get_range(span.key, span.start, span.length)
        if len(data) != span.length:
            raise ValueError(f"{span.key} ends before the chunk's {span.length} bytes")
    return [PlannedRow.model_validate_json(line) for line in data.splitlines() if line.strip()]


class ChunkInputs:
    """Reads chunks' planned rows, each session's plan read once."""

    def __init__(self, store: ObjectStore, max_plans: int = MAX_PLANS) -> None:
        self._store = store
        self._max = max_plans
        self._plans: OrderedDict[tuple[str, str], asyncio.Future[Plan | None]] = OrderedDict()

    async def rows(self, keys: SessionKeys, chunk: int) -> list[PlannedRow]:
        plan = None if keys.round else await self.plan(keys)
        return await read_span(self._store, input_span(keys, plan, chunk))

    async def plan(self, keys: SessionKeys) -> Plan | None:
        """The session's own plan; None if it has none (then chunks are read, or not
        found, at their own objects). Chunks that start together share one read."""
        key = (keys.tenant, keys.session_id)
        found = self._plans.get(key)
        if found is None:
            found = asyncio.ensure_future(self._read(keys.session))
            self._plans[key] = found
            while len(self._plans) > self._max:
                self._plans.popitem(last=False)
        else:
            self._plans.move_to_end(key)
        try:
            plan = await asyncio.shield(found)
        except Exception:
            self._drop(key, found)  # a failed read is tried again by the next chunk
            raise
        if plan is None:
            self._drop(key, found)  # not planned yet: not kept, a later chunk asks again
        return plan

    def forget(self, keys: SessionKeys) -> None:
        self._plans.pop((keys.tenant, keys.session_id), None)

    def _drop(self, key: tuple[str, str], found: asyncio.Future[Plan | None]) -> None:
        if self._plans.get(key) is found:
            del self._plans[key]

    async def _read(self, keys: SessionKeys) -> Plan | None:
        try:
            return await self._store.get_model(keys.plan, Plan)
        except NotFound:
            return None


async def read_chunk_rows(
    store: ObjectStore, keys: SessionKeys, chunk: int, plan: Plan | None
) -> list[PlannedRow]:
    """One chunk's rows, with the session's plan at hand (round 0's)."""
    return await read_span(store, input_span(keys, None if keys.round else plan, chunk))
