"""What a deployment-wide budget costs per request, next to a budget of this process alone.

Takes units (and, for the host gate, slots) as fast as it can from budgets far larger
than the load, so nothing ever waits for a window: the figures are the cost of asking.
In the same run, against the local RabbitMQ (loopback):

- memory: `MemoryBudget`, what a worker without a shared budget uses (the baseline);
- rabbitmq: `RabbitBudget`, one confirmed publish per unit;
- ... new key: a key never seen before on every take, so its queue is declared first
  (a host met for the first time);
- host gate: what the page fetcher does per request: a slot of the host, a unit of its
  rate, then the slot's release, on a host never seen before; "rate only" without the
  deployment-wide slot (DOSSIER_HOST_CONCURRENCY_SHARED=false).

    .venv/bin/python bench/budget_throughput.py [--takes 2000] [--concurrency 1 32]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared.budget.memory import MemoryBudget
from shared.budget.protocol import Budget, Slots, Window
from shared.budget.rabbit import RabbitBudget
from shared.topology import Topology
from tests.services import AMQP_URL, require_rabbitmq
from worker.pipeline.clients.fetch.politeness import HostGate

# Far more than any run takes: no take ever finds its budget spent.
WINDOW = Window("bench", 1_000_000, 1.0)
SLOTS = Slots("bench-slots", 1_000_000, 5.0)

Take = Callable[[int], Awaitable[None]]


def same_key(budget: Budget) -> Take:
    async def take(_: int) -> None:
        assert await budget.try_take(WINDOW, "one-key")

    return take


def new_key(budget: Budget) -> Take:
    run = uuid.uuid4().hex[:8]

    async def take(n: int) -> None:
        assert await budget.try_take(WINDOW, f"{run}-{n}")

    return take


def host_gate(budget: Budget, shared_slots: bool = True) -> Take:
    gate = HostGate(budget, WINDOW, SLOTS, max_wait_s=5, in_flight_shared=shared_slots)
    run = uuid.uuid4().hex[:8]

    async def take(n: int) -> None:
        async with gate.hold(f"{run}-{n}.example"):
            pass

    return take


async def measure(take: Take, takes: int, concurrency: int) -> tuple[float, float, float]:
    """Takes per second, mean milliseconds per take, client CPU milliseconds per take."""
    queue = iter(range(takes))
    latencies: list[float] = []

    async def taker() -> None:
        for n in queue:
            began = time.perf_counter()
            await take(n)
            latencies.append(time.perf_counter() - began)

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(taker() for _ in range(concurrency)))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return takes / wall, statistics.mean(latencies) * 1000, cpu / takes * 1000


async def main(takes: int, levels: list[int], rounds: int) -> None:
    require_rabbitmq()
    rabbit = RabbitBudget(AMQP_URL, Topology(f"dbench-{uuid.uuid4().hex[:8]}"))
    await rabbit.connect()
    memory = MemoryBudget()
    # Variants on new keys declare a queue per take: a quarter as many spare the broker,
    # which other work may share, thousands of queues.
    fewer = max(1, takes // 4)
    variants: list[tuple[str, Callable[[], Take], int, str]] = [
        ("memory", lambda: same_key(memory), takes, "memory"),
        ("rabbitmq", lambda: same_key(rabbit), takes, "memory"),
        ("rabbitmq, new key", lambda: new_key(rabbit), fewer, "memory"),
        ("host gate, memory", lambda: host_gate(memory), takes, "host gate, memory"),
        ("host gate, rabbitmq", lambda: host_gate(rabbit), fewer, "host gate, memory"),
        (
            "host gate, rabbitmq, rate only",
            lambda: host_gate(rabbit, False),
            fewer,
            "host gate, memory",
        ),
    ]
    print(
        f"{takes} takes per variant ({fewer} on new keys), median of {rounds} rounds, "
        f"RabbitMQ at {AMQP_URL}"
    )
    print("| variant | in flight | takes/s | ms per take | CPU ms per take | ÷ baseline |")
    print("| --- | --- | --- | --- | --- | --- |")
    try:
        for concurrency in levels:
            figures: dict[str, tuple[float, float, float]] = {}
            for name, make, count, baseline in variants:
                runs = [await measure(make(), count, concurrency) for _ in range(rounds)]
                rate, ms, cpu = (statistics.median(r[i] for r in runs) for i in range(3))
                figures[name] = rate, ms, cpu
                base = figures[baseline]
                ratio = f"{rate / base[0]:.2f} takes/s, {cpu / base[2]:.1f} CPU"
                print(f"| {name} | {concurrency} | {rate:.0f} | {ms:.3f} | {cpu:.3f} | {ratio} |")
    finally:
        await rabbit.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--takes", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 32])
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.takes, arguments.concurrency, arguments.rounds))
