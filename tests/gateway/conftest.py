"""The gateway app on real SeaweedFS and RabbitMQ, driven through httpx's ASGI transport."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from gateway.app import create_app
from gateway.settings import GatewaySettings
from shared.auth import hash_key, new_key
from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.storage.s3 import MinioStore, store_from_settings
from shared.topology import Topology
from tests.processes import ServiceProcess, service, wait_http_ok
from tests.services import free_port


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
    service_env: dict[str, str],
    owner: Caller,
    stranger: Caller,
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[..., GatewaySettings]:
    for key, value in service_env.items():
        monkeypatch.setenv(key, value)
    keys = ",".join(f"{c.tenant}:{hash_key(c.key)}" for c in (owner, stranger))

    def build(**overrides: Any) -> GatewaySettings:
        return GatewaySettings(**{"api_keys": keys, **overrides})

    return build


@pytest.fixture
def gateway_settings(make_settings: Callable[..., GatewaySettings]) -> GatewaySettings:
    return make_settings()


@pytest.fixture
async def gateway_app(gateway_settings: GatewaySettings) -> AsyncIterator[FastAPI]:
    async with running_app(gateway_settings) as app:
        yield app


class running_app:  # noqa: N801  # reads as a context manager function at call sites
    """The app with its lifespan entered, as uvicorn would run it."""

    def __init__(self, settings: GatewaySettings) -> None:
        self.settings = settings
        self.store: MinioStore = store_from_settings(settings)
        self.broker = RabbitBroker(settings.amqp_url.get_secret_value(), settings.topology)
        self.app = create_app(settings, self.store, self.broker)
        self._lifespan: Any = None

    async def __aenter__(self) -> FastAPI:
        self._lifespan = self.app.router.lifespan_context(self.app)
        await self._lifespan.__aenter__()
        return self.app

    async def __aexit__(self, *exc: object) -> None:
        declared = self.broker.ready
        await self._lifespan.__aexit__(None, None, None)
        self.store.close()
        if declared:
            await delete_topology(self.settings.amqp_url.get_secret_value(), self.settings.topology)


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
