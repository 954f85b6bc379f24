"""Which rows a retry takes by failed optional step, which accepted website it runs a
reviewed row with, and retry requests stored before steps or reviewed rows could be
named."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Literal

import pytest
from pydantic import Field

from shared.models import Record
from shared.retry import RetryRequest, unknown_reviewed
from shared.retry_selection import RETRYABLE_STEPS, step_failed, unknown_steps, wanted
from shared.reviews import ReviewDecision
from shared.rows import CUSTOM_FIELDS_FAILED, ResultRow, RowStatus, StepStatus

pytestmark = pytest.mark.unit

FAILED = StepStatus.failed("the language model is unavailable (503)")


def row(status: RowStatus = RowStatus.OK, **fields: str) -> ResultRow:
    return ResultRow.model_validate(
        {"row": 0, "Company_Name": "Acme", "Row_Status": status, **fields}
    )


@pytest.mark.parametrize(
    ("step", "fields"),
    [
        ("deep_search", {"Deep_Search_Status": FAILED}),
        ("hubspot", {"HubSpot_Status": StepStatus.failed("write-back failed (HTTPError)")}),
        ("qualification", {"Qualification_Status": FAILED}),
        ("custom_fields", {"Notes": f"first note; {CUSTOM_FIELDS_FAILED}model down"}),
    ],
)
def test_each_step_takes_only_the_rows_it_failed_for(step: str, fields: dict[str, str]) -> None:
    failed = row(RowStatus.OK, **fields)
    assert step_failed(failed, step)
    assert [s for s in RETRYABLE_STEPS if step_failed(failed, s)] == [step]
    assert wanted(failed, [], [step])
    assert not wanted(failed, [], [s for s in RETRYABLE_STEPS if s != step])


def test_steps_that_ran_or_were_skipped_are_not_taken() -> None:
    done = row(
        Deep_Search_Status=StepStatus.OK,
        HubSpot_Status=StepStatus.CREATED,
        Qualification_Status=StepStatus.skipped_because("no website to qualify (not_found)"),
        Notes="custom fields: answers without a quote were dropped (founded)",
    )
    assert not wanted(done, [], RETRYABLE_STEPS)


def test_statuses_and_steps_together_take_either() -> None:
    assert wanted(row(RowStatus.FAILED), ["failed"], ["deep_search"])
    assert wanted(row(Deep_Search_Status=FAILED), ["failed"], ["deep_search"])
    assert not wanted(row(RowStatus.NOT_FOUND), ["failed"], ["deep_search"])


def test_duplicates_and_cancelled_rows_never_run_on_their_own() -> None:
    for status in (RowStatus.DUPLICATE, RowStatus.CANCELLED):
        assert not wanted(row(status, Deep_Search_Status=FAILED), [], ["deep_search"])


def test_unknown_steps_are_named() -> None:
    assert unknown_steps(["deep_search", "logo", "description"]) == ["logo", "description"]


def test_a_request_stored_before_steps_reads_as_none() -> None:
    stored = b'{"round": 1, "statuses": ["failed"], "requested_at": "2026-01-01T00:00:00Z"}'
    assert RetryRequest.model_validate_json(stored).steps == []


def test_a_request_naming_no_step_is_stored_as_the_previous_version_reads_it() -> None:
    class PreviousRequest(Record):
        round: int
        statuses: list[str]
        requested_at: datetime

    plain = RetryRequest(round=2, statuses=["failed"], requested_at=datetime.now(UTC))
    stored = plain.model_dump_json()
    assert PreviousRequest.model_validate_json(stored).statuses == ["failed"]
    assert RetryRequest.model_validate_json(stored) == plain
    by_step = RetryRequest(round=3, statuses=[], steps=["hubspot"], requested_at=datetime.now(UTC))
    assert RetryRequest.model_validate_json(by_step.model_dump_json()).steps == ["hubspot"]


def test_a_request_naming_no_reviewed_rows_is_stored_as_the_previous_version_reads_it() -> None:
    class StepsRequest(Record):
        round: int
        statuses: list[str]
        requested_at: datetime
        steps: list[str] = Field(default_factory=list)

    by_step = RetryRequest(round=3, statuses=[], steps=["hubspot"], requested_at=datetime.now(UTC))
    stored = by_step.model_dump_json()
    assert "reviewed" not in json.loads(stored)
    assert StepsRequest.model_validate_json(stored).steps == ["hubspot"]
    assert RetryRequest.model_validate_json(stored).reviewed == []
    accepted = RetryRequest(
        round=4, statuses=[], reviewed=["accepted"], requested_at=datetime.now(UTC)
    )
    assert json.loads(accepted.model_dump_json()) == {
        "round": 4,
        "statuses": [],
        "requested_at": json.loads(accepted.model_dump_json())["requested_at"],
        "reviewed": ["accepted"],
    }
    assert RetryRequest.model_validate_json(accepted.model_dump_json()) == accepted
    assert unknown_reviewed(["accepted", "rejected"]) == ["rejected"]


def _decision(decision: Literal["accept", "reject"], candidates: str) -> ReviewDecision:
    return ReviewDecision(
        row=0, decision=decision, decided_at=datetime.now(UTC), candidates=candidates
    )


def test_only_an_accepted_website_candidate_is_run_with() -> None:
    both = (
        "LinkedIn: https://linkedin.com/company/x (0.6; named)"
        " | website: https://x.example/ (0.7; title)"
    )
    assert _decision("accept", both).accepted_website() == "https://x.example/"
    assert _decision("reject", both).accepted_website() is None
    only_linkedin = "LinkedIn: https://linkedin.com/company/x (0.6; named)"
    assert _decision("accept", only_linkedin).accepted_website() is None
