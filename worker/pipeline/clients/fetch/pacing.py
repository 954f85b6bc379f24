"""How soon the next request to a host may start, from how the host has been answering.

A well-behaved crawler sends no fixed spacing to a host that answers well; it backs off
when the host says it is overloaded and when its answers slow down:

- 429 and 503: no request to the host before its `Retry-After`, or, without one, a pause
  that doubles with each such answer in a row (`first_backoff_s`, up to `longest_s`);
- an answer that took `slow_answer_s` or more (or never came): requests to the host go
  one after the other, each that long after the previous one started, until it answers
  quickly again (the latency-matching rule of adaptive crawlers).

Kept per worker process. A host that answers well has no entry, so the cost is one
dict look-up per request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

_OVERLOADED = {429, 503}
_FORGET_AFTER_S = 300.0
_MOST_ENTRIES = 10_000


class HostPaused(Exception):
    """The host asked for a pause longer than a request may wait."""

    def __init__(self, host: str, seconds: float) -> None:
        super().__init__(f"{host} asked to wait {seconds:.0f} s before the next request")
        self.host = host
        self.seconds = seconds


@dataclass
class _Pace:
    not_before: float = 0.0
    spacing: float = 0.0
    strikes: int = 0


class HostPacing:
    def __init__(
        self,
        slow_answer_s: float,
        first_backoff_s: float,
        longest_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._slow = slow_answer_s
        self._first = first_backoff_s
        self._longest = longest_s
        self._clock = clock
        self._paces: dict[str, _Pace] = {}

    def delay(self, host: str, max_wait_s: float) -> float:
        """Seconds until a request to `host` may start; the start is reserved, so
        requests that wait together still start `spacing` apart. Raises HostPaused when
        that is more than `max_wait_s`."""
        pace = self._paces.get(host)
        if pace is None:
            return 0.0
        now = self._clock()
        start = max(now, pace.not_before)
        if start - now > max_wait_s:
            raise HostPaused(host, start - now)
        pace.not_before = start + pace.spacing
        return start - now

    def answered(
        self, host: str, status: int | None, elapsed_s: float, retry_after_s: float | None = None
    ) -> None:
        """What a request to `host` met: its status (None: no answer) and how long it took."""
        now = self._clock()
        pace = self._paces.get(host)
        if status in _OVERLOADED:
            pace = pace or self._new(host, now)
            pace.strikes += 1
            pause = retry_after_s
            if pause is None:
                pause = min(self._first * 2 ** (pace.strikes - 1), self._longest)
            pace.not_before = max(pace.not_before, now + pause)
            return
        if elapsed_s >= self._slow:
            pace = pace or self._new(host, now)
            pace.strikes = 0
            pace.spacing = min(elapsed_s, self._longest)
        elif pace is not None:
            pace.strikes = 0
            pace.spacing = 0.0
            if pace.not_before <= now:
                del self._paces[host]

    def paced_hosts(self) -> int:
        return len(self._paces)

    def _new(self, host: str, now: float) -> _Pace:
        if len(self._paces) >= _MOST_ENTRIES:
            stale = [h for h, p in self._paces.items() if p.not_before < now - _FORGET_AFTER_S]
            for name in stale:
                del self._paces[name]
        pace = self._paces[host] = _Pace(not_before=now)
        return pace
