"""Reading a large session during a retry round, from a reader that just started.

Starts a private SeaweedFS and stores one finished session with `--chunks` chunk
summaries (a million-row session holds 5,000), then retry round 1 planned over every
chunk, `--done` of them stored by the round. Times the first read of fresh readers, as
`GET /api/sessions/{id}` of a gateway that just started reads it, median of `--runs`,
alternating:

- every chunk: each chunk's latest version read and summed (the reader before the
  round's stored sums: one request per chunk);
- round sums: the final status before the round plus what the round's chunks changed,
  starting from the round's stored sums (`retries/0001/running_sums.json`, stored by a
  reader first, as the gateway does), so only the summaries after them are read, with the
  versions they replace (shared/round_summaries.py).

Both readers must agree on every counter. Prints medians, the ratio, summaries read
and the load average.

    .venv/bin/python bench/retry_reads.py [--chunks 5000] [--done 4000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.session_reads import CHUNK_ROWS, TENANT, finish
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import ChunkSummary, Counters, FinalStatus, Plan
from shared.retry import RetryPlan, RetryRequest, chunk_rounds
from shared.round_summaries import RoundRun, RoundSummaries
from shared.running_sums import SumsWriter, running_sums_key
from shared.status import SessionState, SessionStateReader
from shared.storage.s3 import MinioStore
from shared.usage import Usage
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, SeaweedFS
from tests.worker.sessions import make_rows, seed_session


class CountingStore(MinioStore):
    summaries_read = 0

    async def get_bytes(self, key: str) -> bytes:
        if "/chunks/done/" in key:
            self.summaries_read += 1
        return await super().get_bytes(key)


class EveryChunk(RoundSummaries):
    """The round's counters as they were read: every chunk's latest version summed."""

    async def totals(self, run: RoundRun, final: FinalStatus) -> tuple[int, Counters, Usage]:
        keys = run.keys.session
        plan = await self._store.get_model(keys.plan, Plan)
        rounds = await chunk_rounds(self._store, keys)
        summaries = await asyncio.gather(
            *(
                self._summaries.summary(keys.in_round(rounds.get(n, 0)).chunk_done(n))
                for n in range(plan.chunk_count)
            )
        )
        done = sum(1 for n in run.chunks if rounds.get(n) == run.keys.round)
        counters = sum((s.counters for s in summaries), Counters())
        return done, counters, sum((s.usage for s in summaries), Usage())


async def seed(store: MinioStore, chunks: int, done: int) -> SessionKeys:
    keys = await seed_session(store, TENANT, uuid.uuid4().hex, make_rows(2))
    now = datetime.now(UTC)
    plan = Plan(
        session_id=keys.session_id, total_rows=chunks * CHUNK_ROWS, chunk_size=CHUNK_ROWS,
        chunk_count=chunks, planned_at=now,
    )  # fmt: skip
    await store.put_model(keys.plan, plan)
    await finish(store, keys, list(range(chunks)))
    final = FinalStatus(
        status=SessionStatus.COMPLETED,
        counters=Counters(total=chunks * CHUNK_ROWS, done=chunks * CHUNK_ROWS),
        finished_at=now,
    )
    await store.put_model(keys.final_status, final)
    request = RetryRequest(round=1, statuses=["failed"], requested_at=now)
    await store.put_model(keys.retry_request(1), request)
    round_keys = keys.in_round(1)
    everything = list(range(chunks))
    retry_plan = RetryPlan(round=1, chunks=everything, rows=chunks, planned_at=now)
    await store.put_model(round_keys.plan, retry_plan)
    gate = asyncio.Semaphore(32)

    async def redo(n: int) -> None:
        summary = ChunkSummary(
            chunk=n, counters=Counters(done=CHUNK_ROWS - 1, failed=1), started_at=now,
            finished_at=now, usage=Usage(fetches=1),
        )  # fmt: skip
        async with gate:
            await store.put_model(round_keys.chunk_done(n), summary)

    await asyncio.gather(*(redo(n) for n in range(done)))
    return keys


def every_chunk_reader(store: MinioStore) -> SessionStateReader:
    reader = SessionStateReader(store)
    reader.rounds = EveryChunk(store, reader._contents, reader.summaries)
    return reader


async def timed(
    store: CountingStore, reader: SessionStateReader, keys: SessionKeys
) -> tuple[float, SessionState]:
    began = time.monotonic()
    state = await reader.read(TENANT, keys.session_id)
    return (time.monotonic() - began) * 1000, state


async def measure(args: argparse.Namespace, endpoint: str) -> None:
    store = CountingStore(endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, "bench")
    await store.ensure_bucket()
    keys = await seed(store, args.chunks, args.done)
    writer = SessionStateReader(store, sums=SumsWriter(store))
    await writer.read(TENANT, keys.session_id)
    await writer.settle()
    if await store.stat(running_sums_key(keys.in_round(1))) is None:
        raise RuntimeError("no round sums stored")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    timings: dict[str, list[float]] = {"every chunk": [], "round sums": []}
    read: dict[str, int] = {}
    for _ in range(args.runs):
        states = []
        for name, make in (("every chunk", every_chunk_reader), ("round sums", SessionStateReader)):
            store.summaries_read = 0
            took, state = await timed(store, make(store), keys)
            timings[name].append(took)
            read[name] = store.summaries_read
            states.append(state)
        if states[0] != states[1]:
            raise RuntimeError(f"readers disagree: {states[0].counters} / {states[1].counters}")
    median = {name: statistics.median(values) for name, values in timings.items()}
    for name in timings:
        print(f"{name:11s}: first read of a session in a retry round ({args.chunks} chunks, "
              f"{args.done} redone), median of {args.runs}: {median[name]:.0f} ms, "
              f"summaries read {read[name]}")  # fmt: skip
    print(f"round sums {median['every chunk'] / median['round sums']:.1f}x faster (same run)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=5000)
    parser.add_argument("--done", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-retry-reads-") as folder:
        seaweed = SeaweedFS(Path(folder) / "s3")
        seaweed.start()
        try:
            asyncio.run(measure(args, seaweed.endpoint))
        finally:
            seaweed.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
