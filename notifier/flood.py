"""How many messages a client may send: a token bucket per connection.

Every frame costs one token; tokens come back at a steady rate up to a burst. A client
that runs out is flooding: it is closed instead of being read, queued for or answered.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class MessageBudget:
    def __init__(
        self, per_second: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._rate = per_second
        self._burst = float(burst)
        self._tokens = float(burst)
        self._clock = clock
        self._last = clock()

    def spend(self) -> bool:
        """Take one token; False when none is left."""
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._last) * self._rate)
        self._last = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True
