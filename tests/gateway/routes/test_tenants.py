"""Another tenant's sessions do not exist for a caller: 404 everywhere, nothing changes."""

from __future__ import annotations

import httpx
import pytest

from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.steps import Listener, new_session

pytestmark = pytest.mark.unit

FOREIGN_REQUESTS = [
    ("GET", ""),
    ("GET", "/preview"),
    ("POST", "/start"),
    ("POST", "/cancel"),
    ("GET", "/results"),
    ("GET", "/results?format=csv"),
    ("GET", "/logs/pipeline"),
    ("GET", "/download_archive"),
    ("DELETE", ""),
]


@pytest.mark.parametrize(("method", "suffix"), FOREIGN_REQUESTS)
async def test_another_tenant_gets_404_and_changes_nothing(
    client: httpx.AsyncClient,
    other_client: httpx.AsyncClient,
    store: MemoryStore,
    bus: MemoryBus,
    owner: Caller,
    method: str,
    suffix: str,
) -> None:
    session_id = await new_session(client)
    keys = SessionKeys(owner.tenant, session_id)
    before = [info.key for info in await store.list_objects(keys.prefix)]
    async with Listener(bus) as listener:
        response = await other_client.request(method, f"/api/sessions/{session_id}{suffix}")
        assert (listener.waiting_commands(), await listener.control()) == (0, [])
        assert await listener.events() == []
    assert response.status_code == 404, response.text
    assert response.json()["code"] == "session_not_found"
    assert [info.key for info in await store.list_objects(keys.prefix)] == before
    assert (await client.get(f"/api/sessions/{session_id}")).json()["status"] == "created"


async def test_another_tenant_does_not_see_the_session_in_its_list(
    client: httpx.AsyncClient, other_client: httpx.AsyncClient
) -> None:
    session_id = await new_session(client)
    theirs = (await other_client.get("/api/sessions")).json()["items"]
    assert session_id not in [s["session_id"] for s in theirs]
    mine = (await client.get("/api/sessions")).json()["items"]
    assert session_id in [s["session_id"] for s in mine]
