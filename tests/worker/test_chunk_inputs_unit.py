"""Chunk inputs stored a group to an object: each chunk, its redelivery and a retry round
read exactly their own rows, and sessions planned with an object per chunk still run."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import RetrySession, StartSession
from shared.models import FinalStatus, Plan
from shared.results import merged_results
from shared.retry import RetryRequest
from shared.rows import RowStatus
from shared.storage.memory import MemoryStore
from tests.worker.engine import MemoryEngine
from tests.worker.sessions import make_rows
from worker.chunk_inputs import ChunkInputs, InputSpan, input_span
from worker.dedupe import plan_rows
from worker.finalizer import Finalizer
from worker.planner import CHUNKS_PER_INPUT, Planner

pytestmark = pytest.mark.unit

ROWS = 10 * (CHUNKS_PER_INPUT + 2)  # 27 chunks of 10 rows: two groups, the last short


def grouped_plan(sizes: list[int], per_input: int) -> Plan:
    return Plan(
        session_id="0" * 32,
        total_rows=0,
        chunk_size=10,
        chunk_count=len(sizes),
        planned_at=datetime.now(UTC),
        chunks_per_input=per_input,
        input_sizes=sizes,
    )


def test_a_chunks_range_starts_after_the_chunks_before_it_in_its_own_group() -> None:
    keys = SessionKeys("t", "0" * 32)
    plan = grouped_plan([5, 7, 11, 13, 17], per_input=2)

    spans = [input_span(keys, plan, n) for n in range(5)]

    assert spans == [
        InputSpan(keys.chunk_input_group(0), 0, 5),
        InputSpan(keys.chunk_input_group(0), 5, 7),
        InputSpan(keys.chunk_input_group(1), 0, 11),
        InputSpan(keys.chunk_input_group(1), 11, 13),
        InputSpan(keys.chunk_input_group(2), 0, 17),
    ]
    # A retry round's chunk has its own object; a plan without groups, one per chunk.
    assert input_span(keys.in_round(1), plan, 3) == InputSpan(keys.in_round(1).chunk_input(3))
    assert input_span(keys, grouped_plan([], 1), 3) == InputSpan(keys.chunk_input(3))
    with pytest.raises(ValueError, match="chunk 5"):
        input_span(keys, plan, 5)


async def test_every_chunk_of_every_group_reads_its_rows_again_on_a_worker_with_nothing_kept(
    twin: MemoryEngine,
) -> None:
    keys = await twin.seed(make_rows(ROWS))
    finalizer = Finalizer(twin.store, twin.client)

    start = StartSession(tenant=keys.tenant, session_id=keys.session_id)
    await Planner(twin.store, twin.client, finalizer, chunk_size=10).plan(start)

    plan = await twin.store.get_model(keys.plan, Plan)
    objects = await twin.objects(keys)
    assert [k for k in objects if "/chunks/input" in k] == [
        keys.chunk_input_group(0),
        keys.chunk_input_group(1),
    ]
    expected = [list(range(n * 10, n * 10 + 10)) for n in range(plan.chunk_count)]
    for reader in (ChunkInputs(twin.store), ChunkInputs(twin.store)):  # a delivery, then again
        read = [[row.row for row in await reader.rows(keys, n)] for n in range(27)]
        assert read == expected


async def test_a_session_of_two_groups_runs_each_row_once_and_a_retry_round_only_its_failures(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(2, chunk_size=10)
    # Rows in chunk 0, in a chunk inside group 0, and in the short last group.
    twin.script.poison = {"Company 5", "Company 133", "Company 265"}
    keys = await twin.start(make_rows(ROWS))

    first = await twin.final(keys)

    assert (first.counters.done, first.counters.failed) == (ROWS, 3)
    results = await twin.results_by_row(keys)
    assert all(results[n].company_name == f"Company {n}" for n in range(ROWS))
    # A chunk delivered again once the session ended is skipped, not run on other rows.
    await twin.client.publish_chunk_tasks([await twin.planned_task(keys, 26)])
    await twin.quiet()

    twin.script.poison.clear()
    request = RetryRequest(round=1, statuses=["failed"], requested_at=datetime.now(UTC))
    assert await twin.store.put_model_if_absent(keys.retry_request(1), request)
    await twin.client.publish_start(
        RetrySession(tenant=keys.tenant, session_id=keys.session_id, round=1)
    )
    await twin.wait(lambda: round_final(twin.memory_store, keys), "round 1 to be finalized")

    final = await twin.store.get_model(keys.final_status, FinalStatus)
    assert (final.counters.done, final.counters.failed, final.retry_round) == (ROWS, 0, 1)
    ledger = twin.script.ledger(keys.session_id)
    # The poisoned rows failed before they were enriched: each row enriched once in all.
    assert all(ledger.enriched[n] == 1 for n in range(ROWS))
    after = {row.row: row async for batch in merged_results(twin.store, keys, 27) for row in batch}
    assert all(after[n].company_name == f"Company {n}" for n in range(ROWS))
    assert {(after[n].row_status, after[n].attempts) for n in (5, 133, 265)} == {(RowStatus.OK, 2)}


async def test_a_session_planned_with_an_object_per_chunk_still_runs_on_its_own_rows(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1)
    rows = make_rows(30)
    keys = await twin.seed(rows)
    planned = list(plan_rows(rows))
    for chunk in range(3):
        batch = planned[chunk * 10 : (chunk + 1) * 10]
        data = b"".join(p.model_dump_json().encode() + b"\n" for p in batch)
        await twin.store.put_bytes(keys.chunk_input(chunk), data)
    # The plan as such sessions stored it: without the groups' fields.
    old_plan = {
        "session_id": keys.session_id,
        "total_rows": 30,
        "chunk_size": 10,
        "chunk_count": 3,
        "planned_at": datetime.now(UTC).isoformat(),
    }
    await twin.store.put_bytes(keys.plan, orjson.dumps(old_plan), "application/json")
    await twin.client.publish_chunk_tasks([await twin.planned_task(keys, n) for n in range(3)])

    final = await twin.final(keys)

    assert (final.status, final.counters.done, final.counters.failed) == (
        SessionStatus.COMPLETED,
        30,
        0,
    )
    results = await twin.results_by_row(keys)
    assert [results[n].company_name for n in range(30)] == [f"Company {n}" for n in range(30)]


async def round_final(store: MemoryStore, keys: SessionKeys) -> bool:
    try:
        final = await store.get_model(keys.final_status, FinalStatus)
    except NotFound:
        return False
    return final.retry_round == 1
