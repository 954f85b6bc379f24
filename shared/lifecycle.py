"""The lifecycle of a session: its statuses, the moves between them, how it ends.

    created -> queued -> running -> completed | failed | cancelled

A cancel is accepted from any status that is not terminal; a session that cannot be
planned fails from `queued`. Terminal statuses never change again.

Statuses are observed out of order (events from several workers, storage reads that race
them), so every reader merges what it sees by rank: a session never appears to go back.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol


class SessionStatus(StrEnum):
    CREATED = "created"
    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in TERMINAL


TERMINAL = frozenset({SessionStatus.COMPLETED, SessionStatus.FAILED, SessionStatus.CANCELLED})
# Workers may be writing the session's objects: it cannot be deleted meanwhile.
ACTIVE = frozenset({SessionStatus.QUEUED, SessionStatus.RUNNING})

RANK: dict[SessionStatus, int] = {
    SessionStatus.CREATED: 0,
    SessionStatus.QUEUED: 1,
    SessionStatus.RUNNING: 2,
    SessionStatus.COMPLETED: 3,
    SessionStatus.FAILED: 3,
    SessionStatus.CANCELLED: 3,
}

TRANSITIONS: dict[SessionStatus, frozenset[SessionStatus]] = {
    SessionStatus.CREATED: frozenset({SessionStatus.QUEUED, SessionStatus.CANCELLED}),
    SessionStatus.QUEUED: frozenset(
        {SessionStatus.RUNNING, SessionStatus.FAILED, SessionStatus.CANCELLED}
    ),
    SessionStatus.RUNNING: frozenset(TERMINAL),
    SessionStatus.COMPLETED: frozenset(),
    SessionStatus.FAILED: frozenset(),
    SessionStatus.CANCELLED: frozenset(),
}


def can_move(current: SessionStatus, target: SessionStatus) -> bool:
    return target in TRANSITIONS[current]


def can_start(status: SessionStatus) -> bool:
    return can_move(status, SessionStatus.QUEUED)


def can_cancel(status: SessionStatus) -> bool:
    return can_move(status, SessionStatus.CANCELLED)


def can_delete(status: SessionStatus) -> bool:
    return status not in ACTIVE


def advance(current: SessionStatus | None, seen: SessionStatus) -> SessionStatus:
    """The status to show once `seen` is observed after `current`.

    A status ranked below the current one arrived late and is ignored; of two terminal
    statuses the one observed last wins.
    """
    if current is None or RANK[seen] >= RANK[current]:
        return seen
    return current


def stored_status(*, start_requested: bool, planned: bool, cancel_requested: bool) -> SessionStatus:
    """The status of a session the finalizer has not ended yet, from the markers stored."""
    if cancel_requested:
        return SessionStatus.CANCELLED
    if planned:
        return SessionStatus.RUNNING
    if start_requested:
        return SessionStatus.QUEUED
    return SessionStatus.CREATED


class ChunkOutcome(Protocol):
    @property
    def cancelled(self) -> bool: ...

    @property
    def dead_letter_reason(self) -> str | None: ...


def finished_status(chunks: Iterable[ChunkOutcome], *, cancel_requested: bool) -> SessionStatus:
    """How a session ends once every chunk is stored.

    Failed rows do not fail a session (the counters say how many); only a session none of
    whose chunks could be processed at all has failed.
    """
    outcomes = list(chunks)
    if cancel_requested or any(chunk.cancelled for chunk in outcomes):
        return SessionStatus.CANCELLED
    if outcomes and all(chunk.dead_letter_reason for chunk in outcomes):
        return SessionStatus.FAILED
    return SessionStatus.COMPLETED
