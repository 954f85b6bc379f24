"""Resident memory of the notifier per 1,000 idle WebSocket connections.

Starts a private SeaweedFS and `python -m notifier` (see notifier_latency.py), reads its
RSS when ready (the baseline), then opens idle authenticated connections in steps, each
watching its tenant, and prints the RSS growth per 1,000 connections and against the
baseline.

    .venv/bin/python bench/notifier_memory.py [--connections 1000] [--steps 2]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import urllib.request
from pathlib import Path

import orjson
from prometheus_client.parser import text_string_to_metric_families
from websockets.asyncio.client import ClientConnection

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.notifier_latency import Stack, notifier_stack, open_clients

MIB = 1024 * 1024


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def open_connections(stack: Stack) -> int:
    url = f"http://127.0.0.1:{stack.port}/metrics"
    with urllib.request.urlopen(url, timeout=5) as response:
        families = text_string_to_metric_families(response.read().decode())
    return next(int(f.samples[0].value) for f in families if f.name == "dossier_notifier_clients")


async def watch_tenant(sockets: list[ClientConnection]) -> None:
    async def one(ws: ClientConnection) -> None:
        await ws.send(orjson.dumps({"type": "subscribe", "scope": "tenant"}).decode())
        assert orjson.loads(await ws.recv())["type"] == "subscribed"

    await asyncio.gather(*(one(ws) for ws in sockets))


async def main(args: argparse.Namespace) -> None:
    total = args.connections * args.steps
    async with notifier_stack(max_clients=str(total + 10), heartbeat_interval="300") as stack:
        pid = stack.process.process.pid
        baseline = rss_bytes(pid)
        print(f"notifier RSS, idle connections watching their tenant (pid {pid})")
        print(f"{'baseline (0 connections)':<28} {baseline / MIB:8.1f} MiB")
        sockets: list[ClientConnection] = []
        previous = baseline
        for step in range(1, args.steps + 1):
            batch = await open_clients(stack.url, args.connections)
            await watch_tenant(batch)
            sockets.extend(batch)
            assert open_connections(stack) == len(sockets)
            now = rss_bytes(pid)
            per_thousand = (now - previous) / args.connections * 1000 / MIB
            print(
                f"{f'{len(sockets)} connections':<28} {now / MIB:8.1f} MiB"
                f"   +{per_thousand:6.1f} MiB per 1,000   {now / baseline:5.2f} x baseline"
            )
            previous = now
            if step == args.steps:
                overall = (now - baseline) / len(sockets) * 1000 / MIB
                print(f"{'average per 1,000':<28} {overall:8.1f} MiB")
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--connections", type=int, default=1000, help="connections per step")
    parser.add_argument("--steps", type=int, default=2)
    asyncio.run(main(parser.parse_args()))
