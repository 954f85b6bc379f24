"""The gateway app on the in-memory twins of storage and the broker, driven through httpx's
ASGI transport.

Here `store` is the `MemoryStore` the app writes to (it shadows the real store of
tests/conftest.py) and `bus` is the `MemoryBus` its broker is attached to. Tests that need
the real services ask for them by name: `real_settings`, `gateway_process`.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from gateway.app import api_app, build_services
from gateway.settings import GatewaySettings
from shared.auth import hash_key, new_key
from shared.broker.enrich_protocol import Enricher
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.broker.protocol import Broker
from shared.broker.rabbit_topology import delete_topology
from shared.budget.protocol import Budget
from shared.storage.memory import MemoryStore
from shared.storage.protocol import ObjectStore
from shared.topology import Topology
from tests.processes import ServiceProcess, service, wait_http_ok
from tests.services import free_port

MakeSettings = Callable[..., GatewaySettings]


@dataclass(frozen=True)
class Caller:
    tenant: str
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}


@pytest.fixture
def owner(tenant: str) -> Caller:
    return Caller(tenant, new_key())


@pytest.fixture
def stranger(tenant: str) -> Caller:
    return Caller(f"{tenant}-other", new_key())


@dataclass(frozen=True)
class GatewayProcess:
    url: str
    owner: Caller
    service: ServiceProcess


@pytest.fixture
async def gateway_process(
    service_env: dict[str, str], owner: Caller, tmp_path: Path
) -> AsyncIterator[GatewayProcess]:
    """`python -m gateway` ready to serve the owner; its topology is deleted after."""
    port = free_port()
    env = {
        **service_env,
        "DOSSIER_API_KEYS": f"{owner.tenant}:{hash_key(owner.key)}",
        "DOSSIER_GATEWAY_PORT": str(port),
    }
    url = f"http://127.0.0.1:{port}"
    try:
        with service("gateway", env, tmp_path) as gateway:
            wait_http_ok(f"{url}/readyz", 60, gateway)
            yield GatewayProcess(url, owner, gateway)
    finally:
        await delete_topology(
            service_env["DOSSIER_AMQP_URL"], Topology(service_env["DOSSIER_TOPOLOGY_PREFIX"])
        )


@pytest.fixture
def make_settings(
    owner: Caller, stranger: Caller, topology_prefix: str, monkeypatch: pytest.MonkeyPatch
) -> MakeSettings:
    """Settings with keys for the owner and the stranger; keyword arguments override."""
    # Whatever DOSSIER_* the shell exports (limits, endpoints) must not change a test.
    for name in [name for name in os.environ if name.startswith("DOSSIER_")]:
        monkeypatch.delenv(name)
    keys = ",".join(f"{c.tenant}:{hash_key(c.key)}" for c in (owner, stranger))

    def build(**overrides: Any) -> GatewaySettings:
        fields = {"environment": "test", "topology_prefix": topology_prefix, "api_keys": keys}
        return GatewaySettings(**{**fields, **overrides})

    return build


@pytest.fixture
def real_settings(make_settings: MakeSettings, service_env: dict[str, str]) -> MakeSettings:
    """`make_settings` pointed at this test's SeaweedFS bucket and RabbitMQ topology."""
    service = {name.removeprefix("DOSSIER_").lower(): value for name, value in service_env.items()}
    return lambda **overrides: make_settings(**{**service, **overrides})


@pytest.fixture
def gateway_settings(make_settings: MakeSettings) -> GatewaySettings:
    return make_settings()


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def bus(gateway_settings: GatewaySettings) -> MemoryBus:
    return MemoryBus(gateway_settings.topology)


# Apps between tests: FastAPI builds each route's request model the first time an app
# routes a request, so an app serving test after test saves most of a test's time.
_IDLE_APPS: list[FastAPI] = []


class running_app:  # noqa: N801  # reads as a context manager function at call sites
    """The app on these services with its lifespan entered, as uvicorn would run it."""

    def __init__(
        self,
        settings: GatewaySettings,
        store: ObjectStore,
        broker: Broker,
        enricher: Enricher | None = None,
        budget: Budget | None = None,
    ) -> None:
        self.app = _IDLE_APPS.pop() if _IDLE_APPS else api_app()
        self.app.state.services = build_services(
            settings, store, broker, enricher=enricher, budget=budget
        )
        self._lifespan: Any = None

    async def __aenter__(self) -> FastAPI:
        self._lifespan = self.app.router.lifespan_context(self.app)
        await self._lifespan.__aenter__()
        return self.app

    async def __aexit__(self, *exc: object) -> None:
        await self._lifespan.__aexit__(None, None, None)
        _IDLE_APPS.append(self.app)


AppOnTwins = Callable[[GatewaySettings], running_app]


@pytest.fixture
def app_on_twins(store: MemoryStore, bus: MemoryBus) -> AppOnTwins:
    """An app with other settings, on this test's `store` and `bus`."""
    return lambda settings: running_app(settings, store, MemoryBroker(bus))


@pytest.fixture
async def gateway_app(
    gateway_settings: GatewaySettings, app_on_twins: AppOnTwins
) -> AsyncIterator[FastAPI]:
    async with app_on_twins(gateway_settings) as app:
        yield app


def client_for(app: FastAPI, caller: Caller | None) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://gateway.test",
        headers=caller.headers if caller else {},
        timeout=60,
    )


@pytest.fixture
async def client(gateway_app: FastAPI, owner: Caller) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(gateway_app, owner) as http:
        yield http


@pytest.fixture
async def other_client(gateway_app: FastAPI, stranger: Caller) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(gateway_app, stranger) as http:
        yield http


@pytest.fixture
async def anonymous(gateway_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(gateway_app, None) as http:
        yield http


async def upload(
    http: httpx.AsyncClient,
    content: bytes,
    filename: str = "companies.csv",
    **fields: str,
) -> httpx.Response:
    return await http.post(
        "/api/sessions",
        files={"file": (filename, content, "application/octet-stream")},
        data=fields,
    )
