"""The status events of a session, as a notifier subscribed to every session receives them
from in-process workers on the in-memory broker."""

from __future__ import annotations

import pytest

from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import ChunkProgress, RowsFinished, SessionStatusChanged
from shared.models import ChunkSummary
from tests.worker.engine import Event, MemoryEngine
from tests.worker.sessions import make_rows

pytestmark = pytest.mark.unit


def progress_of(events: list[Event]) -> list[ChunkProgress]:
    return [e for e in events if isinstance(e, ChunkProgress)]


def rows_of(events: list[Event]) -> list[list[int]]:
    return [[row["row"] for row in e.rows] for e in events if isinstance(e, RowsFinished)]


async def completed(twin: MemoryEngine, keys: SessionKeys) -> list[Event]:
    await twin.final(keys)

    def last_is_final() -> bool:
        events = twin.session_events(keys)
        return bool(events) and isinstance(events[-1], SessionStatusChanged)

    await twin.wait(last_is_final, "the final status event")
    return twin.session_events(keys)


async def test_a_session_emits_running_cumulative_progress_rows_and_completed(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(2, chunk_size=20)
    keys = await twin.start(make_rows(100, lambda n: f"https://site{n % 90}.com"))

    events = await completed(twin, keys)

    statuses = [e for e in events if isinstance(e, SessionStatusChanged)]
    assert [e.status for e in statuses] == [SessionStatus.RUNNING, SessionStatus.COMPLETED]
    assert (statuses[0].total_rows, statuses[0].chunk_count) == (100, 5)
    latest = {e.chunk: e for e in progress_of(events)}
    assert sorted(latest) == list(range(5))
    assert all(e.finished for e in latest.values())
    assert sum(e.counters.done for e in latest.values()) == 100
    assert sum(e.counters.duplicates for e in latest.values()) == 10
    completed_at = events.index(statuses[1])
    assert all(events.index(e) < completed_at for e in progress_of(events) if e.finished)
    assert sorted(row for batch in rows_of(events) for row in batch) == list(range(100))
    assert statuses[1].counters is not None
    assert statuses[1].counters.done == 100


async def test_counters_are_cumulative_per_chunk_and_only_changes_are_published(
    twin: MemoryEngine,
) -> None:
    # No flush by the loop within the test: the test decides when progress goes out.
    (worker,) = await twin.start_workers(1, progress_interval_s=60)
    keys = await twin.seed(make_rows(10))
    twin.script.hold(keys.session_id, lambda row: row.row >= 5)
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: len(ledger.enriched) == 5, "rows 0 to 4 to finish")

    await worker.service.progress.flush()
    await worker.service.progress.flush()  # nothing changed since: nothing is sent
    twin.script.release()
    events = await completed(twin, keys)

    assert [(e.counters.done, e.finished) for e in progress_of(events)] == [(5, False), (10, True)]
    assert rows_of(events) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


async def test_rows_finished_within_an_interval_travel_as_batches_and_one_progress_event(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(
        1, chunk_size=150, chunk_prefetch=1, concurrency=32, progress_interval_s=60
    )
    keys = await twin.start(make_rows(300))

    events = await completed(twin, keys)

    progress = progress_of(events)
    assert [(e.chunk, e.counters.done, e.finished) for e in progress] == [
        (0, 150, True),
        (1, 150, True),
    ]
    assert [len(batch) for batch in rows_of(events)] == [100, 50, 100, 50]
    kinds = [e.kind for e in events]
    assert kinds == [
        "session.status",
        "rows.finished",
        "rows.finished",
        "chunk.progress",
        "rows.finished",
        "rows.finished",
        "chunk.progress",
        "session.status",
    ]


async def test_progress_carries_the_chunks_calls_so_far_then_those_it_stored(
    twin: MemoryEngine,
) -> None:
    (worker,) = await twin.start_workers(1, progress_interval_s=60)
    twin.script.fetches_per_row = 2
    keys = await twin.seed(make_rows(10))
    # Rows 5 to 9 have made their calls and wait; rows 0 to 4 are done.
    twin.script.hold(keys.session_id, lambda row: row.row >= 5)
    await twin.send_start(keys)
    ledger = twin.script.ledger(keys.session_id)
    await twin.wait(lambda: len(ledger.enriched) == 5, "rows 0 to 4 to finish")
    await twin.wait(lambda: len(ledger.waiting) == 5, "rows 5 to 9 to wait")

    await worker.service.progress.flush()
    twin.script.release()
    events = await completed(twin, keys)

    reports = progress_of(events)
    assert [(e.finished, e.usage and e.usage.fetches) for e in reports] == [
        (False, 20),
        (True, 20),
    ]
    stored = await twin.store.get_model(keys.chunk_done(0), ChunkSummary)
    assert reports[-1].usage == stored.usage


async def test_a_chunks_last_progress_carries_the_usage_it_stored(twin: MemoryEngine) -> None:
    await twin.start_workers(1, chunk_size=20)
    keys = await twin.start(make_rows(40, lambda n: f"https://site{n}.com"))

    events = await completed(twin, keys)

    last = {e.chunk: e for e in progress_of(events) if e.finished}
    assert sorted(last) == [0, 1]
    for chunk, event in last.items():
        stored = await twin.store.get_model(keys.chunk_done(chunk), ChunkSummary)
        assert event.usage == stored.usage
