"""Engine fixtures: the tenant's sessions, worker processes and a slow local website; or
`twin`, the whole engine in this process on the in-memory broker and store."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from shared.broker.protocol import Broker
from shared.storage.s3 import MinioStore
from tests.processes import ServiceProcess, service, wait_http_ok
from tests.services import free_port
from tests.slow_site import SlowSite, slow_sites
from tests.worker.engine import MemoryEngine, memory_engine
from tests.worker.sessions import Engine

TEST_PIPELINE = "tests.worker.pipelines:build_test_pipeline"


@pytest.fixture
def worker_env(service_env: dict[str, str]) -> dict[str, str]:
    return {
        **service_env,
        "DOSSIER_PIPELINE_STAGES": "normalize",
        "DOSSIER_WORKER_CANCEL_POLL_S": "0.3",
    }


class Workers:
    def __init__(self, env: dict[str, str], log_dir: Path, stack: contextlib.ExitStack) -> None:
        self._env = env
        self._log_dir = log_dir
        self._stack = stack
        self.processes: list[ServiceProcess] = []

    def start(self, count: int, **extra: str) -> list[ServiceProcess]:
        started = []
        for _ in range(count):
            port = free_port()
            env = {**self._env, "DOSSIER_WORKER_HEALTH_PORT": str(port), **extra}
            name = f"worker{len(self.processes)}"
            process = self._stack.enter_context(service("worker", env, self._log_dir, name))
            self.processes.append(process)
            started.append((process, port))
        for process, port in started:
            # Generous: several interpreters importing at once on a busy 2-core machine.
            wait_http_ok(f"http://127.0.0.1:{port}/readyz", 60, process)
        return [process for process, _ in started]


@pytest.fixture
def workers(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Workers]:
    with contextlib.ExitStack() as stack:
        yield Workers(worker_env, tmp_path / "logs", stack)


def slow_pipeline_env(site: SlowSite) -> dict[str, str]:
    """Worker settings for the test pipeline, whose rows without a website fetch the site."""
    return {"DOSSIER_WORKER_PIPELINE": TEST_PIPELINE, "DOSSIER_TEST_SLOW_URL": site.urls[0]}


@pytest.fixture
def slow_site() -> Iterator[SlowSite]:
    with slow_sites(0.2, 1) as (site, _):
        yield site


@pytest.fixture
def engine(store: MinioStore, broker: Broker, tenant: str) -> Engine:
    return Engine(store, broker, tenant)


@pytest.fixture
async def twin() -> AsyncIterator[MemoryEngine]:
    async with memory_engine() as engine:
        yield engine
