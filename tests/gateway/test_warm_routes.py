"""A gateway builds its routes before it reports ready, and that reads nothing from
storage and counts no request, whether callers need a key or not."""

from __future__ import annotations

import pytest

from gateway.settings import GatewaySettings
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.storage.memory import MemoryStore
from shared.storage.protocol import ObjectInfo
from tests.gateway.conftest import MakeSettings, running_app

pytestmark = pytest.mark.unit


class RecordingStore(MemoryStore):
    """Records every listing and read."""

    def __init__(self) -> None:
        super().__init__()
        self.reads: list[str] = []

    async def get_bytes(self, key: str) -> bytes:
        self.reads.append(key)
        return await super().get_bytes(key)

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        self.reads.append(prefix)
        return await super().list_objects(prefix, start_after)

    async def list_children(self, prefix: str) -> list[str]:
        self.reads.append(prefix)
        return await super().list_children(prefix)


@pytest.mark.parametrize("keys", [True, False], ids=["with keys", "open access"])
async def test_building_the_routes_at_start_reads_nothing_and_counts_no_request(
    make_settings: MakeSettings, keys: bool
) -> None:
    settings: GatewaySettings = make_settings() if keys else make_settings(api_keys="")
    store = RecordingStore()
    async with running_app(settings, store, MemoryBroker(MemoryBus(settings.topology))) as app:
        metrics = app.state.services.metrics.render().decode()
    assert store.reads == []
    assert "/api/sessions" not in metrics
