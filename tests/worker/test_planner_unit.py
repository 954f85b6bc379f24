"""Planning on the in-memory twins: chunk inputs, the plan and one task per chunk; safe to
run twice; cancelled or unplannable sessions end instead of staying queued."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import ChunkTask, SessionStatusChanged, StartSession, parse_command
from shared.models import Plan
from shared.rows import InputRow, PlannedRow, RowStatus
from shared.storage.memory import MemoryStore
from tests.worker.engine import MemoryEngine
from tests.worker.sessions import make_rows
from worker.chunk_inputs import ChunkInputs
from worker.dedupe import plan_rows
from worker.finalizer import Finalizer
from worker.plan_stream import planned_batches, planned_chunks
from worker.planner import Planner

pytestmark = pytest.mark.unit


def planner(twin: MemoryEngine, chunk_size: int, chunks_per_input: int = 25) -> Planner:
    finalizer = Finalizer(twin.store, twin.client)
    return Planner(twin.store, twin.client, finalizer, chunk_size, chunks_per_input)


def start(keys: SessionKeys) -> StartSession:
    return StartSession(tenant=keys.tenant, session_id=keys.session_id)


def queued_tasks(twin: MemoryEngine) -> list[ChunkTask]:
    queue = twin.bus.queues[twin.bus.topology.chunks_queue]
    tasks = [parse_command(envelope.body) for envelope in queue.messages]
    assert all(isinstance(task, ChunkTask) for task in tasks)
    return [task for task in tasks if isinstance(task, ChunkTask)]


async def chunk_inputs(twin: MemoryEngine, keys: SessionKeys) -> dict[str, bytes]:
    return {k: v for k, v in (await twin.objects(keys)).items() if "/chunks/inputs/" in k}


def race_plan_claims(
    monkeypatch: pytest.MonkeyPatch, store: MemoryStore, racers: int
) -> list[bool]:
    """Every plan claim waits until `racers` planners have written their chunks and reached
    theirs, so they all race on one missing plan; returns the claims' outcomes."""
    claim = store.put_if_absent
    arrived: list[None] = []
    all_in = asyncio.Event()
    outcomes: list[bool] = []

    async def racing(key: str, data: bytes, content_type: str = "application/json") -> bool:
        if not key.endswith("/plan.json"):  # other claims (finalization) are not raced
            return await claim(key, data, content_type)
        arrived.append(None)
        if len(arrived) >= racers:
            all_in.set()
        await asyncio.wait_for(all_in.wait(), 5)
        won = await claim(key, data, content_type)
        outcomes.append(won)
        return won

    monkeypatch.setattr(store, "put_if_absent", racing)
    return outcomes


async def pieces(data: bytes, size: int) -> AsyncIterator[bytes]:
    for begin in range(0, len(data), size):
        yield data[begin : begin + size]


async def test_batches_follow_the_stream_and_find_duplicates_across_batches() -> None:
    rows = make_rows(25, lambda n: f"https://www.site{n % 20}.com/x")
    data = b"".join(row.model_dump_json().encode() + b"\n" for row in rows)

    batches = [batch async for batch in planned_batches(pieces(data, 37), 10)]

    assert [len(batch) for batch in batches] == [10, 10, 5]
    planned = [row for batch in batches for row in batch]
    assert [row.row for row in planned] == list(range(25))
    assert [row.duplicate_of for row in planned[20:]] == [0, 1, 2, 3, 4]
    assert planned[3].domain == "site3.com"


async def test_planning_writes_chunks_and_the_plan_then_one_task_per_chunk_and_running(
    twin: MemoryEngine,
) -> None:
    keys = await twin.seed(make_rows(45, lambda n: f"https://site{n % 40}.com"))

    await planner(twin, chunk_size=20, chunks_per_input=2).plan(start(keys))

    plan = await twin.store.get_model(keys.plan, Plan)
    assert (plan.total_rows, plan.chunk_count, plan.chunk_size) == (45, 3, 20)
    inputs = await chunk_inputs(twin, keys)
    # Chunks 0 and 1 in one object, chunk 2 in the next; each chunk reads its own range.
    assert list(inputs) == [keys.chunk_input_group(0), keys.chunk_input_group(1)]
    assert (plan.chunks_per_input, len(plan.input_sizes)) == (2, 3)
    assert sum(plan.input_sizes) == sum(map(len, inputs.values()))
    reader = ChunkInputs(twin.store)
    by_chunk = [await reader.rows(keys, n) for n in range(3)]
    assert [[row.row for row in rows] for rows in by_chunk] == [
        list(range(20)),
        list(range(20, 40)),
        list(range(40, 45)),
    ]
    planned = [row for rows in by_chunk for row in rows]
    assert [row.duplicate_of for row in planned[40:]] == [0, 1, 2, 3, 4]
    tasks = queued_tasks(twin)
    assert [(t.chunk, t.chunk_count, t.row_start, t.row_end) for t in tasks] == [
        (0, 3, 0, 20),
        (1, 3, 20, 40),
        (2, 3, 40, 45),
    ]
    await twin.wait(lambda: twin.session_events(keys), "the running event")
    (running,) = twin.session_events(keys)
    assert isinstance(running, SessionStatusChanged)
    assert (running.status, running.total_rows, running.chunk_count) == (
        SessionStatus.RUNNING,
        45,
        3,
    )


async def test_a_start_delivered_twice_writes_the_same_chunks_and_publishes_once(
    twin: MemoryEngine,
) -> None:
    keys = await twin.seed(make_rows(45))
    planning = planner(twin, chunk_size=20)

    await planning.plan(start(keys))
    first = await chunk_inputs(twin, keys)
    await planning.plan(start(keys))

    assert await chunk_inputs(twin, keys) == first
    assert [task.chunk for task in queued_tasks(twin)] == [0, 1, 2]


async def test_a_redelivered_start_republishes_only_unstored_chunks_and_no_row_is_doubled(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1, chunk_prefetch=1, concurrency=4)
    keys = await twin.seed(make_rows(30))
    twin.script.hold(keys.session_id, lambda row: row.row >= 10)
    await twin.send_start(keys)
    await twin.wait(lambda: twin.has_done_chunks(keys, 1), "chunk 0 to be stored")
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: len(ledger.waiting) == 4, "chunk 1 in flight")
    inputs = await chunk_inputs(twin, keys)

    # As if the planner had died before its ack: its start comes back, redelivered.
    await planner(twin, chunk_size=10).plan(start(keys), redelivered=True)

    assert [task.chunk for task in queued_tasks(twin)] == [2, 1, 2]
    twin.script.release()
    final = await twin.final(keys)
    assert (final.status, final.counters.done) == (SessionStatus.COMPLETED, 30)
    assert sorted(r.row for r in await twin.results(keys)) == list(range(30))
    assert await chunk_inputs(twin, keys) == inputs
    assert ledger.enriched[0] == 1  # chunk 0 was not redone


async def test_a_start_redelivered_after_a_cancel_keeps_the_rows_already_finished(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1, chunk_prefetch=1, cancel_poll_s=60)
    keys = await twin.seed(make_rows(30))
    twin.script.hold(keys.session_id, lambda row: row.row >= 10)
    await twin.send_start(keys)
    await twin.wait(lambda: twin.has_done_chunks(keys, 1), "chunk 0 to be stored")
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: len(ledger.waiting) == 8, "chunk 1 in flight")
    await twin.cancel(keys, message=False)

    await planner(twin, chunk_size=10).plan(start(keys), redelivered=True)

    assert not await twin.store.exists(keys.final_status)
    twin.script.release()
    final = await twin.final(keys)
    assert final.status is SessionStatus.CANCELLED
    assert final.counters.done == 20  # chunk 0, and chunk 1 whose rows were in flight
    results = await twin.results_by_row(keys)
    assert {n for n, r in results.items() if r.row_status is RowStatus.OK} == set(range(20))


async def test_a_session_cancelled_before_planning_is_finalized_as_cancelled_without_a_plan(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1)
    keys = await twin.seed(make_rows(10))
    await twin.cancel(keys)
    await twin.send_start(keys)

    final = await twin.final(keys)

    assert final.status is SessionStatus.CANCELLED
    assert (final.counters.total, final.counters.done) == (10, 0)
    assert not await twin.store.exists(keys.plan)
    assert twin.script.ledger(keys.session_id).started == []


async def test_a_session_whose_rows_are_gone_ends_failed_with_the_reason(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1)
    keys = await twin.seed(make_rows(10))
    await twin.store.delete(keys.rows)
    await twin.send_start(keys)

    final = await twin.final(keys)
    await twin.quiet()

    assert final.status is SessionStatus.FAILED
    assert final.reason is not None
    assert final.reason.startswith("planning failed: NotFound: no object ")
    assert final.counters.total == 10
    assert not await twin.store.exists(keys.plan)
    await twin.wait(lambda: twin.session_events(keys), "the failed event")
    (failed,) = twin.session_events(keys)
    assert isinstance(failed, SessionStatusChanged)
    assert (failed.status, failed.reason) == (SessionStatus.FAILED, final.reason)


async def test_a_session_whose_manifest_is_unreadable_ends_failed_with_the_reason(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1)
    keys = await twin.seed(make_rows(10))
    await twin.store.put_bytes(keys.manifest, b'{"version": 1, "session_id": ')
    await twin.send_start(keys)

    final = await twin.final(keys)
    await twin.quiet()

    assert final.status is SessionStatus.FAILED
    assert final.reason is not None
    assert final.reason.startswith("planning failed: ValidationError: ")
    assert "SessionManifest" in final.reason
    assert not await twin.store.exists(keys.plan)
    assert final.finished_at <= datetime.now(UTC)


async def test_planners_racing_on_one_session_publish_one_set_of_chunk_tasks(
    twin: MemoryEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = await twin.seed(make_rows(45))
    claims = race_plan_claims(monkeypatch, twin.memory_store, racers=2)

    await asyncio.gather(*(planner(twin, 20).plan(start(keys)) for _ in range(2)))

    assert sorted(claims) == [False, True]
    assert [task.chunk for task in queued_tasks(twin)] == [0, 1, 2]
    assert len(twin.logged("plan.written")) == 1
    assert twin.logged("plan.skipped", why="planned by another worker")


async def test_a_redelivered_start_losing_the_plan_race_still_republishes_unstored_chunks(
    twin: MemoryEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = await twin.seed(make_rows(45))
    claims = race_plan_claims(monkeypatch, twin.memory_store, racers=2)

    # The first delivery's planner may die after its plan: the redelivered one covers it.
    await asyncio.gather(
        planner(twin, 20).plan(start(keys)), planner(twin, 20).plan(start(keys), redelivered=True)
    )

    assert sorted(claims) == [False, True]
    assert sorted(task.chunk for task in queued_tasks(twin)) == [0, 0, 1, 1, 2, 2]


async def test_two_workers_given_the_same_start_twice_run_every_chunk_once(
    twin: MemoryEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    workers = await twin.start_workers(2)
    claims = race_plan_claims(monkeypatch, twin.memory_store, racers=2)
    keys = await twin.seed(make_rows(45))

    await twin.send_start(keys)
    await twin.send_start(keys)
    final = await twin.final(keys)
    await twin.quiet()

    assert sorted(claims) == [False, True]
    assert (final.status, final.counters.done) == (SessionStatus.COMPLETED, 45)
    opened = sorted(chunk for worker in workers for _, chunk in worker.pipeline.chunks)
    assert opened == [0, 1, 2, 3, 4]
    assert set(twin.script.ledger(keys.session_id).enriched.values()) == {1}
    assert not twin.logged("chunk.already_stored", session_id=keys.session_id)


async def test_chunk_lines_are_what_the_models_write_and_odd_lines_go_through_the_model() -> None:
    rows = [
        InputRow(row=0, name="  Ｃａｐｃｏｍ Co., Ltd. ", website=" https://www.capcom.co.jp/x "),
        InputRow(row=1, name="Ромашка ООО", original={"Имя": "Ромашка", "A": ""}),
        InputRow(row=2, name="Acme", facts={"country": "France", "city": "Lyon"}),
        InputRow(row=3, name="ACME", website=None, facts={"country": "fr", "city": "LYON"}),
        InputRow(row=4, name="Capcom", website="capcom.co.jp"),
    ]
    data = b"".join(row.model_dump_json().encode() + b"\n" for row in rows)
    # Lax JSON the model accepts (a row number as text, no `original`) takes the model's way.
    data += b'{"row": "5", "name": "Acme", "website": null}\n\n'

    (chunk,) = [chunk async for chunk in planned_chunks(pieces(data, 7), 10)]

    expected = [row.model_dump_json().encode() for row in plan_rows(rows)]
    lines = chunk.splitlines()
    assert lines[:5] == expected
    sixth = PlannedRow.model_validate_json(lines[5])
    assert (sixth.row, sixth.name_key, sixth.duplicate_of, sixth.facts) == (5, "acme", None, {})
    assert [PlannedRow.model_validate_json(line).duplicate_of for line in lines[:5]] == [
        None, None, None, 2, 0
    ]  # fmt: skip


async def test_a_row_that_is_not_an_input_row_fails_the_plan_with_the_reason() -> None:
    data = b'{"row": 0, "name": "Acme", "colour": "red"}\n'

    with pytest.raises(ValueError, match=r"unreadable row in rows\.jsonl"):
        [chunk async for chunk in planned_chunks(pieces(data, 5), 10)]


async def test_a_row_left_as_it_is_keeps_its_bytes_with_the_planned_fields_added() -> None:
    # Spaced as no dump writes it: only a line carried over keeps the spaces.
    kept = b'{"row": 0, "name": "Acme", "website": "https://acme.com", "original": {}, "facts": {}}'
    trimmed = b'{"row": 1, "name": " Acme ", "website": null, "original": {}, "facts": {}}'

    (chunk,) = [c async for c in planned_chunks(pieces(kept + b"\n" + trimmed + b"\n", 9), 10)]

    first, second = chunk.splitlines()
    assert first == kept[:-1] + b',"name_key":"acme","domain":"acme.com","duplicate_of":null}'
    assert PlannedRow.model_validate_json(second).name == "Acme"  # written anew, trimmed
    assert not second.startswith(b'{"row": 1')
