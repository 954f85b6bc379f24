"""Running chunks on in-process workers: rows once each, failures kept to their row,
cancel and deletion honoured while rows are in flight."""

from __future__ import annotations

import gc

import orjson
import pytest

from shared.lifecycle import SessionStatus
from shared.rows import RowStatus
from shared.storage.memory import MemoryStore
from tests.worker.engine import MemoryEngine, memory_engine
from tests.worker.sessions import make_rows

pytestmark = pytest.mark.unit


async def test_three_workers_sharing_a_session_store_every_row_exactly_once(
    twin: MemoryEngine,
) -> None:
    workers = await twin.start_workers(3, chunk_size=10, concurrency=4)
    # From row 19 on, every tenth row repeats a website of the chunk before its own.
    repeats = set(range(19, 300, 10))
    rows = make_rows(300, lambda n: f"https://company{n - 19 if n in repeats else n}.com/p{n}")
    keys = await twin.start(rows)

    final = await twin.final(keys)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.total, final.counters.done, final.counters.duplicates) == (300, 300, 29)
    results = await twin.results(keys)
    assert sorted(r.row for r in results) == list(range(300))
    ledger = twin.script.ledger(keys.session_id)
    assert sorted(ledger.enriched) == sorted(set(range(300)) - repeats)
    assert set(ledger.enriched.values()) == {1}
    by_worker = [{chunk for _, chunk in w.pipeline.chunks} for w in workers]
    assert all(by_worker), f"chunks per worker: {by_worker}"
    assert sorted(c for chunks in by_worker for c in chunks) == list(range(30))
    exported = orjson.loads(await twin.store.get_bytes(keys.final_results("json")))
    assert [item["Company"] for item in exported] == [f"Company {n}" for n in range(300)]
    assert exported[19]["Row_Status"] == RowStatus.DUPLICATE
    assert exported[19]["Official_Website"] == "https://company0.com/"
    assert exported[19]["Website"] == "https://company0.com/p19"  # its own column kept


async def test_a_chunk_delivered_again_after_it_was_stored_is_acked_without_work(
    twin: MemoryEngine,
) -> None:
    (worker,) = await twin.start_workers(1)
    keys = await twin.start(make_rows(30))
    await twin.final(keys)
    stored = await twin.objects(keys)
    opened = list(worker.pipeline.chunks)

    await twin.client.publish_chunk_tasks([await twin.planned_task(keys, 1)])
    await twin.quiet()

    assert twin.logged("chunk.already_stored", session_id=keys.session_id, chunk=1)
    assert worker.pipeline.chunks == opened
    assert await twin.objects(keys) == stored
    assert set(twin.script.ledger(keys.session_id).enriched.values()) == {1}


async def test_a_row_whose_stage_raises_fails_alone_and_the_chunk_goes_on(
    twin: MemoryEngine,
) -> None:
    twin.script.poison.add("Company 7")
    await twin.start_workers(1)
    keys = await twin.start(make_rows(20))

    final = await twin.final(keys)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (20, 1)
    results = await twin.results_by_row(keys)
    assert sorted(results) == list(range(20))
    assert results[7].row_status is RowStatus.FAILED
    assert results[7].error == "PoisonedRow: stage refused Company 7"
    assert {r.row_status for n, r in results.items() if n != 7} == {RowStatus.OK}
    # The batch step still ran over the chunk, the failed row included.
    assert {results[n].notes for n in range(10)} == {"written back"}
    errors_log = (await twin.store.get_bytes(keys.final_log("errors"))).decode()
    (failure,) = [line for line in errors_log.splitlines() if " row.failed " in line]
    assert " WARNING row.failed chunk=0 row=7 " in failure
    assert "error=PoisonedRow: stage refused Company 7" in failure


async def test_a_row_slower_than_the_row_timeout_fails_with_the_timeout(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1, row_timeout_s=0.05)
    keys = await twin.seed(make_rows(6))
    twin.script.hold(keys.session_id, lambda row: row.row in (1, 4))
    await twin.send_start(keys)

    final = await twin.final(keys)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (6, 2)
    results = await twin.results_by_row(keys)
    assert {n for n, r in results.items() if r.error == "timed out after 0.05 s"} == {1, 4}
    assert {r.row_status for n, r in results.items() if n not in (1, 4)} == {RowStatus.OK}


async def test_a_failing_write_back_keeps_the_enriched_rows(twin: MemoryEngine) -> None:
    twin.script.write_back_fails.add("Company 3")
    await twin.start_workers(1)
    keys = await twin.start(make_rows(20))

    final = await twin.final(keys)

    assert (final.status, final.counters.done, final.counters.failed) == (
        SessionStatus.COMPLETED,
        20,
        0,
    )
    results = await twin.results_by_row(keys)
    assert {results[n].notes for n in range(10)} == {""}
    assert {results[n].notes for n in range(10, 20)} == {"written back"}
    assert twin.logged("chunk.finish_failed", chunk=0)


async def test_a_duplicate_of_a_row_in_an_earlier_stored_chunk_is_filled_when_stored(
    twin: MemoryEngine,
) -> None:
    # One chunk at a time, so chunk 0 is stored before chunk 1 runs.
    await twin.start_workers(1, chunk_size=5, chunk_prefetch=1)
    keys = await twin.start(make_rows(10, lambda n: f"https://company{2 if n == 7 else n}.com/"))

    final = await twin.final(keys)

    assert final.counters.duplicates == 1
    # The chunk's own stored rows (what live pages and events show), not the final merge.
    stored = await twin.results_by_row(keys)
    duplicate = stored[7]
    assert duplicate.row_status is RowStatus.DUPLICATE
    assert duplicate.duplicate_of == 2
    assert duplicate.official_website == stored[2].official_website == "https://company2.com/"
    assert duplicate.company_name == "Company 7"
    assert duplicate.notes.startswith("duplicate of row 3")
    assert 7 not in twin.script.ledger(keys.session_id).enriched


async def test_a_cancel_message_stops_rows_in_flight_on_every_worker_and_keeps_finished_rows(
    twin: MemoryEngine, caplog: pytest.LogCaptureFixture
) -> None:
    # The marker is not polled during the test: only the control message can stop rows.
    workers = await twin.start_workers(2, concurrency=4, chunk_prefetch=1, cancel_poll_s=60)
    keys = await twin.seed(make_rows(40))
    twin.script.hold(keys.session_id, lambda row: row.row % 2 == 1)
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    # Each worker holds one chunk whose four row slots are all taken by held rows.
    await twin.wait(lambda: len(ledger.waiting) == 8, "eight rows in flight")
    in_flight = set(ledger.waiting)
    started = set(ledger.started)

    await twin.cancel(keys)
    final = await twin.final(keys, timeout=1)
    other = await twin.start(make_rows(15))
    other_final = await twin.final(other)

    assert final.status is SessionStatus.CANCELLED
    assert ledger.stopped == in_flight
    assert set(ledger.started) == started  # no row started after the cancel
    assert {chunk for w in workers for _, chunk in w.pipeline.chunks} == {0, 1}
    results = await twin.results_by_row(keys)
    assert sorted(results) == list(range(40))
    finished = {n for n, r in results.items() if r.row_status is RowStatus.OK}
    assert finished == started - in_flight
    assert {r.row_status for n, r in results.items() if n not in finished} == {RowStatus.CANCELLED}
    assert final.counters.done == len(finished) == 8  # rows 0, 2, 4, 6 of chunks 0 and 1
    assert (other_final.status, other_final.counters.done) == (SessionStatus.COMPLETED, 15)
    gc.collect()  # an unretrieved exception of a future is reported when it is collected
    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []


async def test_the_cancel_marker_alone_stops_a_worker_that_missed_the_message(
    twin: MemoryEngine,
) -> None:
    (worker,) = await twin.start_workers(1, concurrency=2, chunk_prefetch=1, cancel_poll_s=0.01)
    keys = await twin.seed(make_rows(12, lambda n: f"https://company{n}.com"))
    twin.script.hold(keys.session_id, lambda row: row.row in (2, 3))
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: ledger.waiting == {2, 3}, "rows 2 and 3 in flight")

    await twin.cancel(keys, message=False)
    final = await twin.final(keys)

    assert final.status is SessionStatus.CANCELLED
    assert ledger.stopped == {2, 3}
    # Chunks not started when the marker appeared are cancelled without being opened.
    assert worker.pipeline.chunks == [(keys.session_id, 0)]
    results = await twin.results_by_row(keys)
    assert {n for n, r in results.items() if r.row_status is RowStatus.OK} == {0, 1}
    assert {r.row_status for n, r in results.items() if n >= 2} == {RowStatus.CANCELLED}
    assert final.counters.done == 2


async def test_a_session_deleted_while_its_chunks_run_gets_nothing_written_after(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1, chunk_size=5, concurrency=5)
    keys = await twin.seed(make_rows(10))
    twin.script.hold(keys.session_id, lambda row: True)
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: len(ledger.waiting) == 5, "the first chunk's rows in flight")

    # What the gateway's DELETE of a (cancelled) session does: the manifest, then the rest.
    await twin.store.delete(keys.manifest)
    await twin.store.delete_prefix(keys.prefix)
    twin.script.release()
    await twin.quiet()

    assert len(twin.logged("chunk.session_deleted", session_id=keys.session_id)) == 2
    assert await twin.objects(keys) == {}
    assert twin.bus.depth(twin.bus.topology.dead_chunks_queue) == 0


class DeletedAtFirstResult(MemoryStore):
    """Deletes the session as the gateway does (manifest first, then the rest) just before
    the first chunk results are written: after the worker's check, before its writes."""

    def __init__(self) -> None:
        super().__init__()
        self.fired = False

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        if "/chunks/results/" in key and not self.fired:
            self.fired = True
            prefix = key.split("chunks/results/")[0]
            await self.delete(prefix + "manifest.json")
            await self.delete_prefix(prefix)
        await super().put_bytes(key, data, content_type)


async def test_a_session_deleted_just_before_a_chunk_is_written_keeps_nothing_of_it() -> None:
    store = DeletedAtFirstResult()
    async with memory_engine(store) as twin:
        await twin.start_workers(1, chunk_size=5)
        # Two chunks: the one written first cannot rely on the finalizer to clean up.
        keys = await twin.seed(make_rows(10))
        await twin.send_start(keys)
        await twin.wait(lambda: store.fired, "the chunk's first write")
        await twin.wait(
            lambda: twin.logged("session.deleted_meanwhile", session_id=keys.session_id),
            "the worker noticing the deletion",
        )
        await twin.quiet()

        assert await twin.objects(keys) == {}
        assert twin.bus.depth(twin.bus.topology.dead_chunks_queue) == 0


async def test_a_cancel_message_stops_chunks_in_their_batch_step_within_a_second(
    twin: MemoryEngine,
) -> None:
    # The marker is not polled during the test: only the control message can stop them.
    workers = await twin.start_workers(2, chunk_prefetch=1, cancel_poll_s=60)
    keys = await twin.seed(make_rows(30))
    twin.script.hold_prepare(keys.session_id)
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: ledger.preparing == {0, 1}, "two chunks in their batch step")

    await twin.cancel(keys)
    final = await twin.final(keys, timeout=1)

    assert final.status is SessionStatus.CANCELLED
    assert ledger.prepare_stopped == {0, 1}
    assert ledger.started == []
    # Chunk 2 was taken after the cancel: cancelled without being opened.
    assert sorted(chunk for w in workers for _, chunk in w.pipeline.chunks) == [0, 1]
    results = await twin.results_by_row(keys)
    assert sorted(results) == list(range(30))
    assert {r.row_status for r in results.values()} == {RowStatus.CANCELLED}
    assert {r.notes for r in results.values()} == {""}, "no write-back after a stopped prepare"
    assert len(twin.logged("chunk.cancelled_while_preparing", session_id=keys.session_id)) == 2


async def test_the_cancel_marker_alone_stops_a_chunk_in_its_batch_step(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1, chunk_prefetch=1, cancel_poll_s=0.02)
    keys = await twin.seed(make_rows(10))
    twin.script.hold_prepare(keys.session_id)
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: ledger.preparing == {0}, "the chunk in its batch step")

    await twin.cancel(keys, message=False)
    final = await twin.final(keys, timeout=1)

    assert final.status is SessionStatus.CANCELLED
    assert ledger.prepare_stopped == {0}
    assert final.counters.done == 0
