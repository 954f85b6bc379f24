"""Retry rounds: a finished session's rows of some statuses, or whose optional steps
failed, run again, the rest kept.

Round k (1, 2, ...) is asked for by the gateway (`retries/<k>/request.json`, a conditional
write, so one retry owns each round), planned by a worker (`retries/<k>/plan.json` and the
round's chunk inputs: only the rows to retry, grouped by the session chunk they belong
to) and run like any chunk. A round's stored chunk n holds the whole of chunk n (the rows
kept as they were, the retried rows replaced), so the latest round that stored chunk n is
chunk n's current version, and readers never merge rows themselves.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from shared.errors import NotFound
from shared.layout import SessionKeys, chunk_from_key
from shared.models import Counters, Record
from shared.rows import ResultRow, RowStatus
from shared.storage.protocol import ObjectStore

# A row whose candidate a person should decide on (`Review_Candidates`).
NEEDS_REVIEW = RowStatus.NEEDS_REVIEW.value
DEFAULT_RETRY_STATUSES: tuple[str, ...] = (
    RowStatus.FAILED.value,
    RowStatus.NOT_FOUND.value,
    RowStatus.DEAD_URL.value,
    NEEDS_REVIEW,
)
# Duplicates follow their first occurrence and cancelled rows belong to cancelled sessions:
# neither is run again on its own.
RETRYABLE_STATUSES: tuple[str, ...] = (
    *DEFAULT_RETRY_STATUSES,
    RowStatus.BLOCKED_URL.value,
    RowStatus.OK.value,
)
# Status -> the session counter that counts its rows, to tell whether any row would run.
_STATUS_COUNTER = {
    RowStatus.FAILED.value: "failed",
    RowStatus.NOT_FOUND.value: "not_found",
    RowStatus.DEAD_URL.value: "dead_links",
    RowStatus.BLOCKED_URL.value: "blocked",
    NEEDS_REVIEW: "needs_review",
}
# Rows a person accepted a website for (`reviewed`): run again with that website given.
ACCEPTED = "accepted"
REVIEWED_CHOICES: tuple[str, ...] = (ACCEPTED,)
_ROUND_DONE = re.compile(r"retries/(\d+)/chunks/done/\d+\.json$")


class RetryRequest(Record):
    """Written by the gateway: round `round` runs the rows of these statuses again, the
    rows any of these optional steps failed for, and the rows decided on as `reviewed`
    says (requests stored before steps or `reviewed` could be named have neither)."""

    round: int
    statuses: list[str]
    requested_at: datetime
    steps: list[str] = Field(default_factory=list)
    reviewed: list[str] = Field(default_factory=list)

    @model_serializer(mode="wrap")
    def _without_empty_lists(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # A request naming no step (or no reviewed rows) is stored as before those could
        # be named, so that workers of the previous version (which refuse unknown fields)
        # still plan it while a deployment rolls out.
        data: dict[str, Any] = handler(self)
        for name in ("steps", "reviewed"):
            if not getattr(self, name):
                data.pop(name, None)
        return data


class RetryPlan(Record):
    """Written by the planning worker: the session chunks that have rows to retry."""

    round: int
    chunks: list[int]
    rows: int
    planned_at: datetime


def unknown_reviewed(reviewed: list[str]) -> list[str]:
    return [r for r in reviewed if r not in REVIEWED_CHOICES]


def unknown_statuses(statuses: list[str]) -> list[str]:
    return [s for s in statuses if s not in RETRYABLE_STATUSES]


def rows_to_retry(counters: Counters, statuses: list[str]) -> int | None:
    """How many rows a retry of `statuses` would run; None when the counters cannot say."""
    if RowStatus.OK.value in statuses:
        return None
    return sum(int(getattr(counters, _STATUS_COUNTER[s], 0)) for s in statuses)


async def chunk_rounds(
    store: ObjectStore, keys: SessionKeys, below: int | None = None
) -> dict[int, int]:
    """Chunk -> the latest round that stored it (rounds below `below` only); chunks never
    retried are absent (round 0)."""
    latest: dict[int, int] = {}
    for info in await store.list_objects(keys.session.retries_prefix):
        match = _ROUND_DONE.search(info.key)
        if match is None:
            continue
        round_ = int(match.group(1))
        if below is not None and round_ >= below:
            continue
        chunk = chunk_from_key(info.key)
        latest[chunk] = max(latest.get(chunk, 0), round_)
    return latest


async def _requested_rounds(store: ObjectStore, keys: SessionKeys) -> list[int]:
    return sorted(
        int(name)
        for name in await store.list_children(keys.session.retries_prefix)
        if name.isdigit()
    )


async def first_reviewed_round(store: ObjectStore, keys: SessionKeys) -> int | None:
    """The first round that ran rows a person decided on again, if any: before it, every
    decided row is still the one decided on."""
    for round_ in await _requested_rounds(store, keys):
        try:
            request = await store.get_model(keys.retry_request(round_), RetryRequest)
        except NotFound:
            continue
        if request.reviewed:
            return round_
    return None


async def latest_request(store: ObjectStore, keys: SessionKeys) -> RetryRequest | None:
    """The newest retry asked for, if any."""
    rounds = await _requested_rounds(store, keys)
    for round_ in reversed(rounds):
        try:
            return await store.get_model(keys.retry_request(round_), RetryRequest)
        except NotFound:
            continue  # a request taken back because its command could not be sent
    return None


def retried_row(previous: ResultRow, result: ResultRow) -> ResultRow:
    """The new attempt's result, counted; a retry stopped by a cancel keeps the old one."""
    if result.row_status is RowStatus.CANCELLED:
        return previous
    return result.model_copy(update={"attempts": previous.attempts + 1})


def merge_round(previous: list[ResultRow], retried: list[ResultRow]) -> list[ResultRow]:
    """The whole chunk: rows not retried exactly as stored, retried rows replaced by their
    new attempt (see `retried_row`); a row the retry did not reach keeps its old result."""
    new = {row.row: row for row in retried if row.row_status is not RowStatus.CANCELLED}
    return [new.get(row.row, row) for row in previous]
