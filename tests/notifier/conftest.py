"""A notifier per test module (as a process, or in this process), its keys and a publisher;
the hub and consumer on the in-memory twins per unit test."""

from __future__ import annotations

import asyncio
import contextlib
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families

from notifier.service import run_notifier
from notifier.settings import NotifierSettings
from shared.auth import ApiKeys, hash_key, new_key
from shared.broker.protocol import Broker
from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.storage.s3 import MinioStore
from shared.topology import Topology
from tests.notifier.twins import TwinNotifier, twin_notifier
from tests.processes import ServiceProcess, service, wait_http_ok
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, free_port, service_settings

TENANTS_PER_MODULE = 24
# The two metrics whose Prometheus names differ from the keys the tests read them by.
RENAMED = {"clients": "connections", "connections_accepted": "connections_total"}


def metrics_by_key(text: str) -> dict[str, float]:
    """The unlabelled counters and gauges of /metrics, by name without prefix or `_total`."""
    values: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        if family.type not in ("counter", "gauge"):
            continue
        name = family.name.removeprefix("dossier_notifier_")
        for sample in family.samples:
            if not sample.labels and not sample.name.endswith("_created"):
                values[RENAMED.get(name, name)] = sample.value
    return values


@dataclass
class Notifier:
    port: int
    keys: dict[str, str]
    process: ServiceProcess | None = None
    broker: RabbitBroker | None = None
    _free: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def http(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def metrics(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.http("/metrics"), timeout=5) as response:
            return metrics_by_key(response.read().decode())

    def take_tenant(self) -> tuple[str, str]:
        """A tenant no other test of the module uses, and its API key."""
        tenant = self._free.pop()
        return tenant, self.keys[tenant]


def make_keys() -> dict[str, str]:
    return {f"t{uuid.uuid4().hex[:10]}": new_key() for _ in range(TENANTS_PER_MODULE)}


def keys_setting(keys: dict[str, str]) -> str:
    return ",".join(f"{tenant}:{hash_key(key)}" for tenant, key in keys.items())


@pytest.fixture(scope="module")
def module_env(s3_endpoint: str, s3_bucket: str, rabbitmq: str) -> dict[str, str]:
    return service_settings(rabbitmq, f"dtest-{uuid.uuid4().hex[:10]}", s3_endpoint, s3_bucket)


@pytest.fixture(scope="module")
async def module_store(module_env: dict[str, str]) -> AsyncIterator[MinioStore]:
    store = MinioStore(
        module_env["DOSSIER_S3_ENDPOINT"],
        TEST_S3_ACCESS_KEY,
        TEST_S3_SECRET_KEY,
        module_env["DOSSIER_S3_BUCKET"],
    )
    await store.ensure_bucket()
    yield store
    store.close()


@pytest.fixture(scope="module")
async def publisher(module_env: dict[str, str]) -> AsyncIterator[RabbitBroker]:
    """Publishes events the way a worker does."""
    url = module_env["DOSSIER_AMQP_URL"]
    topology = Topology(module_env["DOSSIER_TOPOLOGY_PREFIX"])
    broker = RabbitBroker(url, topology)
    await broker.connect()
    yield broker
    await broker.close()
    await delete_topology(url, topology)


@contextlib.contextmanager
def notifier_process(
    env: dict[str, str], log_dir: Path, keys: dict[str, str] | None = None, **settings: str
) -> Iterator[Notifier]:
    keys = keys or make_keys()
    port = free_port()
    process_env = {
        **env,
        "DOSSIER_NOTIFIER_PORT": str(port),
        "DOSSIER_API_KEYS": keys_setting(keys),
        **{f"DOSSIER_NOTIFIER_{name.upper()}": value for name, value in settings.items()},
    }
    with service("notifier", process_env, log_dir, name=f"notifier-{port}") as running:
        wait_http_ok(f"http://127.0.0.1:{port}/readyz", 60, running)
        yield Notifier(port, keys, running, None, list(keys))


@pytest.fixture(scope="module")
def notifier(
    module_env: dict[str, str],
    publisher: Broker,
    module_store: MinioStore,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Notifier]:
    with notifier_process(module_env, tmp_path_factory.mktemp("notifier")) as running:
        yield running


@contextlib.asynccontextmanager
async def notifier_in_process(
    env: dict[str, str], *, with_keys: bool = True, ready: bool = True, **overrides: Any
) -> AsyncIterator[Notifier]:
    """The same service in this event loop, with its broker adapter at hand."""
    keys = make_keys() if with_keys else {}
    port = free_port()
    settings = NotifierSettings(
        environment="test",
        amqp_url=overrides.pop("amqp_url", env["DOSSIER_AMQP_URL"]),
        topology_prefix=env["DOSSIER_TOPOLOGY_PREFIX"],
        s3_endpoint=env["DOSSIER_S3_ENDPOINT"],
        s3_access_key=TEST_S3_ACCESS_KEY,
        s3_secret_key=TEST_S3_SECRET_KEY,
        s3_bucket=env["DOSSIER_S3_BUCKET"],
        notifier_port=port,
        **overrides,
    )
    store = MinioStore(
        settings.s3_endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, settings.s3_bucket
    )
    broker = RabbitBroker(settings.amqp_url.get_secret_value(), settings.topology)
    stop = asyncio.Event()
    hashes = {hash_key(key): tenant for tenant, key in keys.items()}
    task = asyncio.create_task(run_notifier(settings, store, broker, ApiKeys(hashes), stop))
    running = Notifier(port, keys, None, broker, list(keys))
    try:
        await wait_ready(running, task, path="/readyz" if ready else "/healthz")
        yield running
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
        await broker.close()
        store.close()


async def wait_ready(
    running: Notifier, task: asyncio.Task[None], timeout: float = 30, path: str = "/readyz"
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if task.done():
            task.result()
            raise RuntimeError("the notifier stopped before it was ready")
        if await loop.run_in_executor(None, _answers_200, running.http(path)):
            return
        await asyncio.sleep(0.1)
    raise RuntimeError("the notifier was not ready in time")


def _answers_200(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture
async def twins() -> AsyncIterator[TwinNotifier]:
    """The hub and event consumer on the in-memory broker and store."""
    async with twin_notifier() as running:
        yield running
