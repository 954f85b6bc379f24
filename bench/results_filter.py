"""How long a filtered, searched or sorted results page takes on a large session.

Seeds a session of `--rows` result rows (chunks of `--chunk-size`, a tenth of them
duplicates) into the in-memory object store, so the figures are the gateway's own work
(reading, decoding, filtering, sorting) without network time, then times, over
`--rounds` rounds, the plain first page (the baseline: it reads one chunk) against pages
that must read every row, and against decoding every row as `ResultRow` (what reading
the whole session through `all_rows` costs).

    .venv/bin/python bench/results_filter.py [--rows 100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gateway.results_query import ResultsQuery, parse_query
from gateway.results_scan import scan_page
from gateway.results_source import all_rows, page_rows, read_plan
from shared.layout import SessionKeys
from shared.models import Plan
from shared.rows import ResultRow, RowStatus
from shared.storage.memory import MemoryStore

STATUSES = [RowStatus.OK] * 6 + [RowStatus.NOT_FOUND, RowStatus.DEAD_URL, RowStatus.FAILED]


def result(row: int) -> ResultRow:
    if row % 10 == 9:
        return ResultRow.model_validate(
            {"row": row, "Company_Name": f"Company {row}", "Row_Status": "duplicate"}
            | {"duplicate_of": row - 9}
        )
    status = STATUSES[row % len(STATUSES)]
    return ResultRow.model_validate(
        {
            "row": row,
            "original": {"Company": f"Company {row}", "Website": f"company{row}.example"},
            "Company_Name": f"Company {row}",
            "Official_Website": f"https://www.company{row}.example/" if status else "",
            "Description": "A company that makes things for other companies. " * 3,
            "Row_Status": status,
            "Match_Confidence": (row * 7919 % 100) / 100 if status is RowStatus.OK else None,
            "Sources": [f"https://www.company{row}.example/"],
        }
    )


async def seed(store: MemoryStore, keys: SessionKeys, rows: int, chunk_size: int) -> None:
    chunks = -(-rows // chunk_size)
    for chunk in range(chunks):
        batch = range(chunk * chunk_size, min((chunk + 1) * chunk_size, rows))
        body = b"".join(result(i).model_dump_json(by_alias=True).encode() + b"\n" for i in batch)
        await store.put_bytes(keys.chunk_results(chunk), body)
    plan = Plan(
        session_id=keys.session_id,
        total_rows=rows,
        chunk_size=chunk_size,
        chunk_count=chunks,
        planned_at=datetime.now(UTC),
    )
    await store.put_model(keys.plan, plan)


async def timed(rounds: int, work: Callable[[], Awaitable[int]]) -> tuple[float, float, int]:
    """Median wall-clock and CPU seconds (CPU is steadier on a shared machine)."""
    times, cpu, found = [], [], 0
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        found = await work()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu), found


async def main(args: argparse.Namespace) -> None:
    store = MemoryStore()
    keys = SessionKeys("bench", "0" * 32)
    await seed(store, keys, args.rows, args.chunk_size)
    plan = await read_plan(store, keys)
    assert plan is not None

    async def plain() -> int:
        return len(await page_rows(store, keys, plan, 0, 100))

    async def decoded() -> int:
        return sum([len(batch) async for batch in all_rows(store, keys)])

    cases: list[tuple[str, ResultsQuery, int]] = [
        ("status=failed", parse_query(["failed"], [], None, None), 0),
        ("confidence=high", parse_query([], ["high"], None, None), 0),
        ("q=company123", parse_query([], [], "company123", None), 0),
        ("sort=-Match_Confidence", parse_query([], [], None, "-Match_Confidence"), 0),
        ("status=ok, sort=Company_Name", parse_query(["ok"], [], None, "Company_Name"), 0),
        ("sort=-Company_Name, offset 50,000", parse_query([], [], None, "-Company_Name"), 50_000),
    ]
    baseline, baseline_cpu, _ = await timed(args.rounds, plain)
    print(f"{args.rows:,} rows, chunks of {args.chunk_size}, pages of 100, median of {args.rounds}")
    print(f"{'page':<36} {'matched':>9} {'seconds':>9} {'cpu s':>7} {'x plain':>8}")
    print(f"{'plain first page (baseline)':<36} {'':>9} {baseline:9.3f} {baseline_cpu:7.3f} {1:8}")
    seconds, cpu, rows = await timed(args.rounds, decoded)
    label = "every row decoded (as downloads do)"
    print(f"{label:<36} {rows:>9,} {seconds:9.3f} {cpu:7.3f} {seconds / baseline:8.0f}")
    for label, query, offset in cases:

        async def filtered(query: ResultsQuery = query, offset: int = offset) -> int:
            matched, _ = await scan_page(store, keys, plan, query, offset, 100)
            return matched

        seconds, cpu, matched = await timed(args.rounds, filtered)
        ratio = seconds / baseline
        print(f"{label:<36} {matched:>9,} {seconds:9.3f} {cpu:7.3f} {ratio:8.0f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--chunk-size", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    asyncio.run(main(parser.parse_args()))
