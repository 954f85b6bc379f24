"""A large session's finalization alone, against a private SeaweedFS: wall time, CPU and
peak RSS of the process that finalizes, without uploading, planning and processing first.

The session is seeded as workers store it (manifest, plan, and per chunk its result
lines, log lines and summary; rows as the `normalize` stage leaves them), then a child
process runs `Finalizer.finalize` on it, as a worker does, and reports. It is seeded
twice: as earlier workers stored it (results only: what `--baseline` code reads, and what
this tree renders row by row, as for a session with criteria), and as this tree's workers
store it (each chunk also rendered for the final files, worker/chunk_exports.py). The parent samples
the child's RSS every `--interval` seconds; `--profile FILE` records the child with py-spy
(collapsed stacks) when py-spy is installed.

`--log-lines` per row: 0 is what `bench/million_rows.py` stores (its workers log at
WARNING, so chunk logs hold no row lines); 3 is a deployment at the default INFO level
(`row.started`, `pipeline.row.enriched`, `row.finished`).

    .venv/bin/python bench/finalize_session.py [--rows 200000] [--log-lines 0] [--rounds 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.process_stats import child_pids, cpu_seconds
from bench.soak import rss_bytes
from shared.export_layout import ExportLayout
from shared.layout import SessionKeys
from shared.models import ChunkSummary, Counters, Plan
from shared.rows import ResultRow
from shared.storage.s3 import MinioStore
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, SeaweedFS
from tests.sessions import csv_manifest
from worker.checkpoint import rendered_chunk
from worker.chunk_exports import attempt_of

MIB = 1024 * 1024
BUCKET = "finalize"
KEYS = SessionKeys("bench", "3" * 32)
# The same session as this tree's workers store it: chunks rendered for the final files.
RENDERED_KEYS = SessionKeys("bench", "4" * 32)
COLUMNS = ["Company", "Website", "City", "Ref"]
CHUNK = 200
AT = datetime(2026, 1, 1, tzinfo=UTC)


def template() -> dict[str, Any]:
    row = ResultRow(
        row=0,
        original={},
        company_name="",
        official_website="",
        notes="normalized only: no network stage enabled",
        timestamp="2026-01-01T00:00:00+00:00",
        last_attempt_at="2026-01-01T00:00:00+00:00",
    )
    return dict(row.model_dump(mode="json", by_alias=True))


def chunk_lines(
    keys: SessionKeys, chunk: int, rows: range, fields: dict[str, Any], log_lines: int
) -> tuple[bytes, bytes]:
    results: list[bytes] = []
    logs: list[dict[str, Any]] = []
    context: dict[str, Any] = {
        "service": "worker",
        "message_id": "m" * 32,
        "session_id": keys.session_id,
    }
    context |= {"tenant": keys.tenant, "chunk": chunk, "channel": "pipeline"}
    stamp = "2026-01-01T00:00:00.123456Z"
    if log_lines:  # at WARNING, as bench/million_rows.py runs, a chunk logs nothing
        logs.append({"event": "chunk.started", "rows": len(rows), "round": 0, **context})
    for n in rows:
        name = f"Northwind Trading {n:07d} Ltd"
        site = f"https://www.northwind-{n:07d}.com"
        original = {"Company": name, "Website": site, "City": "Springfield", "Ref": str(n)}
        line = fields | {"row": n, "original": original, "Company_Name": name}
        results.append(orjson.dumps(line | {"Official_Website": site}))
        row_context = {**context, "row": n, "level": "info", "timestamp": stamp}
        events: list[dict[str, Any]] = [
            {"event": "row.started"},
            {"event": "pipeline.row.enriched", "status": "ok", "website": site, "ms": 0},
            {"event": "row.finished", "status": "ok", "duration_ms": 1},
        ]
        logs.extend(event | row_context for event in events[:log_lines])
    if log_lines:
        logs.append({"event": "chunk.finished", "rows": len(rows), "cancelled": False, **context})
    return b"\n".join(results) + b"\n", b"".join(orjson.dumps(line) + b"\n" for line in logs)


async def seed(store: MinioStore, keys: SessionKeys, rows: int, log_lines: int) -> int:
    """`RENDERED_KEYS`: with each chunk's rendering, as this tree's workers store it."""
    chunks = (rows + CHUNK - 1) // CHUNK
    manifest = csv_manifest(keys, "input.csv", COLUMNS, rows, website_column="Website")
    manifest = manifest.model_copy(update={"created_at": AT})
    await store.put_model(keys.manifest, manifest)
    layout = ExportLayout.of(manifest, None) if keys == RENDERED_KEYS else None
    plan = Plan(
        session_id=keys.session_id,
        total_rows=rows,
        chunk_size=CHUNK,
        chunk_count=chunks,
        planned_at=AT,
    )
    await store.put_model(keys.plan, plan)
    fields = template()
    semaphore = asyncio.Semaphore(32)

    async def one(chunk: int) -> None:
        span = range(chunk * CHUNK, min(rows, (chunk + 1) * CHUNK))
        results, logs = chunk_lines(keys, chunk, span, fields, log_lines)
        summary = ChunkSummary(
            chunk=chunk,
            counters=Counters(total=len(span), done=len(span)),
            started_at=AT,
            finished_at=AT + timedelta(seconds=chunk),
        )
        rendering = None
        if layout is not None:
            rendering = rendered_chunk(results, [], layout, attempt_of(summary.started_at))
        async with semaphore:
            await store.put_bytes(keys.chunk_results(chunk), results, "application/jsonl")
            if rendering is not None:
                await store.put_bytes(keys.chunk_exports(chunk), rendering, "application/x")
            await store.put_bytes(keys.chunk_logs(chunk), logs, "application/jsonl")
            await store.put_model(keys.chunk_done(chunk), summary)

    await asyncio.gather(*(one(chunk) for chunk in range(chunks)))
    return chunks


def finalize_once(
    endpoint: str,
    chunks: int,
    interval: float,
    profile: Path | None,
    code: Path | None,
    keys: SessionKeys,
) -> dict[str, float]:
    script = Path(__file__).with_name("finalize_child.py")
    command = [sys.executable, str(script), endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY]
    command += [BUCKET, str(chunks), keys.session_id]
    # Every module from one checkout: this one, or the `--baseline` one.
    root = (code or Path(__file__).resolve().parent.parent).resolve()
    env = {**os.environ, "PYTHONPATH": str(root)}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=root, env=env)
    spy = None
    if profile is not None:
        spy = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "py-spy"),
                "record",
                "--format",
                "raw",
                "--threads",
                "--gil",
                "--rate",
                "100",
                "-o",
                str(profile),
                "--pid",
                str(process.pid),
            ],
            stdout=subprocess.DEVNULL,
        )
    peak = 0
    while process.poll() is None:
        # The finalizing process and the workbook process it starts, together.
        tree = [process.pid, *child_pids(process.pid)]
        peak = max(peak, sum(rss_bytes(pid) or 0 for pid in tree))
        time.sleep(interval)
    if spy is not None:
        spy.wait(timeout=60)
    out = process.stdout.read() if process.stdout else ""
    if process.returncode:
        raise RuntimeError(f"finalization failed ({process.returncode}): {out}")
    *notes, last = out.strip().splitlines()
    for note in notes:
        print("  " + note, flush=True)
    figures = dict(orjson.loads(last))
    figures["sampled_peak_rss_mib"] = peak / MIB
    return figures


def report(
    weed: SeaweedFS,
    chunks: int,
    interval: float,
    profile: Path | None,
    code: Path | None,
    label: str,
    keys: SessionKeys,
) -> dict[str, float]:
    weed_cpu = cpu_seconds(weed.pid or 0)
    load = os.getloadavg()[0]
    figures = finalize_once(weed.endpoint, chunks, interval, profile, code, keys)
    figures["seaweedfs_cpu"] = cpu_seconds(weed.pid or 0) - weed_cpu
    print(
        f"{label}: {figures['wall']:.1f} s wall; CPU {figures['cpu']:.1f} s "
        f"(user {figures['user']:.1f} s, system {figures['system']:.1f} s, with imports) "
        f"+ {figures.get('child_cpu', 0):.1f} s in its child process "
        f"(workbook or rendering; SeaweedFS {figures['seaweedfs_cpu']:.1f} s); "
        "peak RSS of both processes "
        f"{figures['sampled_peak_rss_mib']:.0f} MiB (sampled; their own ru_maxrss counts "
        f"this bench's peak, inherited at their start); load average {load:.1f} at start",
        flush=True,
    )
    return figures


async def main(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="dossier-finalize-") as folder:
        weed = SeaweedFS(Path(folder) / "s3")
        weed.start()
        try:
            store = MinioStore(weed.endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, BUCKET)
            await store.ensure_bucket()
            began = time.monotonic()
            chunks = await seed(store, KEYS, args.rows, args.log_lines)
            await seed(store, RENDERED_KEYS, args.rows, args.log_lines)
            store.close()
            print(
                f"{args.rows} rows in {chunks} chunks seeded in {time.monotonic() - began:.1f}s, "
                f"{args.log_lines} log lines a row",
                flush=True,
            )
            runs: list[tuple[Path | None, str, SessionKeys]] = [
                (None, "this tree, chunks rendered as stored", RENDERED_KEYS),
                (None, "this tree, chunks without renderings", KEYS),
            ]
            if args.baseline:
                runs.insert(0, (args.baseline, f"baseline {args.baseline}", KEYS))
            for n in range(args.rounds):
                walls = {}
                for code, label, keys in runs:
                    profile = args.profile if n == 0 and code is None else None
                    figures = report(weed, chunks, args.interval, profile, code, label, keys)
                    walls[label] = figures["wall"]
                if args.baseline:
                    base = walls[runs[0][1]]
                    ratios = ", ".join(
                        f"{label} {wall / base:.2f}x" for label, wall in walls.items()
                    )
                    print(f"wall against the baseline: {ratios}", flush=True)
        finally:
            weed.stop()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--log-lines", type=int, default=0, choices=(0, 1, 2, 3))
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between RSS samples")
    parser.add_argument("--profile", type=Path, help="py-spy collapsed stacks of the first round")
    parser.add_argument(
        "--baseline", type=Path, help="a checkout of other code, finalized before this tree's"
    )
    parsed = parser.parse_args()
    sys.exit(asyncio.run(main(parsed)))
