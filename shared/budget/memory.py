"""The in-memory twin of a budget store: every window in this process's memory.

One instance stands for one broker: the simulated processes of a test share it. A worker
built without a shared budget gets its own, which limits that process alone.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable

from shared.budget.protocol import BudgetUnavailable, Window

# Past this many keys, those whose units have all freed are forgotten.
_PRUNE_AT = 1024


class MemoryBudget:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._taken: dict[tuple[Window, str], deque[float]] = {}
        # Tests switch this off to stand for a broker that does not answer.
        self.available = True

    async def try_take(self, window: Window, key: str) -> bool:
        await asyncio.sleep(0)
        if not self.available:
            raise BudgetUnavailable("the in-memory budget store is down")
        now = self._clock()
        taken = self._taken.setdefault((window, key), deque())
        while taken and now - taken[0] >= window.hold_s:
            taken.popleft()
        if len(taken) >= window.limit:
            return False
        taken.append(now)
        if len(self._taken) > _PRUNE_AT:
            self._prune(now)
        return True

    def _prune(self, now: float) -> None:
        self._taken = {
            (window, key): taken
            for (window, key), taken in self._taken.items()
            if taken and now - taken[-1] < window.hold_s
        }
