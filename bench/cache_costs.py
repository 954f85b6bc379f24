"""CPU per row of the domain cache, in the worker's process and in SeaweedFS.

Against a real SeaweedFS (the test fixture's `weed mini`), in one run:

- **One object per key** (the layout before blocks): `--requests` cache entries the size
  of a finished row's are read while absent (a cold row's look-up), written (its store),
  and read back (a warm row's look-up), `--in-flight` at a time, as a chunk's rows issued
  them, on the `MinioStore` adapter's thread pool (`--threads`, a sweep): with the SDK's
  public calls (`get_object`, `put_object`) and with the adapter's `get_bytes`/`put_bytes`
  (`shared/storage/s3_small.py`).
- **Blocks and an index** (`worker/cached_pipeline.py` as the worker runs it, in front of
  a pipeline that finds every company at once): `--rows` rows in chunks of
  `--chunk-size`, on an empty cache (cold), again in the same order (warm), again
  shuffled across chunks (warm, a few lines of many blocks per chunk), and the first
  chunk of a worker that holds no index yet (reading every index of the tenant).
- **The index in memory**: `--index-keys` key hashes added in blocks of `--chunk-size`
  (as read from storage), the memory they hold (tracemalloc) and a look-up's time; the
  summary of them a worker writes, and the time a worker new to the tenant takes to
  read it back.

CPU is the whole process's (every thread) and the `weed` process's, from /proc.

    .venv/bin/python bench/cache_costs.py [--requests 2000] [--in-flight 64] [--threads 32 4]
        [--rows 4000] [--chunk-size 200] [--index-keys 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cache_blocks_costs import blocks, index_memory
from bench.process_stats import cpu_seconds
from shared.domain_cache import CacheEntry, new_entry, reused_row
from shared.errors import NotFound
from shared.rows import PlannedRow, ResultRow, RowStatus
from shared.storage.s3 import MinioStore
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, SeaweedFS


def now() -> datetime:
    return datetime.now(UTC)


def a_result(n: int) -> ResultRow:
    return ResultRow(
        row=n,
        original={"name": f"Company {n}", "website": f"https://company{n}.example/"},
        company_name=f"Company {n}",
        official_website=f"https://company{n}.example/",
        linkedin_url=f"https://www.linkedin.com/company/company-{n}",
        description=f"Company {n} makes precision parts for industrial customers. " * 3,
        row_status=RowStatus.OK,
    )


async def in_flight(limit: int, jobs: list[Callable[[], Awaitable[object]]]) -> None:
    gate = asyncio.Semaphore(limit)

    async def one(job: Callable[[], Awaitable[object]]) -> None:
        async with gate:
            # A missing key is the point of the cold read.
            with contextlib.suppress(NotFound):
                await job()

    await asyncio.gather(*(one(job) for job in jobs))


async def timed(
    weed: int, limit: int, jobs: list[Callable[[], Awaitable[object]]]
) -> tuple[float, float]:
    """Client and `weed` CPU milliseconds per job."""
    own, server = time.process_time(), cpu_seconds(weed)
    await in_flight(limit, jobs)
    n = len(jobs)
    return (time.process_time() - own) * 1000 / n, (cpu_seconds(weed) - server) * 1000 / n


def model_costs(n: int) -> tuple[float, float]:
    """CPU ms to build and serialise one entry; to validate one and make it a row."""
    results = [a_result(i) for i in range(n)]
    now = datetime.now(UTC)
    began = time.process_time()
    blobs = [new_entry(r, ["k"], "p" * 24, "s", now).model_dump_json().encode() for r in results]
    built = (time.process_time() - began) * 1000 / n
    row = PlannedRow(row=1, name="Company 1", name_key="company 1", domain="x", original={})
    began = time.process_time()
    for blob in blobs:
        reused_row(CacheEntry.model_validate_json(blob), row)
    return built, (time.process_time() - began) * 1000 / n


async def own_read(store: MinioStore, key: str) -> bytes:
    return await store.get_bytes(key)


async def own_write(store: MinioStore, key: str, blob: bytes) -> None:
    await store.put_bytes(key, blob, "application/json")


async def sdk_read(store: MinioStore, key: str) -> bytes:
    def read() -> bytes:
        response = store._client.get_object(store.bucket, key)
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()

    return await store._run(read)


async def sdk_write(store: MinioStore, key: str, blob: bytes) -> None:
    await store._run(
        lambda: store._client.put_object(
            store.bucket, key, io.BytesIO(blob), len(blob), content_type="application/json"
        )
    )


async def sweep(args: argparse.Namespace, server: SeaweedFS) -> None:
    weed = server.pid
    assert weed is not None
    blob = new_entry(a_result(1), ["k"], "p" * 24, "s", now()).model_dump_json().encode()
    print(f"entry of {len(blob)} bytes; {args.requests} requests, {args.in_flight} in flight")
    print("| way | threads | cold read: client / weed ms | write | warm read |")
    print("| --- | --- | --- | --- | --- |")
    run = 0
    for threads in args.threads:
        for way in ("SDK calls", "adapter"):
            run += 1
            store = MinioStore(
                server.endpoint,
                TEST_S3_ACCESS_KEY,
                TEST_S3_SECRET_KEY,
                "bench",
                max_threads=threads,
            )
            await store.ensure_bucket()
            read, write = (sdk_read, sdk_write) if way == "SDK calls" else (own_read, own_write)
            keys = [f"tenants/t{run}/cache/domains/c{i}.example.json" for i in range(args.requests)]
            figures = []
            steps: list[list[Callable[[], Awaitable[object]]]] = [
                [partial(read, store, k) for k in keys],
                [partial(write, store, k, blob) for k in keys],
                [partial(read, store, k) for k in keys],
            ]
            for step in steps:
                figures.append(await timed(weed, args.in_flight, step))
            store.close()
            cells = " | ".join(f"{c:.2f} / {w:.2f}" for c, w in figures)
            print(f"| {way} | {threads} | {cells} |")
    built_ms, read_ms = model_costs(args.requests)
    print(
        f"model work: build + serialise an entry {built_ms:.3f} ms; "
        f"validate + reuse {read_ms:.3f} ms"
    )
    await blocks(args, server)
    index_memory(args.index_keys, args.chunk_size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--in-flight", type=int, default=64)
    parser.add_argument("--threads", type=int, nargs="+", default=[32, 4])
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--chunk-size", type=int, default=200)
    parser.add_argument("--index-keys", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-cache-") as tmp:
        server = SeaweedFS(Path(tmp) / "s3")
        server.start()
        try:
            asyncio.run(sweep(args, server))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
