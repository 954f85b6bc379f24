"""Graceful shutdown, and the status events a session emits."""

from __future__ import annotations

import asyncio
import signal

from shared.ids import new_session_id
from shared.lifecycle import SessionStatus
from shared.messages import ChunkProgress, RowsFinished, SessionStatusChanged, parse_event
from tests.slow_site import SlowSite
from tests.worker.conftest import Workers, slow_pipeline_env
from tests.worker.sessions import Engine, make_rows, wait_until


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


async def test_a_session_emits_running_cumulative_progress_rows_and_completed(
    engine: Engine, workers: Workers
) -> None:
    workers.start(1, DOSSIER_WORKER_CHUNK_SIZE="20")
    session_id = new_session_id()
    events: list[SessionStatusChanged | ChunkProgress | RowsFinished] = []

    async def collect(body: bytes, _routing_key: str) -> None:
        events.append(parse_event(body))

    await engine.broker.consume_events(collect, f"session.{session_id}.#")
    rows = make_rows(100, lambda n: f"https://site{n % 90}.com")
    keys = await engine.start(rows, session_id)
    await engine.final(keys, timeout=60)
    await wait_until(
        lambda: any(getattr(e, "status", None) is SessionStatus.COMPLETED for e in events),
        10,
        "the completed event",
    )

    statuses = [e for e in events if isinstance(e, SessionStatusChanged)]
    assert [e.status for e in statuses] == [SessionStatus.RUNNING, SessionStatus.COMPLETED]
    assert (statuses[0].total_rows, statuses[0].chunk_count) == (100, 5)
    progress = [e for e in events if isinstance(e, ChunkProgress)]
    latest = {e.chunk: e for e in progress}
    assert all(e.finished for e in latest.values())
    assert sum(e.counters.done for e in latest.values()) == 100
    assert sum(e.counters.duplicates for e in latest.values()) == 10
    assert len(progress) <= 3 * 5  # coalesced, not one per row
    completed_at = events.index(statuses[1])
    assert all(events.index(e) < completed_at for e in progress if e.finished)
    finished = [row["row"] for e in events if isinstance(e, RowsFinished) for row in e.rows]
    assert sorted(finished) == list(range(100))
    assert statuses[1].counters is not None
    assert statuses[1].counters.done == 100
