"""The in-memory twin of a budget store: every budget in this process's memory.

One instance stands for one broker: the simulated processes of a test share it. A worker
built without a shared budget gets its own, which limits that process alone. Like the
broker's queues, each budget key is a FIFO of grant times: expired entries drop from the
head, and a release removes the oldest live entry, whoever it was granted to.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable

from shared.budget.protocol import RELEASE_MARGIN_S, BudgetUnavailable, Lease, Slots, Window

# Past this many keys, those whose entries have all expired are forgotten; the bound then
# doubles with the keys still live, so pruning stays rare while many keys are in use.
_PRUNE_AT = 1024


class MemoryBudget:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._queues: dict[tuple[Window | Slots, str], deque[float]] = {}
        self._prune_at = _PRUNE_AT
        # Tests switch this off to stand for a broker that does not answer.
        self.available = True

    async def try_take(self, window: Window, key: str) -> bool:
        await asyncio.sleep(0)
        return self._enqueue(window, key, window.limit, window.hold_s) is not None

    async def try_hold(self, slots: Slots, key: str) -> Lease | None:
        await asyncio.sleep(0)
        granted = self._enqueue(slots, key, slots.limit, slots.lease_s)
        return None if granted is None else _MemoryLease(self, slots, key, granted)

    def _enqueue(self, budget: Window | Slots, key: str, limit: int, ttl: float) -> float | None:
        if not self.available:
            raise BudgetUnavailable("the in-memory budget store is down")
        now = self._clock()
        entries = self._live(budget, key, ttl, now)
        if len(entries) >= limit:
            return None
        entries.append(now)
        if len(self._queues) > self._prune_at:
            self._prune(now)
        return now

    def _live(self, budget: Window | Slots, key: str, ttl: float, now: float) -> deque[float]:
        entries = self._queues.setdefault((budget, key), deque())
        while entries and now - entries[0] >= ttl:
            entries.popleft()
        return entries

    def release(self, slots: Slots, key: str, granted: float) -> None:
        now = self._clock()
        if not self.available or now - granted >= slots.lease_s - RELEASE_MARGIN_S:
            return
        entries = self._live(slots, key, slots.lease_s, now)
        if entries:
            entries.popleft()

    def _prune(self, now: float) -> None:
        def ttl(budget: Window | Slots) -> float:
            return budget.hold_s if isinstance(budget, Window) else budget.lease_s

        self._queues = {
            (budget, key): entries
            for (budget, key), entries in self._queues.items()
            if entries and now - entries[-1] < ttl(budget)
        }
        self._prune_at = max(_PRUNE_AT, 2 * len(self._queues))


class _MemoryLease:
    def __init__(self, store: MemoryBudget, slots: Slots, key: str, granted: float) -> None:
        self._store = store
        self._slots = slots
        self._key = key
        self._granted = granted
        self._released = False

    async def release(self) -> None:
        await asyncio.sleep(0)
        if not self._released:
            self._released = True
            self._store.release(self._slots, self._key, self._granted)
