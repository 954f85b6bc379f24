"""Name resolution for the loopback fakes: every name answers 127.0.0.1, as if a wildcard
DNS pointed the whole web at this machine, unless a test gives a name its own answers.
Names under `.invalid` never resolve (RFC 6761)."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence

from shared.addresses import IPAddress
from shared.budget.protocol import Budget
from worker.pipeline.build import build_pipeline
from worker.pipeline.clients.fetch.resolver import UnresolvableHost
from worker.pipeline.metrics import PipelineMetrics
from worker.pipeline.protocol import Pipeline
from worker.pipeline.settings import PipelineSettings

LOOPBACK = "127.0.0.1"


class FarmResolver:
    def __init__(
        self, answers: Mapping[str, Sequence[str]] | None = None, default: str = LOOPBACK
    ) -> None:
        self.answers = {name: list(found) for name, found in (answers or {}).items()}
        self.default = default
        self.asked: list[str] = []

    async def resolve(self, host: str) -> list[IPAddress]:
        self.asked.append(host)
        if host.endswith(".invalid"):
            raise UnresolvableHost(host)
        found = self.answers.get(host, [self.default])
        return [ipaddress.ip_address(address) for address in found]


def build_farm_pipeline(
    settings: PipelineSettings, metrics: PipelineMetrics, budget: Budget | None = None
) -> Pipeline:
    """The worker's pipeline with the farm's names (DOSSIER_WORKER_PIPELINE in a test's
    worker process, whose own resolver knows none of them)."""
    return build_pipeline(settings, metrics, budget, resolver=FarmResolver())
