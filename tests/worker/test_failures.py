"""Failures that must not sink a session: a poison row, a dead-lettered chunk, a killed
worker."""

from __future__ import annotations

import signal

from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import ChunkTask
from shared.rows import RowStatus
from shared.topology import CHUNK_DELIVERY_LIMIT
from tests.sessions import seed_plan
from tests.slow_site import SlowSite
from tests.worker.conftest import TEST_PIPELINE, Workers, slow_pipeline_env
from tests.worker.sessions import Engine, make_rows, wait_until
from worker.dedupe import plan_rows


async def test_a_row_whose_stage_raises_fails_alone_and_the_session_completes(
    engine: Engine, workers: Workers
) -> None:
    workers.start(
        1,
        DOSSIER_WORKER_PIPELINE=TEST_PIPELINE,
        DOSSIER_TEST_POISON_NAME="Company 7",
        DOSSIER_WORKER_CHUNK_SIZE="10",
    )
    keys = await engine.start(make_rows(40))

    final = await engine.final(keys, timeout=60)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (40, 1)
    results = await engine.results_by_row(keys)
    assert sorted(results) == list(range(40))
    assert results[7].row_status is RowStatus.FAILED
    assert results[7].error == "PoisonedRow: stage refused Company 7"
    assert all(r.row_status is RowStatus.OK for n, r in results.items() if n != 7)
    errors_log = (await engine.store.get_bytes(keys.final_log("errors"))).decode()
    assert "row.failed" in errors_log
    assert "row=7" in errors_log


async def test_a_row_slower_than_the_row_timeout_fails_with_the_timeout(
    engine: Engine, workers: Workers, slow_site: SlowSite
) -> None:
    slow_site.delay = 10
    workers.start(
        1,
        **slow_pipeline_env(slow_site),
        DOSSIER_WORKER_ROW_TIMEOUT_S="0.5",
    )
    keys = await engine.start(make_rows(5, lambda n: ""))

    final = await engine.final(keys, timeout=30)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (5, 5)
    results = await engine.results(keys)
    assert {r.error for r in results} == {"timed out after 0.5 s"}


async def test_a_dead_lettered_chunk_becomes_failed_rows_and_the_session_completes(
    engine: Engine, workers: Workers
) -> None:
    workers.start(1)
    rows = make_rows(30)
    keys = await engine.seed(rows)
    # Plan by hand, as the planner would, but with chunk 1's input unreadable.
    planned = list(plan_rows(rows))
    for chunk in range(3):
        batch = planned[chunk * 10 : (chunk + 1) * 10]
        data = b"".join(p.model_dump_json().encode() + b"\n" for p in batch)
        await engine.store.put_bytes(
            keys.chunk_input(chunk), b"{not json\n" if chunk == 1 else data
        )
    await seed_plan(engine.store, keys, total=30, chunk_size=10)
    await engine.broker.publish_chunk_tasks([_task(keys, n) for n in range(3)])

    final = await engine.final(keys, timeout=60)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (30, 10)
    assert final.reason is not None
    assert "dead-lettered" in final.reason
    results = await engine.results_by_row(keys)
    assert sorted(results) == list(range(30))
    for n in range(10, 20):
        assert results[n].row_status is RowStatus.FAILED
        assert results[n].error.startswith("chunk dead-lettered after 1 deliveries: ")
        assert results[n].company_name == f"Company {n}"
    assert {results[n].row_status for n in (*range(10), *range(20, 30))} == {RowStatus.OK}


async def test_a_chunk_failing_on_every_delivery_is_dead_lettered_with_its_error(
    engine: Engine, workers: Workers
) -> None:
    workers.start(
        1,
        DOSSIER_WORKER_PIPELINE=TEST_PIPELINE,
        DOSSIER_TEST_CRASH_NAME="Company 15",
        DOSSIER_WORKER_CHUNK_SIZE="10",
        DOSSIER_WORKER_RETRY_BACKOFF_S="0.05",
    )
    keys = await engine.start(make_rows(30))

    final = await engine.final(keys, timeout=60)

    assert final.status is SessionStatus.COMPLETED
    assert (final.counters.done, final.counters.failed) == (30, 10)
    results = await engine.results_by_row(keys)
    expected = (
        f"chunk dead-lettered after {CHUNK_DELIVERY_LIMIT + 1} deliveries: "
        "ConnectionError: batch look-up unreachable"
    )
    assert {results[n].error for n in range(10, 20)} == {expected}
    assert {results[n].row_status for n in (*range(10), *range(20, 30))} == {RowStatus.OK}


async def test_a_session_that_cannot_be_planned_ends_failed_with_the_reason(
    engine: Engine, workers: Workers
) -> None:
    workers.start(1)
    keys = await engine.seed(make_rows(10))
    await engine.store.delete(keys.rows)
    await engine.send_start(keys)

    final = await engine.final(keys, timeout=30)

    assert final.status is SessionStatus.FAILED
    assert final.reason is not None
    assert final.reason.startswith("planning failed: NotFound")
    assert final.counters.total == 10
    assert not await engine.store.exists(keys.plan)


def _task(keys: SessionKeys, chunk: int) -> ChunkTask:
    return ChunkTask(
        tenant=keys.tenant,
        session_id=keys.session_id,
        chunk=chunk,
        chunk_count=3,
        row_start=chunk * 10,
        row_end=(chunk + 1) * 10,
    )


async def test_a_killed_worker_loses_nothing_and_the_session_completes(
    engine: Engine, workers: Workers, slow_site: SlowSite
) -> None:
    victim, survivor = workers.start(
        2,
        **slow_pipeline_env(slow_site),
        DOSSIER_WORKER_CHUNK_SIZE="20",
        DOSSIER_WORKER_CONCURRENCY="16",
    )
    keys = await engine.start(make_rows(240, lambda n: ""))
    await wait_until(lambda: '"chunk.started"' in victim.log_text(), 30, "the victim to start")

    victim.signal(signal.SIGKILL)
    final = await engine.final(keys, timeout=90)

    assert victim.process.wait(5) == -signal.SIGKILL
    assert final.status is SessionStatus.COMPLETED
    assert final.counters.done == 240
    results = await engine.results(keys)
    assert sorted(r.row for r in results) == list(range(240))
    assert '"chunk.finished"' in survivor.log_text()
