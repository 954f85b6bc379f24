"""The whole deployment as processes the test may kill: gateway, notifier and two workers
on fixed local ports, over a SeaweedFS the test owns and the local RabbitMQ."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

from shared.auth import hash_key, new_key
from shared.broker.rabbit_topology import delete_topology
from shared.topology import Topology
from tests.processes import ServiceProcess, service, wait_http_ok
from tests.services import SeaweedFS, free_port, service_settings
from tests.slow_site import SlowSite

# Several interpreters importing at once on a loaded 2-core machine take their time.
READY_TIMEOUT = 90
WORKERS = 2
TEST_PIPELINE = "tests.worker.pipelines:build_test_pipeline"


@dataclass
class ChaosStack:
    env: dict[str, str]
    log_dir: Path
    key: str
    tenant: str
    object_store: SeaweedFS
    notifier: ServiceProcess
    workers: list[ServiceProcess]
    exit_stack: contextlib.ExitStack
    gateways: list[ServiceProcess] = field(default_factory=list)

    @property
    def gateway(self) -> ServiceProcess:
        return self.gateways[-1]

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.env['DOSSIER_GATEWAY_PORT']}"

    @property
    def url(self) -> str:
        """The dashboard's address."""
        return self.api

    @property
    def ws(self) -> str:
        return self.env["DOSSIER_NOTIFIER_PUBLIC_URL"]

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    @property
    def processes(self) -> list[ServiceProcess]:
        return [*self.gateways, self.notifier, *self.workers]

    def start_gateway(self) -> ServiceProcess:
        """A gateway on the stack's port (again, after the previous one stopped)."""
        name = "gateway" if not self.gateways else f"gateway-{len(self.gateways) + 1}"
        gateway = self.exit_stack.enter_context(service("gateway", self.env, self.log_dir, name))
        self.gateways.append(gateway)
        wait_http_ok(f"{self.api}/readyz", READY_TIMEOUT, gateway)
        return gateway

    def gateway_log(self) -> str:
        """Every gateway process's log, the ones that were stopped included."""
        return "".join(gateway.log_text() for gateway in self.gateways)

    def logs(self) -> str:
        """The end of every service's log, for assertion messages."""
        return "\n".join(f"--- {p.name}\n{p.log_text()[-3000:]}" for p in self.processes)


@contextlib.asynccontextmanager
async def chaos_stack(
    object_store: SeaweedFS, rabbitmq: str, site: SlowSite, log_dir: Path, **worker_env: str
) -> AsyncIterator[ChaosStack]:
    """A new tenant and topology; every row fetches the slow site once, so sessions run
    long enough for a fault to land in their middle. The topology is deleted after."""
    tenant = f"t{uuid.uuid4().hex[:10]}"
    key = new_key()
    topology = Topology(f"dchaos-{uuid.uuid4().hex[:10]}")
    notifier_port = free_port()
    env = {
        **service_settings(rabbitmq, topology.prefix, object_store.endpoint, "dossier-chaos"),
        "DOSSIER_API_KEYS": f"{tenant}:{hash_key(key)}",
        "NO_PROXY": "127.0.0.1,localhost",
        "DOSSIER_GATEWAY_HOST": "127.0.0.1",
        "DOSSIER_GATEWAY_PORT": str(free_port()),
        "DOSSIER_NOTIFIER_HOST": "127.0.0.1",
        "DOSSIER_NOTIFIER_PORT": str(notifier_port),
        "DOSSIER_NOTIFIER_PUBLIC_URL": f"ws://127.0.0.1:{notifier_port}/ws",
    }
    worker_env = {
        "DOSSIER_WORKER_PIPELINE": TEST_PIPELINE,
        "DOSSIER_TEST_SLOW_URL": site.urls[0],
        # The default, pinned: the object store's outage is sized against these retries.
        "DOSSIER_WORKER_RETRY_BACKOFF_S": "0.5",
        **worker_env,
    }
    try:
        with contextlib.ExitStack() as exit_stack:
            notifier = exit_stack.enter_context(service("notifier", env, log_dir))
            workers: list[tuple[ServiceProcess, int]] = []
            for n in range(WORKERS):
                port = free_port()
                process = exit_stack.enter_context(
                    service(
                        "worker",
                        {**env, **worker_env, "DOSSIER_WORKER_HEALTH_PORT": str(port)},
                        log_dir,
                        f"worker{n}",
                    )
                )
                workers.append((process, port))
            stack = ChaosStack(
                env=env,
                log_dir=log_dir,
                key=key,
                tenant=tenant,
                object_store=object_store,
                notifier=notifier,
                workers=[process for process, _ in workers],
                exit_stack=exit_stack,
            )
            stack.start_gateway()
            wait_http_ok(f"http://127.0.0.1:{notifier_port}/readyz", READY_TIMEOUT, notifier)
            for process, port in workers:
                wait_http_ok(f"http://127.0.0.1:{port}/readyz", READY_TIMEOUT, process)
            yield stack
    finally:
        await delete_topology(rabbitmq, topology)
