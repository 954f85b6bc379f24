"""Graceful shutdown of a worker process: SIGTERM lets the chunks in flight finish, a
second one exits at once."""

from __future__ import annotations

import asyncio
import signal

import pytest

from shared.lifecycle import SessionStatus
from tests.slow_site import SlowSite
from tests.worker.conftest import Workers, slow_pipeline_env
from tests.worker.sessions import Engine, make_rows, wait_until

pytestmark = pytest.mark.e2e


async def test_sigterm_finishes_chunks_in_flight_then_exits_and_another_worker_completes(
    engine: Engine, workers: Workers, slow_site: SlowSite
) -> None:
    slow = {**slow_pipeline_env(slow_site), "DOSSIER_WORKER_CHUNK_SIZE": "20"}
    (first,) = workers.start(1, **slow, DOSSIER_WORKER_CONCURRENCY="8")
    keys = await engine.start(make_rows(200, lambda n: ""))
    await wait_until(lambda: '"row.started"' in first.log_text(), 30, "rows to start")

    first.signal(signal.SIGTERM)
    code = await asyncio.to_thread(first.process.wait, 30)

    assert code == 0
    assert '"worker.stopped"' in first.log_text()
    stored = await engine.store.list_objects(keys.chunk_done_prefix)
    assert 1 <= len(stored) < 10  # what it held was finished, the rest left for others
    assert not await engine.store.exists(keys.final_status)
    workers.start(1, **slow, DOSSIER_WORKER_CONCURRENCY="64")
    final = await engine.final(keys, timeout=60)
    assert final.status is SessionStatus.COMPLETED
    assert sorted(r.row for r in await engine.results(keys)) == list(range(200))


async def test_a_second_sigterm_exits_at_once(
    engine: Engine, workers: Workers, slow_site: SlowSite
) -> None:
    slow_site.delay = 5
    (worker,) = workers.start(1, **slow_pipeline_env(slow_site), DOSSIER_WORKER_CHUNK_SIZE="20")
    await engine.start(make_rows(40, lambda n: ""))
    await wait_until(lambda: '"row.started"' in worker.log_text(), 30, "rows to start")

    worker.signal(signal.SIGTERM)
    await wait_until(lambda: '"worker.stopping"' in worker.log_text(), 10, "the first signal")
    worker.signal(signal.SIGTERM)
    code = await asyncio.to_thread(worker.process.wait, 3)

    assert code == 1
