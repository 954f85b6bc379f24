"""The domain cache's blocks and index, timed as the worker runs them (`bench/cache_costs.py`)."""

from __future__ import annotations

import argparse
import logging
import random
import time
import tracemalloc
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime

import structlog

from bench.process_stats import cpu_seconds
from shared.cache_blocks import encode_block
from shared.models import SessionOptions
from shared.rows import PlannedRow, ResultRow, RowStatus
from shared.storage.protocol import ObjectInfo
from shared.storage.s3 import MinioStore
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, SeaweedFS
from worker.cache_index import WINDOW_MS, TenantIndex
from worker.cache_summary import decode_summary, encode_summary
from worker.cached_pipeline import CachedPipeline
from worker.pipeline.protocol import ChunkPipeline, SessionContext


class Finder:
    """A pipeline that finds every company at once: only the cache's work is left."""

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        return self

    async def aclose(self) -> None:
        return None

    async def prepare(
        self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow] = ()
    ) -> None:
        return None

    async def enrich(self, row: PlannedRow) -> ResultRow:
        return ResultRow(
            row=row.row,
            original=row.original,
            company_name=row.name,
            official_website=f"https://{row.domain}/",
            linkedin_url=f"https://www.linkedin.com/company/{row.row}",
            description=f"{row.name} makes precision parts for industrial customers. " * 3,
            row_status=RowStatus.OK,
        )

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]:
        return results


class CountingStore(MinioStore):
    """The adapter, counting requests by kind."""

    def __init__(self, *args: str) -> None:
        super().__init__(*args)
        self.calls: Counter[str] = Counter()

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        self.calls["PUT"] += 1
        await super().put_bytes(key, data, content_type)

    async def get_bytes(self, key: str) -> bytes:
        self.calls["GET"] += 1
        return await super().get_bytes(key)

    async def get_range(self, key: str, start: int, length: int) -> bytes:
        self.calls["GET range"] += 1
        return await super().get_range(key, start, length)

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        self.calls["LIST"] += 1
        return await super().list_objects(prefix, start_after)


def rows(count: int) -> list[PlannedRow]:
    return [
        PlannedRow(
            row=n,
            name=f"Company {n}",
            name_key=f"company {n}",
            domain=f"company{n}.example",
            original={"Company": f"Company {n}"},
        )
        for n in range(count)
    ]


async def chunks(pipeline: CachedPipeline, planned: list[PlannedRow], size: int) -> int:
    """Every chunk through the cache, one after the other; rows answered by the cache."""
    context = SessionContext("bench", "s-bench", 0, "context", SessionOptions())
    cached = 0
    for start in range(0, len(planned), size):
        chunk = pipeline.open_chunk(context)
        part = planned[start : start + size]
        await chunk.prepare(part)
        results = [await chunk.enrich(row) for row in part]
        await chunk.finish(results)
        cached += sum(1 for r in results if r.cached_at)
    return cached


async def blocks(args: argparse.Namespace, server: SeaweedFS) -> None:
    # A log line per cached row would be timed with the cache: warnings only.
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    weed = server.pid
    assert weed is not None
    store = CountingStore(server.endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, "bench")
    await store.ensure_bucket()
    planned = rows(args.rows)
    shuffled = random.Random(7).sample(planned, len(planned))
    worker = CachedPipeline(Finder(), store, days=30)
    print(f"\nblocks and an index: {args.rows} rows, {args.chunk_size} a chunk")
    print("| phase | rows from the cache | client / weed CPU ms per row | requests per row |")
    print("| --- | --- | --- | --- |")
    phases = [
        ("cold", worker, planned),
        ("warm, same order", worker, planned),
        ("warm, shuffled", worker, shuffled),
        ("warm, a new worker (index read from storage)", None, planned),
    ]
    for name, pipeline, order in phases:
        pipeline = pipeline or CachedPipeline(Finder(), store, days=30)
        store.calls.clear()
        own, server_cpu = time.process_time(), cpu_seconds(weed)
        cached = await chunks(pipeline, order, args.chunk_size)
        client_ms = (time.process_time() - own) * 1000 / len(order)
        weed_ms = (cpu_seconds(weed) - server_cpu) * 1000 / len(order)
        requests = ", ".join(f"{k} {v / len(order):.3f}" for k, v in sorted(store.calls.items()))
        print(f"| {name} | {cached} | {client_ms:.3f} / {weed_ms:.3f} | {requests} |")
    store.close()


def index_memory(keys: int, block_rows: int) -> None:
    """The memory an index of `keys` keys holds, and the CPU to fill and to query it."""
    now_ms = int(datetime.now(UTC).timestamp() * 1000)
    generator = random.Random(11)
    indexes = []
    for n in range(0, keys, block_rows):
        hashes = [generator.getrandbits(64) for _ in range(min(block_rows, keys - n))]
        indexes.append(encode_block([([h], b"x" * 900) for h in hashes])[1])

    def filled() -> TenantIndex:
        index = TenantIndex(store=None, tenant="bench", days=30)  # type: ignore[arg-type]
        for n, block_index in enumerate(indexes):
            index.add(f"{now_ms - len(indexes) + n:013d}-{n:016x}", block_index)
        index._settle()
        return index

    began = time.process_time()
    index = filled()
    fill_s = time.process_time() - began
    # Traced apart: tracing every allocation slows the filling several times over.
    del index
    tracemalloc.start()
    index = filled()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    probes = [generator.getrandbits(64) for _ in range(100_000)]
    began = time.process_time()
    for probe in probes:
        index.find(probe, now_ms)
    lookup_us = (time.process_time() - began) * 1e6 / len(probes)
    print(
        f"\nindex of {keys} keys in blocks of {block_rows}: holds {held / 2**20:.1f} MiB "
        f"(peak {peak / 2**20:.1f} MiB while filled), filled in {fill_s:.2f} s of CPU, "
        f"a look-up of a missing key {lookup_us:.1f} us"
    )
    # As a worker writes a summary of it, and a worker new to the tenant reads that back.
    began = time.process_time()
    summary = index.summary(now_ms + WINDOW_MS)
    assert summary is not None
    data = encode_summary(summary)
    written_s = time.process_time() - began
    began = time.process_time()
    fresh = TenantIndex(store=None, tenant="bench", days=30)  # type: ignore[arg-type]
    fresh.load(decode_summary(data))
    loaded_s = time.process_time() - began
    assert fresh.entries == index.entries
    print(
        f"its summary: {len(data) / 2**20:.1f} MiB, built and encoded in {written_s:.2f} s "
        f"of CPU, read back into a new index in {loaded_s:.3f} s"
    )
