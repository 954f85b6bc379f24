"""Notifier messages become progress, and the last one of a session is recognised."""

from __future__ import annotations

from typing import Any

import pytest

from client.display import created_line, duration, summary
from client.live import progress_of

pytestmark = pytest.mark.unit

SESSION_ID = "a" * 32
COUNTERS = {"total": 10, "done": 4, "failed": 1, "duplicates": 2, "dead_links": 0, "not_found": 0}


def snapshot(status: str, **state: Any) -> dict[str, Any]:
    base = {
        "session_id": SESSION_ID,
        "status": status,
        "counters": COUNTERS,
        "chunk_count": 2,
        "chunks_done": 1,
        "started_at": "2026-01-01T10:00:05+00:00",
        "finalized": False,
        "rows_per_second": 2.5,
        "eta_seconds": 2.4,
    }
    return {"type": "snapshot", "session_id": SESSION_ID, "seq": 1, "state": {**base, **state}}


def status_event(status: str) -> dict[str, Any]:
    return {
        "type": "event",
        "session_id": SESSION_ID,
        "seq": 2,
        "event": {"kind": "session.status", "status": status},
        "progress": {
            "status": status,
            "counters": {**COUNTERS, "done": 10},
            "chunk_count": 2,
            "chunks_done": 2,
            "rows_per_second": None,
            "eta_seconds": None,
        },
    }


def is_final(message: dict[str, Any]) -> bool:
    progress = progress_of(message)
    assert progress is not None
    return progress.final


def test_a_snapshot_carries_counters_rate_and_eta() -> None:
    progress = progress_of(snapshot("running"))

    assert progress is not None
    assert (progress.status, progress.done, progress.total) == ("running", 4, 10)
    assert (progress.rows_per_second, progress.eta_seconds) == (2.5, 2.4)
    assert not progress.final


def test_a_finished_session_is_final_once_its_files_are_written() -> None:
    assert not is_final(snapshot("completed", finalized=False))
    assert is_final(snapshot("completed", finalized=True))


def test_a_session_cancelled_before_it_started_is_final_without_finalization() -> None:
    never_started = snapshot("cancelled", started_at=None, finalized=False)
    assert is_final(never_started)


@pytest.mark.parametrize("status", ["completed", "failed", "cancelled"])
def test_the_final_status_event_ends_the_session(status: str) -> None:
    progress = progress_of(status_event(status))

    assert progress is not None
    assert progress.final
    assert progress.done == 10


def test_messages_without_progress_are_skipped() -> None:
    rows = {"type": "event", "session_id": SESSION_ID, "seq": 3, "event": {"kind": "rows.finished"}}
    assert progress_of(rows) is None
    assert progress_of({"type": "hello", "protocol": 1}) is None
    assert progress_of({"type": "pong"}) is None
    assert not is_final(status_event("running"))


def test_summaries_read_as_a_sentence() -> None:
    progress = progress_of(status_event("completed"))
    assert progress is not None

    assert summary(progress) == (
        f"{SESSION_ID} completed: 10 of 10 rows done "
        "(2 duplicates, 1 failed, 0 not found, 0 dead links, 0 blocked, 0 needs review)"
    )
    assert [duration(s) for s in (None, 4.4, 65, 7322)] == ["-", "4s", "1m 05s", "2h 02m"]


def test_the_created_line_names_the_columns_read() -> None:
    session = {
        "session_id": SESSION_ID,
        "input": {
            "rows": 3,
            "name_column": "Company",
            "website_column": None,
            "fact_columns": {"country": "Страна", "city": "City"},
        },
    }
    assert created_line(session) == (
        f"created {SESSION_ID}: 3 rows, names from 'Company', no website column, "
        "country from 'Страна', city from 'City'"
    )


@pytest.mark.parametrize(("skipped", "said"), [(0, ""), (1, ", 1 total row left out"),
                                                (2, ", 2 total rows left out")])  # fmt: skip
def test_the_created_line_says_how_many_total_rows_were_left_out(skipped: int, said: str) -> None:
    source = {"rows": 3, "name_column": "Company", "website_column": "Website"}
    session = {"session_id": SESSION_ID, "input": {**source, "summary_rows_skipped": skipped}}
    assert created_line(session) == (
        f"created {SESSION_ID}: 3 rows, names from 'Company', websites from 'Website'{said}"
    )


def test_the_retry_round_is_read_from_snapshots_and_events_and_shown_in_the_summary() -> None:
    reopened = progress_of(snapshot("running", retry_round=2))
    assert reopened is not None
    assert (reopened.retry_round, reopened.final) == (2, False)
    message = status_event("completed")
    message["progress"]["retry_round"] = 2
    ended = progress_of(message)
    assert ended is not None
    assert (ended.retry_round, ended.final) == (2, True)
    assert summary(ended).startswith(f"{SESSION_ID} completed (retry 2): ")
    first = progress_of(status_event("completed"))
    assert first is not None
    assert first.retry_round == 0
    assert summary(first).startswith(f"{SESSION_ID} completed: ")
