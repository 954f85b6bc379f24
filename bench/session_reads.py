"""Reading sessions while a large one runs: the session list's reads, against storage.

Starts a private SeaweedFS and stores `--sessions` sessions of one tenant: one running with
`--chunks` stored chunk summaries (a million-row session holds 5,000) and the others
completed, a tenth of them with a person's change (a session mark); with `--created`, the
others uploaded and never started (as in bench/million_rows.py's list). Then reads the list as
the gateway's `GET /api/sessions` does (one listing of the tenant's sessions, then every
session's state at once) with three readers, each warmed by one read:

- all summaries: every read lists all of the running session's chunk summaries (cached
  summaries are not read again) and sums them all;
- every state: a read lists only the summaries after those its reader holds from chunk 0
  on, whose sums it keeps, and reads every finished session's state (three requests);
- settled kept: the same, with finished sessions' states kept between lists and
  validated by one listing of the tenant's session marks (`gateway/settled_states.py`);
- stored copy: the same, taking the tenant's stored copy of settled states
  (`settled_states.json`, gateway/settled_copy.py) on its first list, as the gateway does.

Between two lists `--new` more chunks finish, out of order, as they do while workers run.
Prints keys listed per list and the median ms of `--repeat` lists of each, the ratios,
and the first list of fresh readers (cold: nothing held) of the last three, median of
`--cold` runs: without the running session's stored sums (every summary read), and, in
the same run, once a reader has stored them as the gateway does (`running_sums.json`,
shared/running_sums.py), so a fresh reader lists only the summaries after them. Before
each cold list of a `stored copy` reader another reader lists once and stores the copy,
as any gateway serving lists does. With `--sessions 1` the cold read is that of the
running session alone, as `GET /api/sessions/{id}` reads it.

    .venv/bin/python bench/session_reads.py [--sessions 100] [--chunks 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gateway.settled_copy import SettledCopies
from gateway.settled_states import SessionMark, SettledStates
from shared.chunk_summaries import ChunkSummaries
from shared.layout import SessionKeys, session_mark_key, tenant_sessions_prefix
from shared.lifecycle import SessionStatus
from shared.models import ChunkSummary, Counters, FinalStatus, Plan
from shared.running_sums import SumsWriter, running_sums_key
from shared.status import SessionStateReader
from shared.storage.protocol import ObjectInfo
from shared.storage.s3 import MinioStore
from shared.usage import Usage
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, SeaweedFS
from tests.worker.sessions import make_rows, seed_session

TENANT = "bench"
CHUNK_ROWS = 200


class CountingStore(MinioStore):
    """Counts the keys that listings of chunk summaries answer."""

    listed_keys = 0

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        found = await super().list_objects(prefix, start_after)
        if prefix.endswith("chunks/done/"):
            self.listed_keys += len(found)
        return found


class FullListing(ChunkSummaries):
    """The summaries as they were read: each read lists every chunk summary, reads those
    it has not cached, and sums them all."""

    async def totals(self, keys: SessionKeys, etags: dict[str, str]) -> tuple[int, Counters, Usage]:
        listed = await self._store.list_objects(keys.chunk_done_prefix)
        missing = [info.key for info in listed if info.key not in self._summaries]
        loaded = await asyncio.gather(
            *(self._store.get_model(key, ChunkSummary) for key in missing)
        )
        self._summaries.update(zip(missing, loaded, strict=True))
        summaries = [self._summaries[info.key] for info in listed]
        counters = sum((s.counters for s in summaries), Counters())
        return len(summaries), counters, sum((s.usage for s in summaries), Usage())


class FullListingReader(SessionStateReader):
    """The reader as it was, listing every chunk summary on each read."""

    def __init__(self, store: MinioStore) -> None:
        super().__init__(store)
        self.summaries = FullListing(store, self._contents, 200_000)


async def finish(store: MinioStore, keys: SessionKeys, chunks: list[int]) -> None:
    now = datetime.now(UTC)
    gate = asyncio.Semaphore(32)

    async def one(n: int) -> None:
        summary = ChunkSummary(
            chunk=n, counters=Counters(done=CHUNK_ROWS), started_at=now, finished_at=now
        )
        async with gate:
            await store.put_model(keys.chunk_done(n), summary)

    await asyncio.gather(*(one(n) for n in chunks))


async def seed(
    store: MinioStore, sessions: int, chunks: int, created: bool
) -> tuple[SessionKeys, int]:
    """The running session's keys and its next chunk to finish."""
    now = datetime.now(UTC)
    rows = make_rows(2)
    for n in range(sessions - 1):
        keys = await seed_session(store, TENANT, uuid.uuid4().hex, rows)
        if created:  # uploaded, never started
            await store.delete(keys.start_marker)
            continue
        plan = Plan(
            session_id=keys.session_id, total_rows=2, chunk_size=CHUNK_ROWS, chunk_count=1,
            planned_at=now,
        )  # fmt: skip
        await store.put_model(keys.plan, plan)
        final = FinalStatus(
            status=SessionStatus.COMPLETED, counters=Counters(total=2, done=2), finished_at=now
        )
        await store.put_model(keys.final_status, final)
        if n % 10 == 0:
            mark = SessionMark(change="review", changed_at=now, nonce=uuid.uuid4().hex)
            await store.put_model(session_mark_key(TENANT, keys.session_id), mark)
    running = await seed_session(store, TENANT, uuid.uuid4().hex, rows)
    total = (chunks + 100) * CHUNK_ROWS
    plan = Plan(
        session_id=running.session_id, total_rows=total, chunk_size=CHUNK_ROWS,
        chunk_count=chunks + 100, planned_at=now,
    )  # fmt: skip
    await store.put_model(running.plan, plan)
    await finish(store, running, list(range(chunks)))
    return running, chunks


Reader = SessionStateReader | SettledStates


async def list_sessions(store: MinioStore, reader: Reader) -> int:
    """`GET /api/sessions`'s storage reads: the running session's chunks done."""
    ids = await store.list_children(tenant_sessions_prefix(TENANT))
    if isinstance(reader, SettledStates):
        marks = await reader.marks(TENANT, ids)
        found = await reader.read(TENANT, ids, marks)
        states = [state for state in found if state is not None]
    else:
        states = list(await asyncio.gather(*(reader.read(TENANT, sid) for sid in ids)))
    if len(states) != len(ids):
        raise RuntimeError(f"{len(states)} sessions read of {len(ids)}")
    return max(state.chunks_done for state in states)


def readers(store: MinioStore) -> dict[str, Reader]:
    return {
        "all summaries": FullListingReader(store),
        "every state": SessionStateReader(store),
        "settled kept": SettledStates(store, SessionStateReader(store)),
        "stored copy": SettledStates(store, SessionStateReader(store), copies=SettledCopies(store)),
    }


async def store_copy(store: MinioStore) -> None:
    """What a gateway serving lists does: the tenant's settled states, stored."""
    writer = SettledStates(store, SessionStateReader(store), copies=SettledCopies(store))
    await list_sessions(store, writer)
    await writer.settle()


async def cold(store: CountingStore, runs: int) -> dict[str, float]:
    """Median ms of the first list of fresh readers, alternating the three; keys listed by
    the last."""
    timings: dict[str, list[float]] = {"every state": [], "settled kept": [], "stored copy": []}
    for _ in range(runs):
        for name in timings:
            if name == "stored copy":
                await store_copy(store)
            reader = readers(store)[name]
            store.listed_keys = 0
            began = time.monotonic()
            await list_sessions(store, reader)
            timings[name].append((time.monotonic() - began) * 1000)
    found = {name: statistics.median(values) for name, values in timings.items()}
    found["keys"] = store.listed_keys
    return found


async def store_sums(store: MinioStore, running: SessionKeys) -> None:
    """What a gateway does on a read of the running session: its sums, stored."""
    reader = SessionStateReader(store, sums=SumsWriter(store))
    await reader.read(TENANT, running.session_id)
    await reader.settle()
    if await store.stat(running_sums_key(running)) is None:
        raise RuntimeError("no sums stored")


async def measure(args: argparse.Namespace, endpoint: str) -> None:
    store = CountingStore(endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, "bench")
    await store.ensure_bucket()
    began = time.monotonic()
    running, next_chunk = await seed(store, args.sessions, args.chunks, args.created)
    others = "created, not started" if args.created else "completed"
    print(f"stored {args.sessions} sessions ({others} but one), {args.chunks} chunk summaries in "
          f"{time.monotonic() - began:.1f} s")  # fmt: skip
    await store.delete(running_sums_key(running))  # none yet: the cold lists read all
    first = await cold(store, args.cold)
    await store_sums(store, running)
    # More chunks finish after the sums were stored, out of order: listed after them.
    await finish(store, running, [next_chunk + 1, next_chunk + 2])
    stored_first = await cold(store, args.cold)
    await finish(store, running, [next_chunk])
    next_chunk += 3
    warm = readers(store)
    for reader in warm.values():
        await list_sessions(store, reader)  # warm: every summary read once
    timings: dict[str, list[float]] = {name: [] for name in warm}
    keys: dict[str, int] = dict.fromkeys(warm, 0)
    stored, held_back = next_chunk, None
    for _ in range(args.repeat):
        # Chunks finish out of order: the first of each batch finishes only with the next
        # batch, so every list meets a missing chunk below ones that finished.
        batch = list(range(next_chunk, next_chunk + args.new))
        next_chunk += args.new
        finished = batch[1:] + ([held_back] if held_back is not None else [])
        held_back = batch[0]
        await finish(store, running, finished)
        stored += len(finished)
        done = set()
        for name, reader in warm.items():
            store.listed_keys = 0
            began = time.monotonic()
            done.add(await list_sessions(store, reader))
            timings[name].append((time.monotonic() - began) * 1000)
            keys[name] += store.listed_keys
        if done != {stored}:
            raise RuntimeError(f"readers disagree: {done} chunks done, {stored} stored")
    median = {name: statistics.median(values) for name, values in timings.items()}
    for name in warm:
        print(f"{name:13s} keys listed per list {keys[name] / args.repeat:7.0f}   "
              f"median {median[name]:6.1f} ms")  # fmt: skip
    base = median["all summaries"]
    print(f"every state is {base / median['every state']:.1f}x, settled kept "
          f"{base / median['settled kept']:.1f}x faster than all summaries; settled kept "
          f"{median['every state'] / median['settled kept']:.1f}x every state "
          "(same run, same sessions)")  # fmt: skip
    for label, found in (("no stored sums", first), ("stored sums", stored_first)):
        print(f"cold, {label:14s} (fresh readers, median of {args.cold}): every state "
              f"{found['every state']:.0f} ms, settled kept {found['settled kept']:.0f} ms, "
              f"stored copy {found['stored copy']:.0f} ms; "
              f"keys listed {found['keys']:.0f}")  # fmt: skip
    print(f"cold with stored sums: {first['settled kept'] / stored_first['settled kept']:.1f}x "
          "faster than without (settled kept, same run); with the stored copy too: "
          f"{stored_first['settled kept'] / stored_first['stored copy']:.1f}x faster than "
          f"settled kept, {stored_first['every state'] / stored_first['stored copy']:.1f}x "
          "every state (same run)")  # fmt: skip
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--chunks", type=int, default=5000)
    parser.add_argument("--new", type=int, default=4, help="chunks finished between lists")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cold", type=int, default=3, help="first lists of fresh readers")
    parser.add_argument(
        "--created", action="store_true", help="the other sessions created, not started"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-session-reads-") as folder:
        seaweed = SeaweedFS(Path(folder) / "s3")
        seaweed.start()
        try:
            asyncio.run(measure(args, seaweed.endpoint))
        finally:
            seaweed.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
