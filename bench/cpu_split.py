"""Where a benchmark run's CPU goes: every process's CPU seconds per phase, from /proc.

A sampler reads the CPU of each process of the run (workers, RabbitMQ, SeaweedFS, gateway,
notifier, the benchmark itself) every few tens of milliseconds, so the CPU of a phase
(planning, chunks busy, finalization) is read off between two moments. CPU seconds per
row hardly depend on what else the machine runs, unlike rows/s, so the scaling that two
workers could reach on two idle cores can be predicted from them (`predicted_seconds`).

RabbitMQ is the machine's own broker: other programs using it at the same time add to its
figure, so its CPU while the run is idle is measured too and subtracted.
"""

from __future__ import annotations

import asyncio
import bisect
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bench.process_stats import cpu_seconds

INTERVAL_S = 0.05
# The web's stand-in (bench/rows_server.py) and the benchmark's own process (sampling,
# status events; the rows' server too when it runs in a thread there): neither runs on a
# deployment's cores.
ROWS_SERVER = "rows server"
BENCH = "bench"


def find_pid(command_name: str) -> int | None:
    """The first process whose command name (/proc/<pid>/comm) is `command_name`."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == command_name:
                    return int(entry.name)
            except OSError:
                continue
    return None


def _read(pid: int) -> float:
    try:
        return cpu_seconds(pid)
    except OSError:
        return 0.0  # the process ended; its samples so far stand


@dataclass
class CpuSampler:
    """CPU seconds of named processes over wall-clock time (`time.time()`)."""

    processes: Mapping[str, int]
    times: list[float] = field(default_factory=list)
    samples: list[dict[str, float]] = field(default_factory=list)
    background: dict[str, float] = field(default_factory=dict)

    def sample(self) -> None:
        self.times.append(time.time())
        self.samples.append({name: _read(pid) for name, pid in self.processes.items()})

    async def run(self) -> None:
        while True:
            self.sample()
            await asyncio.sleep(INTERVAL_S)

    def at(self, moment: float) -> dict[str, float]:
        """CPU seconds used by each process up to `moment`, interpolated between samples."""
        i = bisect.bisect_left(self.times, moment)
        if i == 0:
            return dict(self.samples[0])
        if i >= len(self.times):
            return dict(self.samples[-1])
        t0, t1 = self.times[i - 1], self.times[i]
        share = (moment - t0) / (t1 - t0) if t1 > t0 else 1.0
        before, after = self.samples[i - 1], self.samples[i]
        return {name: before[name] + share * (after[name] - before[name]) for name in before}

    def between(self, start: float, end: float) -> dict[str, float]:
        """CPU seconds of each process from `start` to `end`, less the background rate of
        those that serve other programs too (`background`, CPU seconds per second)."""
        first, last = self.at(start), self.at(end)
        return {
            name: max(
                0.0, last[name] - first[name] - self.background.get(name, 0.0) * (end - start)
            )
            for name in first
        }

    async def measure_background(self, names: list[str], seconds: float = 2.0) -> None:
        """The CPU rate of `names` while this run does nothing: other programs' share."""
        pids = {name: self.processes[name] for name in names if name in self.processes}
        before = {name: _read(pid) for name, pid in pids.items()}
        await asyncio.sleep(seconds)
        self.background = {
            name: (_read(pid) - before[name]) / seconds for name, pid in pids.items()
        }


@dataclass(frozen=True)
class Phases:
    """CPU seconds per process in each phase of one session, and the phases' wall time."""

    planning: dict[str, float]
    busy: dict[str, float]
    finalizing: dict[str, float]
    wall: dict[str, float]

    def whole(self) -> dict[str, float]:
        return {
            name: self.planning[name] + self.busy[name] + self.finalizing[name]
            for name in self.busy
        }


def phases(sampler: CpuSampler, start: float, first: float, last: float, end: float) -> Phases:
    """Start command, first chunk started, last chunk stored, final status seen."""
    return Phases(
        planning=sampler.between(start, first),
        busy=sampler.between(first, last),
        finalizing=sampler.between(last, end),
        wall={"planning": first - start, "busy": last - first, "finalizing": end - last},
    )


def is_worker(name: str) -> bool:
    return name.startswith("worker")


def predicted_seconds(split: Phases, workers: int, cores: int = 2) -> float:
    """Seconds the session would take on `cores` idle cores, from its CPU alone.

    Planning and finalization run on one worker, so they take their worker CPU at least
    (or all their CPU spread over the cores, if that is more). While chunks are busy,
    each worker is one thread: the workers' CPU takes at least that CPU over `workers`
    cores, and the CPU of every process together at least that over `cores` cores.
    """

    def serial(cpu: dict[str, float]) -> float:
        return max(sum(v for k, v in cpu.items() if is_worker(k)), sum(cpu.values()) / cores)

    busy_workers = sum(v for k, v in split.busy.items() if is_worker(k))
    busy = max(busy_workers / min(workers, cores), sum(split.busy.values()) / cores)
    return serial(split.planning) + busy + serial(split.finalizing)


def _without(split: Phases, *names: str) -> Phases:
    parts = [
        {k: v for k, v in part.items() if k not in names}
        for part in (split.planning, split.busy, split.finalizing)
    ]
    return Phases(parts[0], parts[1], parts[2], wall=split.wall)


def predicted_scaling(split: Phases) -> float:
    """Rows/s of 2 workers against 1 on two idle cores, had both spent this CPU per row."""
    return predicted_seconds(split, 1) / predicted_seconds(split, 2)


def scaling(one: Phases, two: Phases, measured: float) -> str:
    """The measured ratio, and the ratio predicted from each run's CPU per row (CPU per
    row rises on a busy machine, so the two runs may differ: each is a prediction)."""
    figures = ", ".join(
        f"{predicted_scaling(split):.2f}x "
        f"({predicted_scaling(_without(split, BENCH, ROWS_SERVER)):.2f}x)"
        for split in (one, two)
    )
    return (
        f"2 workers against 1, start to final: measured {measured:.2f}x; predicted on two idle "
        f"cores from the CPU of the 1-worker and the 2-worker run: {figures}; in brackets "
        "without the rows' server and the benchmark's own process"
    )


def print_cpu_table(label: str, rows: int, split: Phases) -> None:
    """CPU seconds per 1,000 rows of each process, by phase, as a Markdown table."""
    per = 1000 / rows
    names = sorted(split.busy, key=lambda n: (not is_worker(n), n))
    print(f"{label}: CPU seconds per 1,000 rows (rabbitmq less its idle rate)")
    print(f"| phase | wall s | {' | '.join(names)} | all |")
    print(f"| --- | --- | {' | '.join('---' for _ in names)} | --- |")
    for phase, key, cpu in (
        ("planning", "planning", split.planning),
        ("chunks busy", "busy", split.busy),
        ("finalizing", "finalizing", split.finalizing),
        ("whole run", "", split.whole()),
    ):
        wall = split.wall[key] if key else sum(split.wall.values())
        cells = " | ".join(f"{cpu[n] * per:.3f}" for n in names)
        print(f"| {phase} | {wall:.2f} | {cells} | {sum(cpu.values()) * per:.3f} |")
    print()
