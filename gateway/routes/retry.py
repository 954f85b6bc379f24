"""Running a finished session's failed rows again (by status, by optional step that
failed, or rows a person accepted a website for), keeping every other row."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

import structlog
from fastapi import APIRouter, Depends, Request, status
from pydantic import BaseModel, ConfigDict, Field

from gateway.deps import PublisherDep, ServicesDep, SessionKeysDep, SessionStateDep, StoreDep
from gateway.errors import ServiceUnavailable, SessionConflict
from gateway.json_body import capped_body, documented_body, parsed_body
from gateway.openapi.faults import (
    BODY_TOO_LARGE,
    BROKER_UNAVAILABLE,
    ON_SESSION,
    RETRY_REFUSED,
    SESSION_NOT_RETRYABLE,
    errors,
)
from shared.errors import InvalidInput
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import RetrySession, SessionStatusChanged
from shared.retry import (
    DEFAULT_RETRY_STATUSES,
    RETRYABLE_STATUSES,
    REVIEWED_CHOICES,
    RetryRequest,
    rows_to_retry,
    unknown_reviewed,
    unknown_statuses,
)
from shared.retry_selection import RETRYABLE_STEPS, rows_wanted, unknown_steps
from shared.rows import RowStatus
from shared.session_view import SessionView, session_view
from shared.status import SessionState
from shared.storage.protocol import ObjectStore

router = APIRouter(prefix="/api/sessions", tags=["sessions"])
NOT_FOUND = RowStatus.NOT_FOUND.value
log = structlog.get_logger()
MAX_BODY_BYTES = 4 * 1024


class RetryBody(BaseModel):
    """Which rows to run again: by `Row_Status`, by optional step that failed, rows a
    person accepted a website for, or any mix."""

    model_config = ConfigDict(extra="forbid")

    statuses: list[str] | None = Field(
        None,
        min_length=1,
        max_length=len(RETRYABLE_STATUSES),
        description=f"Any of {', '.join(RETRYABLE_STATUSES)}; "
        f"default {', '.join(DEFAULT_RETRY_STATUSES)} (none when `steps` is given)",
    )
    steps: list[str] | None = Field(
        None,
        min_length=1,
        max_length=len(RETRYABLE_STEPS),
        description=f"Any of {', '.join(RETRYABLE_STEPS)}: also run again the rows, "
        "whatever their status, for which one of these optional steps failed",
    )
    reviewed: list[str] | None = Field(
        None,
        min_length=1,
        max_length=len(REVIEWED_CHOICES),
        description=f"Any of {', '.join(REVIEWED_CHOICES)}: also run again the rows left "
        "for review whose website candidate a person accepted, with that website given, "
        "so they get description, LinkedIn page, deep search and HubSpot as any row with "
        "a website (rejected rows never run again)",
    )


@dataclass(frozen=True)
class RetryChoice:
    """The rows a retry runs again, as asked for, each list in its canonical order."""

    statuses: list[str]
    steps: list[str]
    reviewed: list[str]


_JSON_BODY = documented_body(RetryBody, required=False)


def _refuse_unknown(code: str, what: str, unknown: list[str], allowed: Iterable[str]) -> None:
    if unknown:
        raise InvalidInput(
            code, f"{what} {', '.join(map(repr, unknown))}; use any of {', '.join(allowed)}"
        )


async def _retry_body(request: Request) -> RetryChoice:
    body = await capped_body(request, MAX_BODY_BYTES)
    if not body.strip():
        return RetryChoice(list(DEFAULT_RETRY_STATUSES), [], [])
    parsed = parsed_body(RetryBody, body)
    _refuse_unknown(
        "invalid_statuses",
        "rows cannot be retried from",
        unknown_statuses(parsed.statuses or []),
        RETRYABLE_STATUSES,
    )
    _refuse_unknown(
        "invalid_steps",
        "no optional step is called",
        unknown_steps(parsed.steps or []),
        RETRYABLE_STEPS,
    )
    _refuse_unknown(
        "invalid_reviewed",
        "reviewed rows cannot be picked as",
        unknown_reviewed(parsed.reviewed or []),
        REVIEWED_CHOICES,
    )
    if parsed.statuses is None:
        # Naming steps or reviewed rows alone asks for those rows only, not the default
        # statuses too.
        statuses = [] if parsed.steps or parsed.reviewed else list(DEFAULT_RETRY_STATUSES)
    else:
        statuses = sorted(set(parsed.statuses), key=RETRYABLE_STATUSES.index)
    steps = sorted(set(parsed.steps or []), key=RETRYABLE_STEPS.index)
    reviewed = sorted(set(parsed.reviewed or []), key=REVIEWED_CHOICES.index)
    return RetryChoice(statuses, steps, reviewed)


RetryBodyDep = Annotated[RetryChoice, Depends(_retry_body)]


@router.post(
    "/{session_id}/retry",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Run a finished session's failed rows again; every other row is kept",
    openapi_extra=_JSON_BODY,
    responses=errors(
        *ON_SESSION, SESSION_NOT_RETRYABLE, BODY_TOO_LARGE, RETRY_REFUSED, BROKER_UNAVAILABLE
    ),
)
async def retry(
    state: SessionStateDep,
    keys: SessionKeysDep,
    body: RetryBodyDep,
    store: StoreDep,
    broker: PublisherDep,
    services: ServicesDep,
) -> SessionView:
    """The session is `queued`, then `running` again while only the chosen rows run; when
    they are done the result files are written anew. Each row's `Attempts` counts its
    runs. The body is optional: `{"statuses": [...]}` picks the rows by `Row_Status`,
    `{"steps": [...]}` the rows an optional step failed for, `{"reviewed": ["accepted"]}`
    the rows a person accepted a website for, run with that website."""
    _check_retryable(state)
    await _check_rows(state, store, keys, body)
    request = RetryRequest(
        round=state.retry_round + 1,
        statuses=body.statuses,
        steps=body.steps,
        reviewed=body.reviewed,
        requested_at=datetime.now(UTC),
    )
    if not await store.put_model_if_absent(keys.retry_request(request.round), request):
        raise SessionConflict("session_running", "a retry of this session was just asked for")
    command = RetrySession(tenant=keys.tenant, session_id=keys.session_id, round=request.round)
    try:
        await broker.publish_start(command)
    except BaseException as exc:
        # Without the command no worker would ever run the round: take the request back.
        await asyncio.shield(store.delete(keys.retry_request(request.round)))
        if isinstance(exc, Exception):
            raise ServiceUnavailable("broker_unavailable", "the retry was not accepted") from exc
        raise
    await services.settled.changed(keys, "retry")
    await _announce(broker, keys.tenant, keys.session_id, request.round)
    log.info(
        "session.retry_requested",
        session_id=keys.session_id,
        round=request.round,
        statuses=request.statuses,
        steps=request.steps,
        reviewed=request.reviewed,
    )
    return session_view(
        state.model_copy(
            update={
                "status": SessionStatus.QUEUED,
                "finalized": False,
                "retry_round": request.round,
            }
        )
    )


def _check_retryable(state: SessionState) -> None:
    """Nothing is written unless the retry can run: 409 otherwise, with the reason."""
    if not state.status.is_final:
        raise SessionConflict(
            "session_running"
            if state.status is not SessionStatus.CREATED
            else "session_not_started",
            f"the session is {state.status.value}; only a finished session can be retried",
        )
    if state.status is SessionStatus.CANCELLED:
        raise SessionConflict(
            "session_cancelled", "the session was cancelled; its rows cannot be retried"
        )
    if state.chunk_count is None:
        raise SessionConflict("nothing_to_retry", "the session never ran: there is no row to retry")


async def _check_rows(
    state: SessionState, store: ObjectStore, keys: SessionKeys, choice: RetryChoice
) -> None:
    """409 `nothing_to_retry` when no row would run. The counters say it for statuses;
    no counter counts failed steps or accepted websites, so a retry naming either reads
    the rows, as its planning will."""
    if choice.steps or choice.reviewed:
        async for _chunk, _rows in rows_wanted(
            store,
            keys,
            state.chunk_count or 0,
            choice.statuses,
            choice.steps,
            reviewed=choice.reviewed,
        ):
            return
        asked = [
            *choice.statuses,
            *(f"failed {step}" for step in choice.steps),
            *(f"a website {r} in review" for r in choice.reviewed),
        ]
        raise SessionConflict(
            "nothing_to_retry", f"no row has {' or '.join(asked)}; nothing changed"
        )
    count = rows_to_retry(state.counters, choice.statuses)
    if count is not None and NOT_FOUND in choice.statuses:
        count -= state.reviewed.not_found  # rows a person rejected are never run again
    if count == 0:
        raise SessionConflict(
            "nothing_to_retry", f"no row has status {', '.join(choice.statuses)}; nothing changed"
        )


async def _announce(broker: PublisherDep, tenant: str, session_id: str, round_: int) -> None:
    """Watchers see the finished session queued again, in the new round."""
    event = SessionStatusChanged(
        tenant=tenant, session_id=session_id, status=SessionStatus.QUEUED, round=round_
    )
    try:
        await broker.publish_event(event)
    except Exception as exc:  # storage stays the truth; a lost event is only logged
        log.warning("session.retry_event_lost", session_id=session_id, error=str(exc))
