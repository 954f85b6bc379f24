"""A sliding-window limiter: at most `calls` starts in any `period` seconds.

One instance per worker process is shared by every session, because HubSpot counts
requests per account, not per session.
"""

from __future__ import annotations

import asyncio
from collections import deque


class RateLimiter:
    def __init__(self, calls: int, period_s: float) -> None:
        self._calls = max(1, calls)
        self._period = period_s
        self._starts: deque[float] = deque()
        self._resume_at = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._lock:
            while True:
                now = loop.time()
                if now < self._resume_at:
                    await asyncio.sleep(self._resume_at - now)
                    continue
                while self._starts and now - self._starts[0] >= self._period:
                    self._starts.popleft()
                if len(self._starts) < self._calls:
                    self._starts.append(now)
                    return
                await asyncio.sleep(self._period - (now - self._starts[0]))

    def pause(self, seconds: float) -> None:
        """After a 429, hold every caller back for the server's Retry-After."""
        resume_at = asyncio.get_running_loop().time() + seconds
        self._resume_at = max(self._resume_at, resume_at)
