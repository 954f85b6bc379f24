"""One session's live state: the stored snapshot plus the events seen since.

Chunk progress is cumulative per chunk, so the newest report of a chunk (by the time its
worker stamped on it) replaces the previous one and the session's counters are the sum over
chunks; a report that arrives after a newer one of its chunk is stale and ignored. A chunk
whose summary is stored counts with the stored (final) counters; live reports of it are
ignored. That rule makes merging a fresh storage read with live events free of double
counting, in any order.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from notifier.rate import RecentRate
from shared.lifecycle import SessionStatus, advance
from shared.messages import ChunkProgress, RowsFinished, SessionStatusChanged
from shared.models import ChunkSummary, Counters
from shared.status import SessionState

# (tenant, session_id): every index of sessions is per tenant, so tenants never mix.
SessionKey = tuple[str, str]
FIELDS: tuple[str, ...] = tuple(Counters.model_fields)
_ZERO: tuple[int, ...] = (0,) * len(FIELDS)


def _vector(counters: Counters) -> tuple[int, ...]:
    return tuple(getattr(counters, name) for name in FIELDS)


class LiveSession:
    def __init__(self, tenant: str, session_id: str) -> None:
        self.tenant = tenant
        self.session_id = session_id
        self.base: SessionState | None = None
        self._stored: dict[int, tuple[int, ...]] = {}
        self._live: dict[int, tuple[int, ...]] = {}
        self._live_at: dict[int, datetime] = {}
        self._finished: set[int] = set()
        self._sum: list[int] = list(_ZERO)
        self._status: SessionStatus | None = None
        self._status_at: dict[SessionStatus, datetime] = {}
        self._final: SessionStatusChanged | None = None
        self._total: int | None = None
        self._chunk_count: int | None = None
        self._pace = RecentRate()

    # --- input --------------------------------------------------------------------

    def apply(self, event: SessionStatusChanged | ChunkProgress | RowsFinished) -> None:
        if isinstance(event, ChunkProgress):
            self._apply_progress(event)
        elif isinstance(event, SessionStatusChanged):
            self._apply_status(event)

    def _apply_progress(self, event: ChunkProgress) -> None:
        if event.finished:
            self._finished.add(event.chunk)
        if event.chunk in self._stored:
            return
        newest = self._live_at.get(event.chunk)
        if newest is not None and event.at < newest:
            return
        self._replace(self._live.get(event.chunk, _ZERO), _vector(event.counters))
        self._live[event.chunk] = _vector(event.counters)
        self._live_at[event.chunk] = event.at

    def _apply_status(self, event: SessionStatusChanged) -> None:
        self._status_at.setdefault(event.status, event.at)
        self._status = advance(self._status, event.status)
        if event.total_rows is not None:
            self._total = event.total_rows
        if event.chunk_count is not None:
            self._chunk_count = event.chunk_count
        if event.status.is_final:
            self._final = event

    def merge_storage(self, state: SessionState, summaries: list[ChunkSummary]) -> None:
        """Take a fresh storage read; stored chunk summaries replace live reports."""
        self.base = state
        for summary in summaries:
            new = _vector(summary.counters)
            old = self._stored.get(summary.chunk, self._live.get(summary.chunk, _ZERO))
            self._replace(old, new)
            self._stored[summary.chunk] = new
            self._live.pop(summary.chunk, None)
            self._live_at.pop(summary.chunk, None)

    def _replace(self, old: tuple[int, ...], new: tuple[int, ...]) -> None:
        for index, (before, after) in enumerate(zip(old, new, strict=True)):
            self._sum[index] += after - before

    # --- output -------------------------------------------------------------------

    @property
    def is_final(self) -> bool:
        return self.status.is_final

    @property
    def status(self) -> SessionStatus:
        stored = self.base.status if self.base is not None else SessionStatus.CREATED
        if stored.is_final or self._status is None:
            return stored
        return advance(stored, self._status)

    def counters(self) -> Counters:
        if self.base is not None and self.base.finalized:
            return self.base.counters
        if self._final is not None and self._final.counters is not None:
            return self._final.counters
        values = dict(zip(FIELDS, self._sum, strict=True))
        values["total"] = self._session_total()
        return Counters(**values)

    def _session_total(self) -> int:
        if self._total is not None:
            return self._total
        return self.base.counters.total if self.base is not None else 0

    def chunks_done(self) -> int:
        return len(self._stored.keys() | self._finished)

    def chunk_count(self) -> int | None:
        stored = self.base.chunk_count if self.base is not None else None
        return stored if stored is not None else self._chunk_count

    def state(self) -> SessionState:
        """The merged state; only valid once storage was read (`base` is set)."""
        if self.base is None:
            raise RuntimeError("session state was never read from storage")
        base = self.base
        final = self._final
        return base.model_copy(
            update={
                "status": self.status,
                "counters": self.counters(),
                "chunk_count": self.chunk_count(),
                "chunks_done": max(base.chunks_done, self.chunks_done()),
                "started_at": base.started_at or self._status_at.get(SessionStatus.QUEUED),
                "running_since": base.running_since or self._status_at.get(SessionStatus.RUNNING),
                "finished_at": base.finished_at or (final.at if final else None),
                "reason": base.reason or (final.reason if final else None),
                "finalized": base.finalized or final is not None,
            }
        )

    @property
    def finalized(self) -> bool:
        """The final status and counters are known; nothing about the session changes after."""
        return (self.base is not None and self.base.finalized) or self._final is not None

    def fingerprint(self) -> tuple[object, ...]:
        """What a snapshot shows of the session's progress; equal means nothing new."""
        counters = _vector(self.counters())
        return (self.status, self.finalized, counters, self.chunks_done(), self.chunk_count())

    def running_since(self) -> datetime | None:
        stored = self.base.running_since if self.base is not None else None
        return stored or self._status_at.get(SessionStatus.RUNNING)

    def progress(self, now: datetime) -> dict[str, Any]:
        """The compact live figures sent with every status and progress event."""
        counters = self.counters()
        status = self.status
        self._pace.observe(now, counters.done)
        return {
            "status": status.value,
            "counters": counters.model_dump(),
            "chunk_count": self.chunk_count(),
            "chunks_done": self.chunks_done(),
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
