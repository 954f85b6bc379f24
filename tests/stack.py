"""Gateway, notifier and one worker as separate processes, for end-to-end tests."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from shared.auth import hash_key, new_key
from shared.broker.rabbit_topology import delete_topology
from shared.topology import Topology
from tests.processes import ServiceProcess, gateway_notifier_worker
from tests.services import service_settings

READY_TIMEOUT = 60


@dataclass(frozen=True)
class Stack:
    api: str
    ws: str
    key: str
    tenant: str
    # The broker names of this stack, for tests that publish commands themselves.
    topology: Topology
    processes: tuple[ServiceProcess, ...]
    # The /metrics URL of each service: gateway, notifier, worker.
    metrics: dict[str, str]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.log_text()[-3000:]}" for p in self.processes)


@contextlib.asynccontextmanager
async def normalize_stack(
    s3_endpoint: str, s3_bucket: str, rabbitmq: str, log_dir: Path
) -> AsyncIterator[Stack]:
    """The services of a new tenant and topology, the worker running the network-free
    `normalize` pipeline; the topology is deleted after."""
    pipeline = {"DOSSIER_PIPELINE_STAGES": "normalize"}
    async with services_stack(s3_endpoint, s3_bucket, rabbitmq, log_dir, pipeline) as running:
        yield running


@contextlib.asynccontextmanager
async def services_stack(
    s3_endpoint: str, s3_bucket: str, rabbitmq: str, log_dir: Path, env: dict[str, str]
) -> AsyncIterator[Stack]:
    """The services of a new tenant and topology, every one also given `env` (providers,
    pipeline stages); the topology is deleted after."""
    tenant = f"t{uuid.uuid4().hex[:10]}"
    key = new_key()
    topology = Topology(f"dtest-{uuid.uuid4().hex[:10]}")
    env = {
        **service_settings(rabbitmq, topology.prefix, s3_endpoint, s3_bucket),
        "DOSSIER_API_KEYS": f"{tenant}:{hash_key(key)}",
        **env,
    }
    try:
        with gateway_notifier_worker(env, log_dir, {}, READY_TIMEOUT) as running:
            local = "http://127.0.0.1"
            yield Stack(
                api=running.gateway_url,
                ws=running.notifier_ws,
                key=key,
                tenant=tenant,
                topology=topology,
                processes=running.processes,
                metrics={
                    "gateway": f"{running.gateway_url}/metrics",
                    "notifier": f"{local}:{running.env['DOSSIER_NOTIFIER_PORT']}/metrics",
                    "worker": f"{local}:{running.env['DOSSIER_WORKER_HEALTH_PORT']}/metrics",
                },
            )
    finally:
        await delete_topology(rabbitmq, topology)
