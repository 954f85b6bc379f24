"""One session's live state: the stored snapshot plus the events seen since.

Chunk progress is cumulative per chunk, so the newest report of a chunk (by the time its
worker stamped on it) replaces the previous one and the session's counters are the sum over
chunks; a report that arrives after a newer one of its chunk is stale and ignored. A chunk
whose summary is stored counts with the stored (final) counters; live reports of it are
ignored. That rule makes merging a fresh storage read with live events free of double
counting, in any order.

A finished session runs again in retry rounds (events say which: `round`). The newest
round seen is the session's current run: its status, finished chunks and final event
replace the earlier run's, and a chunk's report or summary of a later round replaces one
of an earlier round (a retried chunk is stored whole). Events of an earlier round than
the current one arrived late and are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple

from notifier.rate import RecentRate
from shared.lifecycle import SessionStatus, advance
from shared.messages import ChunkProgress, RowsFinished, SessionStatusChanged
from shared.models import ChunkSummary, Counters
from shared.status import SessionState
from shared.usage import Usage

# (tenant, session_id): every index of sessions is per tenant, so tenants never mix.
SessionKey = tuple[str, str]
FIELDS: tuple[str, ...] = tuple(Counters.model_fields)
_ZERO: tuple[int, ...] = (0,) * len(FIELDS)
FIELDS_OF_USAGE: tuple[str, ...] = tuple(Usage.model_fields)
_NO_USAGE: tuple[int, ...] = (0,) * len(FIELDS_OF_USAGE)


def _vector(counters: Counters) -> tuple[int, ...]:
    return tuple(getattr(counters, name) for name in FIELDS)


def _usage_vector(usage: Usage) -> tuple[int, ...]:
    return tuple(getattr(usage, name) for name in FIELDS_OF_USAGE)


class _Chunk(NamedTuple):
    """What a chunk counts for: a stored summary or a live report, of round `round`."""

    round: int
    stored: bool
    counters: tuple[int, ...]
    at: datetime | None = None


class _Usage(NamedTuple):
    """A chunk's outside calls: of round `round`, final (stored or the chunk's last report)
    or so far (a report at `at` while it ran)."""

    round: int
    final: bool
    calls: tuple[int, ...]
    at: datetime | None = None


def _older(new: _Usage, known: _Usage) -> bool:
    """A report that came late: of an earlier round, a running figure after the chunk's
    final one, or a running figure older than the last one taken."""
    if new.round != known.round:
        return new.round < known.round
    if known.final:
        return not new.final
    return not new.final and new.at is not None and known.at is not None and new.at < known.at


class LiveSession:
    def __init__(self, tenant: str, session_id: str) -> None:
        self.tenant = tenant
        self.session_id = session_id
        self.base: SessionState | None = None
        # The session's current run: 0 for its own, k for retry round k.
        self.round = 0
        self._chunks: dict[int, _Chunk] = {}
        # Outside calls of each chunk: so far while it runs (from its progress reports), then
        # as its stored summary or last report counts them after its latest round. Summed
        # as they change, as the counters are: a progress event of a session of thousands
        # of chunks must not add up every chunk's calls again.
        self._usage: dict[int, _Usage] = {}
        self._usage_sum: list[int] = list(_NO_USAGE)
        self._sum: list[int] = list(_ZERO)
        self._total: int | None = None
        self._begin_round(0)

    def _begin_round(self, round_: int) -> None:
        """Everything that belongs to one run starts afresh; chunk figures carry over."""
        self.round = round_
        self._finished: set[int] = set()
        self._status: SessionStatus | None = None
        self._status_at: dict[SessionStatus, datetime] = {}
        self._final: SessionStatusChanged | None = None
        self._chunk_count: int | None = None
        self._pace = RecentRate()

    # --- input --------------------------------------------------------------------

    def apply(self, event: SessionStatusChanged | ChunkProgress | RowsFinished) -> bool:
        """Take an event; False (and nothing changes) for one of an earlier round."""
        if event.round < self.round:
            return False
        if event.round > self.round:
            self._begin_round(event.round)
        if isinstance(event, ChunkProgress):
            self._apply_progress(event)
        elif isinstance(event, SessionStatusChanged):
            self._apply_status(event)
        return True

    def _apply_progress(self, event: ChunkProgress) -> None:
        if event.finished:
            self._finished.add(event.chunk)
        if event.usage is not None:
            calls = _usage_vector(event.usage)
            self._set_usage(event.chunk, _Usage(event.round, event.finished, calls, event.at))
        entry = self._chunks.get(event.chunk)
        if entry is not None:
            if entry.stored and entry.round >= event.round:
                return
            if entry.round == event.round and entry.at is not None and event.at < entry.at:
                return
        self._set(event.chunk, _Chunk(event.round, False, _vector(event.counters), event.at))

    def _apply_status(self, event: SessionStatusChanged) -> None:
        self._status_at.setdefault(event.status, event.at)
        self._status = advance(self._status, event.status)
        if event.total_rows is not None:
            self._total = event.total_rows
        if event.chunk_count is not None:
            self._chunk_count = event.chunk_count
        if event.status.is_final:
            self._final = event

    def merge_storage(
        self,
        state: SessionState,
        summaries: list[ChunkSummary],
        rounds: Mapping[int, int] | None = None,
    ) -> None:
        """Take a fresh storage read; stored chunk summaries (of the rounds in `rounds`,
        chunk -> round, 0 when absent) replace live reports of the same or earlier rounds."""
        if state.retry_round > self.round:
            self._begin_round(state.retry_round)
        self.base = state
        for summary in summaries:
            round_ = (rounds or {}).get(summary.chunk, 0)
            self._set_usage(summary.chunk, _Usage(round_, True, _usage_vector(summary.usage)))
            entry = self._chunks.get(summary.chunk)
            if entry is not None and entry.round > round_:
                continue
            self._set(summary.chunk, _Chunk(round_, True, _vector(summary.counters)))

    def _set_usage(self, chunk: int, new: _Usage) -> None:
        known = self._usage.get(chunk)
        if known is not None and _older(new, known):
            return
        old = known.calls if known is not None else _NO_USAGE
        for index, (before, after) in enumerate(zip(old, new.calls, strict=True)):
            self._usage_sum[index] += after - before
        self._usage[chunk] = new

    def _set(self, chunk: int, new: _Chunk) -> None:
        old = self._chunks.get(chunk)
        self._replace(old.counters if old is not None else _ZERO, new.counters)
        self._chunks[chunk] = new

    def _replace(self, old: tuple[int, ...], new: tuple[int, ...]) -> None:
        for index, (before, after) in enumerate(zip(old, new, strict=True)):
            self._sum[index] += after - before

    # --- output -------------------------------------------------------------------

    @property
    def needs_read(self) -> bool:
        """Storage was read before the current round began: what it said is an earlier run."""
        return self.base is not None and self.base.retry_round < self.round

    def _current_base(self) -> SessionState | None:
        return None if self.base is None or self.needs_read else self.base

    @property
    def is_final(self) -> bool:
        return self.status.is_final

    @property
    def status(self) -> SessionStatus:
        base = self._current_base()
        if base is None:
            # A session seen running again before storage says so is at least queued.
            start = SessionStatus.CREATED if self.base is None else SessionStatus.QUEUED
            return start if self._status is None else advance(start, self._status)
        stored = base.status
        if stored.is_final or self._status is None:
            return stored
        return advance(stored, self._status)

    def counters(self) -> Counters:
        base = self._current_base()
        if base is not None and base.finalized:
            return base.counters
        if self._final is not None and self._final.counters is not None:
            return self._final.counters
        if self.base is not None and base is None:
            return self.base.counters  # the earlier run's, until storage is read again
        values = dict(zip(FIELDS, self._sum, strict=True))
        values["total"] = self._session_total()
        summed = Counters(**values)
        if base is None:
            return summed
        # Review decisions hold for rows a retry round keeps (shared/reviews.py); those of
        # rows it runs again end once the round's reports count their chunk.
        ended = (
            moved
            for chunk, moved in base.reviewed_rerun.items()
            if (entry := self._chunks.get(chunk)) is not None and entry.round == self.round
        )
        reviewed = base.reviewed
        for moved in ended:
            reviewed = reviewed + moved.model_copy(
                update={name: -getattr(moved, name) for name in FIELDS}
            )
        return summed + reviewed

    def usage(self) -> Usage:
        """Calls of the chunks so far, never below what storage said last: a session's
        calls only grow, and storage read before a retry round knows every earlier chunk."""
        base = self._current_base()
        if base is not None and base.finalized:
            return base.usage
        floor = _usage_vector(self.base.usage) if self.base is not None else _NO_USAGE
        return Usage(
            **{
                name: max(summed, stored)
                for name, summed, stored in zip(
                    FIELDS_OF_USAGE, self._usage_sum, floor, strict=True
                )
            }
        )

    def _session_total(self) -> int:
        if self._total is not None:
            return self._total
        return self.base.counters.total if self.base is not None else 0

    def chunks_done(self) -> int:
        """Chunks of the current run that are done."""
        stored = {
            n for n, entry in self._chunks.items() if entry.stored and entry.round == self.round
        }
        return len(stored | self._finished)

    def chunk_count(self) -> int | None:
        base = self._current_base()
        stored = base.chunk_count if base is not None else None
        return stored if stored is not None else self._chunk_count

    def state(self) -> SessionState:
        """The merged state; only valid once storage was read (`base` is set)."""
        if self.base is None:
            raise RuntimeError("session state was never read from storage")
        base = self.base
        current = self._current_base()
        final = self._final
        return base.model_copy(
            update={
                "status": self.status,
                "counters": self.counters(),
                "usage": self.usage(),
                "chunk_count": self.chunk_count(),
                "chunks_done": max(current.chunks_done if current else 0, self.chunks_done()),
                "started_at": base.started_at or self._status_at.get(SessionStatus.QUEUED),
                "running_since": self.running_since(),
                "finished_at": (current.finished_at if current else None)
                or (final.at if final else None),
                "reason": (current.reason if current else None)
                or (final.reason if final else None),
                "finalized": self.finalized,
                "retry_round": self.round,
            }
        )

    @property
    def finalized(self) -> bool:
        """The current run's final status and counters are known."""
        base = self._current_base()
        return (base is not None and base.finalized) or self._final is not None

    def fingerprint(self) -> tuple[object, ...]:
        """What a snapshot shows of the session's progress; equal means nothing new."""
        counters = _vector(self.counters())
        return (
            self.round,
            self.status,
            self.finalized,
            counters,
            self.chunks_done(),
            self.chunk_count(),
            self.usage(),
        )

    def running_since(self) -> datetime | None:
        base = self._current_base()
        stored = base.running_since if base is not None else None
        return stored or self._status_at.get(SessionStatus.RUNNING)

    def progress(self, now: datetime) -> dict[str, Any]:
        """The compact live figures sent with every status and progress event."""
        counters = self.counters()
        status = self.status
        self._pace.observe(now, counters.done)
        return {
            "status": status.value,
            "counters": counters.model_dump(),
            "usage": self.usage().model_dump(),
            "chunk_count": self.chunk_count(),
            "chunks_done": self.chunks_done(),
            "retry_round": self.round,
            **self.rate_and_eta(now),
        }

    def rate_and_eta(self, now: datetime) -> dict[str, float | None]:
        counters = self.counters()
        recent = self._pace.rows_per_second(now, counters.done)
        return rate_and_eta(self.status, counters, self.running_since(), now, recent)


def rate_and_eta(
    status: SessionStatus,
    counters: Counters,
    running_since: datetime | None,
    now: datetime,
    recent: float | None = None,
) -> dict[str, float | None]:
    """Rows per second (the recent pace, else the average since the session started
    running) and the seconds still needed at that pace."""
    if status is not SessionStatus.RUNNING or running_since is None or counters.done <= 0:
        return {"rows_per_second": None, "eta_seconds": None}
    elapsed = (now - running_since).total_seconds()
    if elapsed <= 0 and recent is None:
        return {"rows_per_second": None, "eta_seconds": None}
    rate = recent if recent is not None else counters.done / elapsed
    remaining = max(counters.total - counters.done, 0)
    return {"rows_per_second": round(rate, 2), "eta_seconds": round(remaining / rate, 1)}
