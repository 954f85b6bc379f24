"""Politeness toward website hosts: a number of requests in flight per host for the whole
deployment, back-off when a host is overloaded or slow (pacing.py), and, when set, a
request rate per host.

Both are shared budgets keyed by host (`shared/budget/`): whichever worker fetches from a
host takes a unit of that host's window and holds one of its slots, so N workers together
start at most `rate.limit` requests to it per window and have at most `in_flight.limit`
open at once, as one worker would. A semaphore per host in this process comes first, so
the requests of one worker wait their turn here instead of polling the broker; entries
disappear when a host has no users left. With `in_flight_shared` off, that semaphore is
the only cap on requests in flight (per process), and a new host costs the broker one
queue instead of two. Pacing comes before the shared slot, so a host's pause is waited
out without holding a slot of the deployment.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from shared.budget.protocol import Budget, Slots, Window
from shared.budget.waiting import hold, take
from worker.pipeline.clients.fetch.pacing import HostPacing


@dataclass
class _Host:
    semaphore: asyncio.Semaphore
    users: int = 0


class HostGate:
    def __init__(
        self,
        budget: Budget,
        rate: Window | None,
        in_flight: Slots,
        max_wait_s: float,
        in_flight_shared: bool = True,
        pacing: HostPacing | None = None,
        pause_max_wait_s: float | None = None,
    ) -> None:
        """`rate` None: no fixed rate, only the requests in flight and the pacing (none:
        no back-off). `pause_max_wait_s`: the longest a request waits out a host's
        back-off (none: `max_wait_s`)."""
        self._budget = budget
        self._rate = rate
        self._in_flight = in_flight
        self._max_wait = max_wait_s
        self._in_flight_shared = in_flight_shared
        self._hosts: dict[str, _Host] = {}
        self._pacing = pacing
        self._pause_wait = max_wait_s if pause_max_wait_s is None else pause_max_wait_s

    @asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[float]:
        """Hold a place for one request to `host`; yields the seconds spent waiting for it.

        The request must be done within the slots' lease. Raises `BudgetUnavailable` when
        the host's budgets gave no place within the longest wait (or could not be reached
        for that long), `HostPaused` when the host asked for a longer pause than that.
        """
        loop = asyncio.get_running_loop()
        started = loop.time()
        entry = self._hosts.get(host)
        if entry is None:
            entry = self._hosts[host] = _Host(asyncio.Semaphore(self._in_flight.limit))
        entry.users += 1
        try:
            async with entry.semaphore:
                if self._pacing is not None:
                    left = self._max_wait - (loop.time() - started)
                    pause = self._pacing.delay(host, min(left, self._pause_wait))
                    if pause > 0:
                        await asyncio.sleep(pause)
                # The slot first: a unit of the rate taken while waiting for a slot would
                # be spent on nothing.
                lease = None
                if self._in_flight_shared:
                    lease, _ = await hold(self._budget, self._in_flight, host, self._max_wait)
                try:
                    if self._rate is not None:
                        await take(self._budget, self._rate, host, self._max_wait)
                    yield loop.time() - started
                finally:
                    if lease is not None:
                        await lease.release()
        finally:
            entry.users -= 1
            if entry.users == 0:
                self._hosts.pop(host, None)

    def answered(
        self, host: str, status: int | None, elapsed_s: float, retry_after_s: float | None = None
    ) -> None:
        """How a request to `host` went (status None: no answer), for the host's pacing."""
        if self._pacing is not None:
            self._pacing.answered(host, status, elapsed_s, retry_after_s)

    def active_hosts(self) -> int:
        return len(self._hosts)
