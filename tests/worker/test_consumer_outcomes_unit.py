"""How each outcome of a message is settled (ack, requeue with back-off, dead-letter), and
what the session looks like after: on in-process workers and the in-memory broker."""

from __future__ import annotations

import asyncio

import pytest

from shared.broker.memory_bus import Envelope
from shared.lifecycle import SessionStatus
from shared.messages import ChunkProgress, SessionStatusChanged
from shared.rows import RowStatus
from shared.topology import CHUNK_DELIVERY_LIMIT
from tests.sessions import seed_plan
from tests.worker.engine import MemoryEngine
from tests.worker.sessions import make_rows
from worker.dedupe import plan_rows

pytestmark = pytest.mark.unit


async def test_a_permanent_error_dead_letters_the_chunk_at_once_and_its_rows_fail(
    twin: MemoryEngine,
) -> None:
    twin.script.refused.add("Company 15")
    await twin.start_workers(1)
    keys = await twin.start(make_rows(30))

    final = await twin.final(keys)

    reason = "chunk dead-lettered after 1 deliveries: Permanent: look-up refused Company 15"
    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (30, 10)
    assert final.reason == f"1 chunk(s) failed: {reason}"
    results = await twin.results_by_row(keys)
    assert {results[n].error for n in range(10, 20)} == {reason}
    assert {results[n].row_status for n in range(10, 20)} == {RowStatus.FAILED}
    assert {results[n].row_status for n in (*range(10), *range(20, 30))} == {RowStatus.OK}
    assert len(twin.script.ledger(keys.session_id).preparations(1)) == 1
    await twin.wait(lambda: twin.session_events(keys)[-1].kind == "session.status", "completed")
    last = [e for e in twin.session_events(keys) if isinstance(e, ChunkProgress) and e.chunk == 1]
    assert (last[-1].finished, last[-1].counters.failed) == (True, 10)


async def test_an_unreadable_chunk_input_becomes_failed_rows_named_from_the_session_rows(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1)
    rows = make_rows(30)
    keys = await twin.seed(rows)
    # Planned by hand, as the planner would, but with chunk 1's input unreadable.
    planned = list(plan_rows(rows))
    for chunk in range(3):
        batch = planned[chunk * 10 : (chunk + 1) * 10]
        data = b"".join(p.model_dump_json().encode() + b"\n" for p in batch)
        await twin.store.put_bytes(keys.chunk_input(chunk), b"{not json\n" if chunk == 1 else data)
    await seed_plan(twin.store, keys, total=30, chunk_size=10)
    await twin.client.publish_chunk_tasks([await twin.planned_task(keys, n) for n in range(3)])

    final = await twin.final(keys)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (30, 10)
    results = await twin.results_by_row(keys)
    assert sorted(results) == list(range(30))
    for n in range(10, 20):
        assert results[n].row_status is RowStatus.FAILED
        assert results[n].error.startswith("chunk dead-lettered after 1 deliveries: Validation")
        assert results[n].company_name == f"Company {n}"
    assert {results[n].row_status for n in (*range(10), *range(20, 30))} == {RowStatus.OK}


async def test_a_chunk_failing_on_every_delivery_is_dead_lettered_with_its_cause_at_the_limit(
    twin: MemoryEngine,
) -> None:
    twin.script.unreachable["Company 15"] = None
    await twin.start_workers(1)
    keys = await twin.start(make_rows(30))

    final = await twin.final(keys)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (30, 10)
    deliveries = CHUNK_DELIVERY_LIMIT + 1
    assert len(twin.script.ledger(keys.session_id).preparations(1)) == deliveries
    results = await twin.results_by_row(keys)
    expected = (
        f"chunk dead-lettered after {deliveries} deliveries: "
        "ConnectionError: batch look-up unreachable"
    )
    assert {results[n].error for n in range(10, 20)} == {expected}
    assert {results[n].row_status for n in (*range(10), *range(20, 30))} == {RowStatus.OK}


async def test_a_passing_error_is_requeued_with_a_doubling_back_off_then_succeeds(
    twin: MemoryEngine,
) -> None:
    twin.script.unreachable["Company 15"] = 2
    await twin.start_workers(1, retry_backoff_s=0.05)
    keys = await twin.start(make_rows(30))

    final = await twin.final(keys)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (30, 0)
    first, second, third = twin.script.ledger(keys.session_id).preparations(1)
    # An asyncio sleep never ends early, beyond the clock's resolution.
    assert second - first >= 0.049
    assert third - second >= 0.099
    requeued = twin.logged("message.requeued", session_id=keys.session_id, chunk=1)
    assert [r["delivery"] for r in requeued] == [1, 2]
    assert set(twin.script.ledger(keys.session_id).enriched.values()) == {1}


async def test_a_storage_outage_while_a_chunk_runs_requeues_it_and_it_is_stored_once(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1, chunk_prefetch=1, retry_backoff_s=0.05)
    keys = await twin.seed(make_rows(20))
    twin.script.hold(keys.session_id, lambda row: row.row < 10)
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: len(ledger.waiting) == 8, "chunk 0's rows in flight")

    twin.memory_store.available = False
    twin.script.release()
    await twin.wait(lambda: twin.logged("message.requeued", chunk=0), "chunk 0 to be requeued")
    twin.memory_store.available = True
    final = await twin.final(keys)

    assert (final.status, final.counters.done) == (SessionStatus.COMPLETED, 20)
    requeued = twin.logged("message.requeued", chunk=0)
    assert requeued[0]["error"].startswith("Retryable: storage unreachable")
    assert sorted(r.row for r in await twin.results(keys)) == list(range(20))
    assert ledger.enriched[0] == 2  # redone from its input, not added to


async def test_a_storage_outage_outlasting_every_retry_uses_one_delivery_and_fails_no_row(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1, chunk_prefetch=1)
    keys = await twin.seed(make_rows(20))
    twin.script.hold(keys.session_id, lambda row: row.row < 10)
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: len(ledger.waiting) == 8, "chunk 0's rows in flight")

    twin.memory_store.available = False
    twin.script.release()
    await twin.wait(lambda: twin.logged("storage.waiting", chunk=0), "the wait for storage")
    # At this back-off all five retries would be spent within a few milliseconds.
    await asyncio.sleep(0.3)
    twin.memory_store.available = True
    final = await twin.final(keys)

    assert (final.status, final.counters.done, final.counters.failed) == (
        SessionStatus.COMPLETED,
        20,
        0,
    )
    assert [r["delivery"] for r in twin.logged("message.requeued", chunk=0)] == [1]
    assert twin.logged("message.given_up") == []
    assert sorted(r.row for r in await twin.results(keys)) == list(range(20))


async def test_a_broker_outage_mid_chunk_ends_with_every_row_stored_exactly_once(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(2, concurrency=4, chunk_prefetch=1)
    keys = await twin.seed(make_rows(60))
    twin.script.hold(keys.session_id, lambda row: True)
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: len(ledger.waiting) == 8, "two chunks in flight")

    twin.bus.interrupt()
    # Rows keep running while the broker is away; the acks of their chunks are lost.
    twin.script.release()
    await twin.wait(lambda: twin.has_done_chunks(keys, 2), "both chunks stored in the outage")
    twin.bus.restore()
    final = await twin.final(keys)

    assert (final.status, final.counters.done) == (SessionStatus.COMPLETED, 60)
    assert sorted(r.row for r in await twin.results(keys)) == list(range(60))
    assert set(ledger.enriched.values()) == {1}
    await twin.quiet()
    assert len(twin.logged("message.settle_failed")) == 2
    assert len(twin.logged("chunk.already_stored", session_id=keys.session_id)) == 2
    statuses = [e for e in twin.session_events(keys) if isinstance(e, SessionStatusChanged)]
    assert statuses[-1].status is SessionStatus.COMPLETED


async def test_unreadable_messages_are_given_up_without_stalling_their_queues(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1)
    topology = twin.bus.topology
    for queue in (topology.commands_queue, topology.chunks_queue):
        twin.bus.enqueue(queue, Envelope(b'{"kind": "chunk.task"}', twin.bus.new_id()))
    keys = await twin.start(make_rows(15))

    final = await twin.final(keys)
    await twin.quiet()

    assert (final.status, final.counters.done) == (SessionStatus.COMPLETED, 15)
    # The chunk's dead letter is unreadable too; it is dropped there, not retried.
    assert len(twin.logged("message.given_up")) == 3
    assert twin.logged("message.requeued") == []


async def test_a_start_failing_on_every_delivery_ends_its_session_failed_on_the_last_one(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1)
    keys = await twin.seed(make_rows(15))
    rows = await twin.store.get_bytes(keys.rows)
    await twin.store.put_bytes(keys.rows, rows + b"{not json\n")
    await twin.send_start(keys)

    final = await twin.final(keys)
    await twin.quiet()

    assert final.status is SessionStatus.FAILED
    assert final.reason is not None
    assert final.reason.startswith("planning failed: ValueError: unreadable row in rows.jsonl")
    assert final.counters.total == 15
    assert [r["delivery"] for r in twin.logged("message.requeued")] == [1, 2, 3, 4, 5]
    assert not await twin.store.exists(keys.plan)
