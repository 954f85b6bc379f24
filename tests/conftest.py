"""Fixtures shared by every tier: real SeaweedFS and RabbitMQ, unique names per test."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest

from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.settings import CommonSettings
from shared.storage.s3 import MinioStore
from tests.rabbit_node import RabbitNode, private_rabbitmq
from tests.services import (
    AMQP_URL,
    require_rabbitmq,
    seaweedfs,
    service_settings,
)


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as endpoint:
        yield endpoint


@pytest.fixture(scope="session")
def s3_bucket() -> str:
    # One bucket per run: SeaweedFS gives each bucket its own volumes, so a bucket per
    # test would exhaust them. Tests isolate by tenant and session id instead.
    return f"dossier-test-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def rabbitmq() -> str:
    require_rabbitmq()
    return AMQP_URL


@pytest.fixture(scope="module")
def rabbit_node() -> Iterator[RabbitNode]:
    """A RabbitMQ node of the module's own, for tests that stop the broker: a module
    that uses it overrides `rabbitmq` with its URL."""
    with private_rabbitmq() as node:
        yield node


@pytest.fixture
def topology_prefix() -> str:
    return f"dtest-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def tenant() -> str:
    return f"t{uuid.uuid4().hex[:10]}"


@pytest.fixture
def service_env(
    s3_endpoint: str, s3_bucket: str, rabbitmq: str, topology_prefix: str
) -> dict[str, str]:
    """Environment for a service process (or settings object) of this test."""
    return service_settings(rabbitmq, topology_prefix, s3_endpoint, s3_bucket)


@pytest.fixture
def common_settings(service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> CommonSettings:
    for key, value in service_env.items():
        monkeypatch.setenv(key, value)
    return CommonSettings()


@pytest.fixture
async def store(common_settings: CommonSettings) -> AsyncIterator[MinioStore]:
    store = MinioStore(
        common_settings.s3_endpoint,
        common_settings.s3_access_key,
        common_settings.s3_secret_key.get_secret_value(),
        common_settings.s3_bucket,
    )
    await store.ensure_bucket()
    yield store
    store.close()


@pytest.fixture
async def broker(common_settings: CommonSettings) -> AsyncIterator[RabbitBroker]:
    broker = RabbitBroker(common_settings.amqp_url.get_secret_value(), common_settings.topology)
    await broker.connect()
    yield broker
    await broker.close()
    await delete_topology(common_settings.amqp_url.get_secret_value(), common_settings.topology)


TIERS = frozenset({"unit", "contract", "integration", "e2e", "browser"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a test without exactly one tier: `make test-fast` selects the unit tier by it."""
    untiered = [
        item.nodeid
        for item in items
        if len({mark.name for mark in item.iter_markers()} & TIERS) != 1
    ]
    if untiered:
        raise pytest.UsageError(f"tests without exactly one tier marker: {untiered[:20]}")
