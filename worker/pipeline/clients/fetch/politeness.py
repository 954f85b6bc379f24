"""Politeness toward website hosts: a request rate for the whole deployment, and a cap on
requests in flight from this process.

The rate is a shared budget per host (`shared/budget/`): whichever worker fetches from a
host takes a unit of that host's window, so N workers together start at most
`window.limit` requests to it per window, as one would. The cap on requests in flight is
a semaphore per host in this process; entries disappear when a host has no users left.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from shared.budget.protocol import Budget, Window
from shared.budget.waiting import take


@dataclass
class _Host:
    semaphore: asyncio.Semaphore
    users: int = 0


class HostGate:
    def __init__(
        self, budget: Budget, window: Window | None, concurrency: int, max_wait_s: float
    ) -> None:
        """`window` None: no rate limit (tests, benchmarks), only the cap in flight."""
        self._budget = budget
        self._window = window
        self._concurrency = max(1, concurrency)
        self._max_wait = max_wait_s
        self._hosts: dict[str, _Host] = {}

    @asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[float]:
        """Hold a place for one request to `host`; yields the seconds spent waiting for it.

        Raises `BudgetUnavailable` when the host's budget gave no unit within the longest
        wait (or could not be reached for that long).
        """
        loop = asyncio.get_running_loop()
        started = loop.time()
        entry = self._hosts.get(host)
        if entry is None:
            entry = self._hosts[host] = _Host(asyncio.Semaphore(self._concurrency))
        entry.users += 1
        try:
            async with entry.semaphore:
                if self._window is not None:
                    await take(self._budget, self._window, host, self._max_wait)
                yield loop.time() - started
        finally:
            entry.users -= 1
            if entry.users == 0:
                self._hosts.pop(host, None)

    def active_hosts(self) -> int:
        return len(self._hosts)
