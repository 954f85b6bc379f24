"""Per-host politeness: at most N requests in flight and a minimum gap between starts.

Shared by every chunk of the worker process, so two sessions listing the same company
do not hammer its site; entries disappear when a host has no users left.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Host:
    semaphore: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_start: float = float("-inf")
    users: int = 0


class HostGate:
    def __init__(self, concurrency: int, min_interval_s: float) -> None:
        self._concurrency = max(1, concurrency)
        self._interval = max(0.0, min_interval_s)
        self._hosts: dict[str, _Host] = {}
        # Last start of hosts nobody uses right now, kept only while it still matters.
        self._recent: dict[str, float] = {}

    @asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[None]:
        entry = self._hosts.get(host)
        if entry is None:
            entry = self._hosts[host] = _Host(asyncio.Semaphore(self._concurrency))
            entry.last_start = self._recent.pop(host, float("-inf"))
        entry.users += 1
        try:
            async with entry.semaphore:
                await self._space_out(entry)
                yield
        finally:
            entry.users -= 1
            if entry.users == 0:
                self._hosts.pop(host, None)
                self._remember(host, entry.last_start)

    def _remember(self, host: str, last_start: float) -> None:
        if self._interval == 0:
            return
        now = asyncio.get_running_loop().time()
        self._recent[host] = last_start
        if len(self._recent) > 1024:
            self._recent = {h: t for h, t in self._recent.items() if now - t < self._interval}

    async def _space_out(self, entry: _Host) -> None:
        if self._interval == 0:
            return
        loop = asyncio.get_running_loop()
        async with entry.lock:
            delay = entry.last_start + self._interval - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            entry.last_start = loop.time()

    def active_hosts(self) -> int:
        return len(self._hosts)
