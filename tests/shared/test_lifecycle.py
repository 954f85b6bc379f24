"""The session lifecycle: which moves are allowed, how late observations merge, how it ends."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

import pytest

from shared.lifecycle import (
    TERMINAL,
    SessionStatus,
    advance,
    can_cancel,
    can_delete,
    can_move,
    can_start,
    finished_status,
    stored_status,
)

pytestmark = pytest.mark.unit

CREATED, QUEUED, RUNNING = SessionStatus.CREATED, SessionStatus.QUEUED, SessionStatus.RUNNING
COMPLETED, FAILED, CANCELLED = (
    SessionStatus.COMPLETED,
    SessionStatus.FAILED,
    SessionStatus.CANCELLED,
)


@dataclass(frozen=True)
class Chunk:
    cancelled: bool = False
    dead_letter_reason: str | None = None


def test_status_values_are_the_api_strings() -> None:
    assert [s.value for s in SessionStatus] == [
        "created",
        "queued",
        "running",
        "completed",
        "failed",
        "cancelled",
    ]


def test_terminal_statuses_are_completed_failed_and_cancelled() -> None:
    assert {COMPLETED, FAILED, CANCELLED} == TERMINAL
    assert all(status.is_final for status in TERMINAL)
    assert not any(status.is_final for status in (CREATED, QUEUED, RUNNING))


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (CREATED, QUEUED),
        (CREATED, CANCELLED),
        (QUEUED, RUNNING),
        (QUEUED, FAILED),
        (QUEUED, CANCELLED),
        (RUNNING, COMPLETED),
        (RUNNING, FAILED),
        (RUNNING, CANCELLED),
    ],
)
def test_the_lifecycle_allows_its_moves(current: SessionStatus, target: SessionStatus) -> None:
    assert can_move(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (CREATED, RUNNING),
        (CREATED, COMPLETED),
        (QUEUED, CREATED),
        (QUEUED, COMPLETED),
        (RUNNING, QUEUED),
        (RUNNING, CREATED),
        (RUNNING, RUNNING),
    ],
)
def test_the_lifecycle_refuses_skipping_or_going_back(
    current: SessionStatus, target: SessionStatus
) -> None:
    assert not can_move(current, target)


@pytest.mark.parametrize("final", sorted(TERMINAL))
def test_a_terminal_status_never_changes(final: SessionStatus) -> None:
    assert not any(can_move(final, target) for target in SessionStatus)


def test_only_a_created_session_can_be_started() -> None:
    assert [s for s in SessionStatus if can_start(s)] == [CREATED]


def test_every_unfinished_session_can_be_cancelled_and_no_finished_one() -> None:
    assert [s for s in SessionStatus if can_cancel(s)] == [CREATED, QUEUED, RUNNING]


def test_a_queued_or_running_session_cannot_be_deleted() -> None:
    assert [s for s in SessionStatus if not can_delete(s)] == [QUEUED, RUNNING]


def test_a_late_lower_status_does_not_take_the_session_back() -> None:
    assert advance(RUNNING, QUEUED) is RUNNING
    assert advance(COMPLETED, RUNNING) is COMPLETED
    assert advance(QUEUED, RUNNING) is RUNNING
    assert advance(None, QUEUED) is QUEUED


@pytest.mark.parametrize(
    "arrivals",
    [
        [QUEUED, RUNNING, COMPLETED],
        [RUNNING, QUEUED, COMPLETED],
        [COMPLETED, RUNNING, QUEUED],
        [RUNNING, COMPLETED, QUEUED],
    ],
)
def test_merging_events_in_any_order_ends_at_the_furthest_status(
    arrivals: list[SessionStatus],
) -> None:
    merged = reduce(advance, arrivals, None)
    assert merged is COMPLETED


def test_of_two_terminal_statuses_the_one_seen_last_wins() -> None:
    assert advance(COMPLETED, CANCELLED) is CANCELLED
    assert advance(CANCELLED, FAILED) is FAILED


@pytest.mark.parametrize(
    ("start", "plan", "cancel", "expected"),
    [
        (False, False, False, CREATED),
        (True, False, False, QUEUED),
        (True, True, False, RUNNING),
        (True, True, True, CANCELLED),
        (False, False, True, CANCELLED),
    ],
)
def test_stored_markers_give_the_status_before_finalization(
    start: bool, plan: bool, cancel: bool, expected: SessionStatus
) -> None:
    status = stored_status(start_requested=start, planned=plan, cancel_requested=cancel)
    assert status is expected


def test_a_session_with_failed_rows_or_some_dead_chunks_completes() -> None:
    chunks = [Chunk(), Chunk(dead_letter_reason="delivery limit")]
    assert finished_status(chunks, cancel_requested=False) is COMPLETED
    assert finished_status([], cancel_requested=False) is COMPLETED


def test_a_session_none_of_whose_chunks_ran_has_failed() -> None:
    chunks = [Chunk(dead_letter_reason="boom"), Chunk(dead_letter_reason="boom")]
    assert finished_status(chunks, cancel_requested=False) is FAILED


def test_a_cancel_marker_or_a_cancelled_chunk_ends_the_session_cancelled() -> None:
    dead = [Chunk(dead_letter_reason="boom")]
    assert finished_status(dead, cancel_requested=True) is CANCELLED
    assert finished_status([Chunk(), Chunk(cancelled=True)], cancel_requested=False) is CANCELLED
    assert finished_status([], cancel_requested=True) is CANCELLED
