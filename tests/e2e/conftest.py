"""The three services as separate processes against real RabbitMQ and SeaweedFS."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from shared.auth import hash_key, new_key
from shared.topology import Topology
from tests.conftest import drop_topology
from tests.processes import ServiceProcess, service, wait_http_ok
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, free_port

READY_TIMEOUT = 60


@dataclass(frozen=True)
class Stack:
    api: str
    ws: str
    key: str
    tenant: str
    processes: tuple[ServiceProcess, ...]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.log_text()[-3000:]}" for p in self.processes)


@pytest.fixture(scope="module")
async def stack(
    s3_endpoint: str, s3_bucket: str, rabbitmq: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    """Gateway, notifier and one worker running the network-free `normalize` pipeline.

    Shared by the tests of a module: each test makes its own sessions.
    """
    tenant = f"t{uuid.uuid4().hex[:10]}"
    key = new_key()
    topology = Topology(f"dtest-{uuid.uuid4().hex[:10]}")
    gateway_port, notifier_port, worker_port = free_port(), free_port(), free_port()
    env = {
        "DOSSIER_ENVIRONMENT": "test",
        "DOSSIER_LOG_FORMAT": "json",
        "DOSSIER_AMQP_URL": rabbitmq,
        "DOSSIER_TOPOLOGY_PREFIX": topology.prefix,
        "DOSSIER_S3_ENDPOINT": s3_endpoint,
        "DOSSIER_S3_ACCESS_KEY": TEST_S3_ACCESS_KEY,
        "DOSSIER_S3_SECRET_KEY": TEST_S3_SECRET_KEY,
        "DOSSIER_S3_BUCKET": s3_bucket,
        "DOSSIER_API_KEYS": f"{tenant}:{hash_key(key)}",
        "DOSSIER_PIPELINE_STAGES": "normalize",
        "DOSSIER_GATEWAY_HOST": "127.0.0.1",
        "DOSSIER_GATEWAY_PORT": str(gateway_port),
        "DOSSIER_NOTIFIER_HOST": "127.0.0.1",
        "DOSSIER_NOTIFIER_PORT": str(notifier_port),
        "DOSSIER_NOTIFIER_PUBLIC_URL": f"ws://127.0.0.1:{notifier_port}/ws",
        "DOSSIER_WORKER_HEALTH_PORT": str(worker_port),
    }
    logs = tmp_path_factory.mktemp("e2e-logs")
    with (
        service("gateway", env, logs) as gateway,
        service("notifier", env, logs) as notifier,
        service("worker", env, logs) as worker,
    ):
        wait_http_ok(f"http://127.0.0.1:{gateway_port}/readyz", READY_TIMEOUT, gateway)
        wait_http_ok(f"http://127.0.0.1:{notifier_port}/readyz", READY_TIMEOUT, notifier)
        wait_http_ok(f"http://127.0.0.1:{worker_port}/readyz", READY_TIMEOUT, worker)
        yield Stack(
            api=f"http://127.0.0.1:{gateway_port}",
            ws=f"ws://127.0.0.1:{notifier_port}/ws",
            key=key,
            tenant=tenant,
            processes=(gateway, notifier, worker),
        )
    await drop_topology(rabbitmq, topology)
