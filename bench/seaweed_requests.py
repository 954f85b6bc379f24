"""SeaweedFS's CPU per S3 request, `weed mini` with the suite's flags against other flags.

Starts one `weed mini` per flag set (each on a data folder of its own) and sends each the
same requests through the storage adapter, a chunk's worth at a time, the flag sets
alternated round by round: PUTs of a chunk's objects (results, renderings, logs, summary,
a cache block and its index), a ranged GET, whole GETs, HEADs of present and missing
keys, and a listing. It prints SeaweedFS's CPU per request of each kind (from /proc)
for each flag set, and the ratio to the first set, measured in the same run.

    .venv/bin/python bench/seaweed_requests.py [--rounds 6] [--chunks 40]
        [--flags filer.saveToFilerLimit=65536 master.telemetry=false,v=0 ...]

Each `--flags` value is one flag set added to the suite's: flags without their leading
dash, separated by commas.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.process_stats import cpu_seconds
from shared.errors import NotFound
from shared.storage.s3 import MinioStore
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, WEED_FLAGS, SeaweedFS

# Sizes of a 200-row chunk's objects on the 0-latency path of bench/worker_throughput.py.
SIZES = {
    "results": 40_000,
    "exports": 14_000,
    "logs": 60_000,
    "summary": 400,
    "block": 9_000,
    "index": 2_500,
}
IN_FLIGHT = 8


async def gathered(calls: list[Callable[[], Awaitable[object]]]) -> None:
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def one(call: Callable[[], Awaitable[object]]) -> None:
        async with gate:
            with contextlib.suppress(NotFound):
                await call()

    await asyncio.gather(*(one(call) for call in calls))


async def round_of(store: MinioStore, weed: int, tag: str, chunks: int) -> dict[str, float]:
    """SeaweedFS CPU seconds per kind of request over `chunks` chunks' worth of them."""
    spent: dict[str, float] = {}
    bodies = {name: os.urandom(size // 2).hex().encode()[:size] for name, size in SIZES.items()}
    keys = [f"{tag}/chunks/{n}/" for n in range(chunks)]
    kinds: dict[str, list[Callable[[], Awaitable[object]]]] = {
        "PUT": [
            partial(store.put_bytes, k + name, body) for k in keys for name, body in bodies.items()
        ],
        "GET range": [partial(store.get_range, k + "block", 4000, 300) for k in keys],
        "GET": [partial(store.get_bytes, k + "summary") for k in keys],
        "HEAD": [partial(store.exists, k + "summary") for k in keys],
        "HEAD missing": [partial(store.exists, k + "missing") for k in keys],
        "LIST": [partial(store.list_objects, f"{tag}/chunks/1") for _ in keys],
    }
    for kind, calls in kinds.items():
        before = cpu_seconds(weed)
        await gathered(calls)
        spent[kind] = (cpu_seconds(weed) - before) / len(calls)
    return spent


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--chunks", type=int, default=40, help="chunks' worth per round")
    parser.add_argument(
        "--flags",
        nargs="*",
        default=["filer.saveToFilerLimit=65536"],
        help="flag sets to compare with the suite's: flags without the dash, by commas",
    )
    args = parser.parse_args()
    sets = {"suite's flags": WEED_FLAGS} | {
        f"+ {extra}": (*WEED_FLAGS, *(f"-{flag}" for flag in extra.split(",")))
        for extra in args.flags
    }
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="dossier-weed-") as folder:
        servers = {
            name: SeaweedFS(Path(folder) / str(n), flags=flags)
            for n, (name, flags) in enumerate(sets.items())
        }
        stores: dict[str, MinioStore] = {}
        try:
            for name, server in servers.items():
                server.start()
                stores[name] = MinioStore(
                    server.endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, "bench"
                )
                await stores[name].ensure_bucket()
                await round_of(stores[name], server.pid or 0, "warm", 5)
            totals: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
            for n in range(args.rounds):
                for name, server in servers.items():
                    assert server.pid is not None
                    spent = await round_of(stores[name], server.pid, f"r{n}", args.chunks)
                    for kind, cpu in spent.items():
                        totals[name][kind].append(cpu)
        finally:
            for store in stores.values():
                store.close()
            for server in servers.values():
                server.stop()
    kinds = list(next(iter(totals.values())))
    first = next(iter(totals))
    print(
        f"SeaweedFS CPU ms per request, median of {args.rounds} rounds of {args.chunks} "
        f"chunks ({len(SIZES)} PUTs a chunk, {IN_FLIGHT} in flight)"
    )
    print("| flags | " + " | ".join(kinds) + " | a chunk's requests |")
    print("| --- " * (len(kinds) + 2) + "|")
    for name, per_kind in totals.items():
        medians = {kind: sorted(v)[len(v) // 2] * 1000 for kind, v in per_kind.items()}
        chunk = medians["PUT"] * len(SIZES) + sum(v for k, v in medians.items() if k != "PUT")
        base = {kind: sorted(v)[len(v) // 2] * 1000 for kind, v in totals[first].items()}
        base_chunk = base["PUT"] * len(SIZES) + sum(v for k, v in base.items() if k != "PUT")
        cells = [f"{medians[k]:.2f} ({medians[k] / base[k]:.2f}x)" for k in kinds]
        print(f"| {name} | " + " | ".join(cells) + f" | {chunk:.1f} ({chunk / base_chunk:.2f}x) |")
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    asyncio.run(main())
