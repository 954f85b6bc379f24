"""A running session's counter sums, stored so a reader that holds nothing starts from them.

A running session's counters are the sum of its chunk summaries (5,000 for a million
rows). A reader keeps the sums of the summaries it holds from chunk 0 on without a gap
(shared/chunk_summaries.py), but a process that just started holds nothing and would read every
summary. `running_sums.json` in the session's folder stores such sums: the chunks
0..count-1, their counters and usage, and the last summary key they cover. It is derived
data: every version any reader writes is the sum of a prefix of summaries that never
change once written, so any version is correct, and none has to win over another.

A retry round k stores its own, `retries/<k>/running_sums.json`: the session's sums with
the round's first `count` planned chunks at their round-k version and every other chunk as
it was before the round (shared/round_summaries.py), under the round's plan. Sums are
used only under the plan they were summed under (the plan's ETag): a retry round's state
never reads round 0's sums, and a session deleted and written again under its id has a
new plan. A snapshot written
while the session was being deleted is removed by its writer (the manifest is checked
after the write, as workers do in worker/deleted.py).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import structlog

from shared.layout import SessionKeys
from shared.models import Counters, Record
from shared.storage.protocol import ObjectStore
from shared.usage import Usage

log = structlog.get_logger()
_NEVER = float("-inf")
# Sessions whose stored sums a process remembers.
_REMEMBERED = 10_000


class RunningSums(Record):
    """`running_sums.json`: the sums of the run's first `count` planned chunks' summaries
    (the session's own run: chunks 0..count-1)."""

    # The ETag of the plan.json these chunks belong to.
    plan_etag: str
    count: int
    # The key of the last covered chunk's summary: listings continue after it.
    last_key: str
    counters: Counters
    usage: Usage
    written_at: datetime

    def fits(self, keys: SessionKeys, plan_etag: str, order: Sequence[int] | None = None) -> bool:
        """Sums of this run's current plan, naming the chunks they cover; `order`: a retry
        round's planned chunks in key order (the session's own run: 0, 1, 2...)."""
        if keys.round != 0 and order is None:
            return False
        if self.plan_etag != plan_etag or self.count <= 0:
            return False
        if order is not None and self.count > len(order):
            return False
        last = order[self.count - 1] if order is not None else self.count - 1
        return self.last_key == keys.chunk_done(last)


def running_sums_key(keys: SessionKeys) -> str:
    """At the top of the run's folder: for the session's own run, the listing that reads
    a state tells whether it exists (no read of a missing object)."""
    return keys.run_prefix + "running_sums.json"


class SumsWriter:
    """Writes a session's sums in the background, after the read that computed them was
    answered: at most once per `every` chunks and `interval` seconds per session, one
    write at a time per session and at most `concurrency` at a time in all; a write that
    fails is logged and tried again later."""

    def __init__(
        self,
        store: ObjectStore,
        *,
        every: int = 100,
        interval: float = 10.0,
        concurrency: int = 2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._every = every
        self._interval = interval
        self._gate = asyncio.Semaphore(concurrency)
        self._clock = clock
        # Sums key (one per run) -> (chunks the stored sums cover as far as known, when
        # written).
        self._written: dict[str, tuple[int, float]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def known(self, keys: SessionKeys, count: int) -> None:
        """Stored sums covering `count` chunks were read: no need to write fewer."""
        prefix = running_sums_key(keys)
        covered, at = self._written.get(prefix, (0, _NEVER))
        self._written[prefix] = (max(covered, count), at)

    def offer(self, keys: SessionKeys, sums: RunningSums) -> None:
        prefix = running_sums_key(keys)
        covered, at = self._written.get(prefix, (0, _NEVER))
        now = self._clock()
        if sums.count - covered < self._every or now - at < self._interval:
            return
        if self._gate.locked():
            return  # busy: a later read offers newer sums
        if len(self._written) >= _REMEMBERED:
            self._written.clear()  # at worst, sums stored once more than needed
        # Taken now, so reads until the write ends do not start another.
        self._written[prefix] = (sums.count, now)
        task = asyncio.create_task(self._write(keys, sums, covered, at))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _write(self, keys: SessionKeys, sums: RunningSums, covered: int, at: float) -> None:
        async with self._gate:
            key = running_sums_key(keys)
            try:
                await self._store.put_model(key, sums)
                if await self._store.stat(keys.session.manifest) is None:
                    # Deleted meanwhile: its deletion's listing may have missed this write.
                    await self._store.delete(key)
            except Exception as exc:
                self._written[key] = (covered, at)
                log.warning("session.sums_not_written", session_id=keys.session_id, error=str(exc))

    async def drain(self) -> None:
        """Wait for the writes under way (tests, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def forget(self, keys: SessionKeys) -> None:
        """Forget every run of the session."""
        for key in [k for k in self._written if k.startswith(keys.session.prefix)]:
            del self._written[key]


def sums_now(
    keys: SessionKeys,
    plan_etag: str,
    count: int,
    counters: Counters,
    usage: Usage,
    last_chunk: int | None = None,
) -> RunningSums:
    """`last_chunk`: the last covered chunk (the session's own run: count - 1)."""
    return RunningSums(
        plan_etag=plan_etag,
        count=count,
        last_key=keys.chunk_done(count - 1 if last_chunk is None else last_chunk),
        counters=counters,
        usage=usage,
        written_at=datetime.now(UTC),
    )
