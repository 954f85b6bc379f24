"""Name resolution inside the benchmark's worker: every name of the labelled web answers
127.0.0.1 (the proxy then routes it), except the names listed as dead, which do not
resolve at all, as a lapsed domain does not."""

from __future__ import annotations

import ipaddress
import os

from shared.addresses import IPAddress
from shared.budget.protocol import Budget
from worker.pipeline.build import build_pipeline
from worker.pipeline.clients.fetch.resolver import UnresolvableHost
from worker.pipeline.metrics import PipelineMetrics
from worker.pipeline.protocol import Pipeline
from worker.pipeline.settings import PipelineSettings

DEAD_HOSTS_ENV = "DOSSIER_BENCH_DEAD_HOSTS"


class BenchResolver:
    def __init__(self, dead: set[str]) -> None:
        self._dead = dead

    async def resolve(self, host: str) -> list[IPAddress]:
        if host.lower().rstrip(".") in self._dead:
            raise UnresolvableHost(host)
        return [ipaddress.ip_address("127.0.0.1")]


def build_bench_pipeline(
    settings: PipelineSettings, metrics: PipelineMetrics, budget: Budget | None = None
) -> Pipeline:
    """The worker's own pipeline (`DOSSIER_WORKER_PIPELINE`) with the benchmark's names."""
    dead = {host for host in os.environ.get(DEAD_HOSTS_ENV, "").split(",") if host}
    return build_pipeline(settings, metrics, budget, resolver=BenchResolver(dead))
