"""The pace of a session over the last minute, for its rows/s and ETA.

The average since the session started running answers slowly to change: workers added
or stopped, a run of slow sites, a stall. The recent pace follows them; the average is
only the fallback while too little progress has been seen (a fresh replica, a new run).
"""

from __future__ import annotations

from collections import deque
from datetime import datetime


class RecentRate:
    def __init__(self, window_s: float = 60.0, min_span_s: float = 10.0) -> None:
        self._window = window_s
        self._min_span = min_span_s
        self._samples: deque[tuple[datetime, int]] = deque()

    def observe(self, at: datetime, done: int) -> None:
        if self._samples and self._samples[-1][1] == done:
            return
        self._samples.append((at, done))
        # Keep one sample at or before the window's start, so the span covers the window.
        while len(self._samples) > 1 and (at - self._samples[1][0]).total_seconds() >= self._window:
            self._samples.popleft()

    def rows_per_second(self, at: datetime, done: int) -> float | None:
        """Rows per second from the oldest sample in the window to `at`; None when the
        samples span too little time to tell."""
        if not self._samples:
            return None
        since, done_then = self._samples[0]
        span = (at - since).total_seconds()
        if span < self._min_span or done <= done_then:
            return None
        return (done - done_then) / span
