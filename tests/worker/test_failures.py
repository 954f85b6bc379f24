"""Failures that must not sink a session, on RabbitMQ and worker processes: a chunk failing
on every delivery up to the quorum queue's limit, a killed worker."""

from __future__ import annotations

import signal

import pytest

from shared.lifecycle import SessionStatus
from shared.rows import RowStatus
from shared.topology import CHUNK_DELIVERY_LIMIT
from tests.slow_site import SlowSite
from tests.worker.conftest import TEST_PIPELINE, Workers, slow_pipeline_env
from tests.worker.sessions import Engine, make_rows, wait_until

pytestmark = pytest.mark.e2e


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
