"""Accepting or rejecting the candidate of a row left for review."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from gateway.deps import ServicesDep, SessionKeysDep, SessionStateDep, StoreDep
from gateway.errors import ApiConflict, SessionConflict
from gateway.json_body import documented_body, read_json
from gateway.openapi.faults import (
    BODY_TOO_LARGE,
    ON_SESSION,
    REVIEW_REFUSED,
    REVIEW_WHILE_RUNNING,
    ROW_NOT_FOUND,
    ROW_NOT_IN_REVIEW,
    errors,
)
from gateway.resources.results import ResultRowView
from gateway.results_source import page_rows
from gateway.review.decision import (
    ReviewDecision,
    ReviewRequest,
    decided,
    in_review,
    outcome_of,
)
from gateway.review.storage import read_decisions, save_decision
from shared.errors import InvalidInput
from shared.lifecycle import ACTIVE

router = APIRouter(prefix="/api/sessions", tags=["results"])

MAX_BODY_BYTES = 1024
_JSON_BODY = documented_body(ReviewRequest)
RowNumber = Annotated[int, Path(ge=0, le=10**9, description="The row's 0-based `row`")]


async def _review_request(request: Request) -> ReviewRequest:
    return await read_json(request, ReviewRequest, MAX_BODY_BYTES)


@router.post(
    "/{session_id}/rows/{row}/review",
    summary="Accept or reject the candidate of a row left for review",
    openapi_extra=_JSON_BODY,
    responses=errors(
        *ON_SESSION,
        ROW_NOT_FOUND,
        ROW_NOT_IN_REVIEW,
        REVIEW_WHILE_RUNNING,
        BODY_TOO_LARGE,
        REVIEW_REFUSED,
    ),
)
async def review(
    row: RowNumber,
    body: Annotated[ReviewRequest, Depends(_review_request)],
    state: SessionStateDep,
    keys: SessionKeysDep,
    store: StoreDep,
    services: ServicesDep,
) -> ResultRowView:
    """Only a `needs_review` row (409 `row_not_in_review` otherwise, a decided one
    included). `accept` fills `Official_Website` and/or `LinkedIn_URL` from
    `Review_Candidates` and makes the row `ok`; `reject` leaves them empty (`not_found`
    without a website, else `ok`). Both add a note to `Notes`. Stored beside the results,
    the decision shows in result pages, filters and every download, and holds for the
    row's duplicates. Refused (409 `session_running`) while the session runs.
    Answers the row."""
    if state.status in ACTIVE:
        # The row may be re-run any moment: a decision now could judge a stale candidate.
        raise SessionConflict(
            "session_running", f"the session is {state.status.value}; review once it has ended"
        )
    plan = await services.plans.read(store, keys)
    found = await page_rows(store, keys, plan, row, 1) if plan else []
    if not found:
        raise InvalidInput("row_not_found", f"the session has no result for row {row} (yet)", 404)
    current = found[0]
    earlier = (await read_decisions(store, keys)).get(row)
    if earlier is not None:
        # Its stored row still reads needs_review (the decision is kept beside it), so
        # the refusal names the decision rather than that status.
        raise ApiConflict(
            "row_not_in_review",
            f"row {row} was already decided: a person chose {earlier.decision} "
            f"at {earlier.decided_at:%Y-%m-%d %H:%M} UTC",
        )
    if not in_review(current):
        raise ApiConflict(
            "row_not_in_review", f"row {row} is {current.row_status.value}, not needs_review"
        )
    decision = ReviewDecision(
        row=row,
        decision=body.decision,
        decided_at=datetime.now(UTC),
        candidates=current.review_candidates,
        becomes=outcome_of(current, body.decision),
    )
    if not await save_decision(store, keys, decision):
        raise ApiConflict("row_not_in_review", f"row {row} was decided a moment ago")
    await services.settled.changed(keys, "review")
    return ResultRowView.of(decided(current, decision))
