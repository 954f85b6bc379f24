"""Live aggregation: stored summaries and cumulative progress merge without double counting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from notifier.live import LiveSession, rate_and_eta
from notifier.rate import RecentRate
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import ChunkProgress
from shared.models import ChunkSummary, Counters
from shared.status import SessionState
from tests.notifier.seed import progress, rows, status
from tests.sessions import csv_manifest

pytestmark = pytest.mark.unit

KEYS = SessionKeys("acme", "0" * 32)
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def stored_state(status_: SessionStatus = SessionStatus.RUNNING, done: int = 0) -> SessionState:
    manifest = csv_manifest(KEYS, "a.csv", ["name"], 30, created_at=T0)
    return SessionState(
        manifest=manifest,
        status=status_,
        counters=Counters(total=30, done=done),
        chunk_count=3,
        running_since=T0,
    )


def summary(chunk: int, done: int) -> ChunkSummary:
    return ChunkSummary(
        chunk=chunk, counters=Counters(total=10, done=done), started_at=T0, finished_at=T0
    )


def test_latest_progress_per_chunk_wins_and_chunks_sum() -> None:
    live = LiveSession(KEYS.tenant, KEYS.session_id)
    for event in (progress(KEYS, 0, 3), progress(KEYS, 1, 4), progress(KEYS, 0, 7)):
        live.apply(event)
    live.apply(rows(KEYS, 0, 2))
    assert live.counters().done == 11


def test_a_report_older_than_the_last_of_its_chunk_changes_nothing() -> None:
    live = LiveSession(KEYS.tenant, KEYS.session_id)
    live.apply(progress(KEYS, 0, 7, at=T0 + timedelta(seconds=2)))
    live.apply(progress(KEYS, 0, 3, at=T0 + timedelta(seconds=1)))
    assert live.counters().done == 7
    # A worker that redoes the chunk counts from zero again, and reports later.
    live.apply(progress(KEYS, 0, 2, at=T0 + timedelta(seconds=3)))
    assert live.counters().done == 2


def test_stored_summary_replaces_live_progress_of_its_chunk() -> None:
    live = LiveSession(KEYS.tenant, KEYS.session_id)
    live.apply(progress(KEYS, 0, 10, finished=True))
    live.apply(progress(KEYS, 1, 4))
    live.merge_storage(stored_state(done=10), [summary(0, 10)])
    assert live.counters().done == 14
    # A late or redelivered report of a stored chunk changes nothing.
    live.apply(progress(KEYS, 0, 2))
    assert live.counters().done == 14
    live.merge_storage(stored_state(done=10), [summary(0, 10)])
    assert live.counters().done == 14
    state = live.state()
    assert state.chunks_done == 1
    assert state.counters.total == 30


def test_live_status_moves_forward_and_storage_final_status_wins() -> None:
    live = LiveSession(KEYS.tenant, KEYS.session_id)
    live.merge_storage(stored_state(SessionStatus.QUEUED), [])
    live.apply(status(KEYS, SessionStatus.RUNNING, at=T0))
    assert live.status is SessionStatus.RUNNING
    live.apply(status(KEYS, SessionStatus.QUEUED))
    assert live.status is SessionStatus.RUNNING
    live.merge_storage(stored_state(SessionStatus.CANCELLED), [])
    assert live.status.is_final
    assert live.state().status is SessionStatus.CANCELLED


def test_final_status_event_carries_the_final_counters() -> None:
    live = LiveSession(KEYS.tenant, KEYS.session_id)
    live.merge_storage(stored_state(), [])
    live.apply(progress(KEYS, 0, 5))
    final = Counters(total=30, done=30, failed=2)
    live.apply(status(KEYS, SessionStatus.COMPLETED, counters=final, at=T0))
    state = live.state()
    assert state.status is SessionStatus.COMPLETED
    assert state.counters == final
    assert state.finished_at == T0
    assert state.finalized


def test_state_needs_a_storage_read() -> None:
    live = LiveSession(KEYS.tenant, KEYS.session_id)
    live.apply(progress(KEYS, 0, 5))
    with pytest.raises(RuntimeError):
        live.state()


def test_rate_and_eta_come_from_rows_done_since_running() -> None:
    figures = rate_and_eta(
        SessionStatus.RUNNING, Counters(total=100, done=20), T0, T0 + timedelta(seconds=10)
    )
    assert figures == {"rows_per_second": 2.0, "eta_seconds": 40.0}
    idle = rate_and_eta(SessionStatus.QUEUED, Counters(total=100), None, T0)
    assert idle == {"rows_per_second": None, "eta_seconds": None}


def test_rate_follows_the_recent_pace_not_the_average_since_the_start() -> None:
    live = LiveSession(KEYS.tenant, KEYS.session_id)
    live.merge_storage(stored_state(), [])
    # Ten slow minutes (2 rows), then more workers: 4 rows every 10 s for 30 s.
    t = T0 + timedelta(minutes=10)
    live.apply(progress(KEYS, 0, 2))
    first = live.progress(t)
    # Too little seen yet: the average since running (2 rows in 600 s).
    assert first["rows_per_second"] == round(2 / 600, 2)
    for step in range(1, 4):
        live.apply(progress(KEYS, 1, 4 * step))
        figures = live.progress(t + timedelta(seconds=10 * step))
    # 12 rows in the last 30 s; 16 of 30 rows left.
    assert (figures["rows_per_second"], figures["eta_seconds"]) == (0.4, 40.0)
    # A stall lowers the pace as time passes without progress.
    stalled = live.rate_and_eta(t + timedelta(seconds=60))
    assert stalled["rows_per_second"] == 0.2


def test_recent_pace_forgets_samples_older_than_its_window() -> None:
    pace = RecentRate(window_s=60, min_span_s=10)
    for second, done in ((0, 0), (30, 30), (60, 60), (90, 150), (120, 240)):
        pace.observe(T0 + timedelta(seconds=second), done)
    # The window starts at 60 s (done 60): 180 rows in 60 s.
    assert pace.rows_per_second(T0 + timedelta(seconds=120), 240) == 3.0
    assert pace.rows_per_second(T0 + timedelta(seconds=125), 240) == 180 / 65
    fresh = RecentRate(min_span_s=10)
    fresh.observe(T0, 5)
    assert fresh.rows_per_second(T0 + timedelta(seconds=5), 10) is None


def test_a_decision_ends_in_the_live_counters_once_a_retry_of_accepted_rows_counts_its_chunk() -> (
    None
):
    # Chunks 0 and 1 each hold a row a person accepted, left in review as stored; round 1
    # runs both again. Chunk 2 holds a rejected row, which stays decided.
    base = stored_state(done=30).model_copy(
        update={
            "counters": Counters(total=30, done=30, needs_review=0, not_found=1),
            "reviewed": Counters(needs_review=-3, not_found=1),
            "reviewed_rerun": {0: Counters(needs_review=-1), 1: Counters(needs_review=-1)},
            "retry_round": 1,
        }
    )
    live = LiveSession(KEYS.tenant, KEYS.session_id)
    stored = [
        ChunkSummary(
            chunk=n,
            counters=Counters(total=10, done=10, needs_review=1),
            started_at=T0,
            finished_at=T0,
        )
        for n in range(3)
    ]
    live.merge_storage(base, stored)
    live.apply(status(KEYS, SessionStatus.RUNNING, round=1))
    assert (live.counters().needs_review, live.counters().not_found) == (0, 1)
    # The round's chunk 0 starts from its kept rows: the accepted row is being run.
    live.apply(
        ChunkProgress(
            tenant=KEYS.tenant,
            session_id=KEYS.session_id,
            chunk=0,
            counters=Counters(total=10, done=9),
            at=T0,
            round=1,
        )
    )
    assert (live.counters().needs_review, live.counters().done) == (0, 29)
    live.apply(
        ChunkProgress(
            tenant=KEYS.tenant,
            session_id=KEYS.session_id,
            chunk=0,
            counters=Counters(total=10, done=10),
            at=T0 + timedelta(seconds=1),
            finished=True,
            round=1,
        )
    )
    assert (live.counters().needs_review, live.counters().done) == (0, 30)
    assert live.counters().not_found == 1
