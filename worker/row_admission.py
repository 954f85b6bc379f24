"""Rows start while the worker keeps up: a cap on rows in flight, and no new row while the
process's event loop runs late.

A row mostly waits on websites, so a worker holds many at once; but each also needs a few
milliseconds of CPU per page, and on a machine short of CPU a worker that starts every
row it may hold makes all of them slow, until their pages time out. How late the loop
wakes a short sleep is what every row in flight waits on top of its sites: while it is
later than `max_lag_s`, new rows wait, the rows in flight finish first; once the loop
keeps up again the waiting rows start one per probe, and all at once when it has been on
time for a few probes in a row.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

PROBE_S = 0.05
# Probes on time in a row after which waiting rows no longer start one by one.
_SETTLED = 4


class RowAdmission:
    def __init__(self, concurrency: int, max_lag_s: float, probe_s: float = PROBE_S) -> None:
        self._slots = asyncio.Semaphore(concurrency)
        self._max_lag = max_lag_s
        self._probe_s = probe_s
        self._lag = 0.0
        self._users = 0
        self._probe: asyncio.Task[None] | None = None
        self._late = asyncio.Lock()
        self._punctual = asyncio.Event()
        self._punctual.set()
        self._on_time_probes = _SETTLED

    @property
    def lag_s(self) -> float:
        """How late the loop last woke the probe, in seconds."""
        return self._lag

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Held for the whole row: one of the rows in flight, started on time."""
        self._users += 1
        self._watch()
        try:
            async with self._slots:
                await self._on_time()
                yield
        finally:
            self._users -= 1

    async def _on_time(self) -> None:
        if self._lag <= self._max_lag:
            return
        async with self._late:  # a late loop lets waiting rows in one at a time
            await self._punctual.wait()
            if self._on_time_probes < _SETTLED:
                # One probe before the next waiting row: the row just started shows in the lag.
                await asyncio.sleep(self._probe_s)

    def _watch(self) -> None:
        if self._probe is None or self._probe.done():
            self._probe = asyncio.get_running_loop().create_task(self._measure())

    async def _measure(self) -> None:
        """Runs while rows wait or are in flight; an idle worker keeps no timer."""
        loop = asyncio.get_running_loop()
        while self._users > 0:
            asked = loop.time()
            await asyncio.sleep(self._probe_s)
            self._lag = max(0.0, loop.time() - asked - self._probe_s)
            if self._lag > self._max_lag:
                self._on_time_probes = 0
                self._punctual.clear()
            else:
                self._on_time_probes += 1
                self._punctual.set()
        self._lag = 0.0
        self._on_time_probes = _SETTLED
        self._punctual.set()
