"""Cancelling a session never started: accepted only with the command that makes a worker
end it (files, final status, webhook); without the broker, 503 and nothing changed."""

from __future__ import annotations

import asyncio
from datetime import datetime

import httpx
import pytest

from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.messages import EndSession
from shared.models import CancelRequest
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.steps import Listener, new_session

pytestmark = pytest.mark.unit
RACERS = 10


class CancelStore(MemoryStore):
    """With `lose_broker` set, the broker goes away just after a cancel marker is stored:
    between the gateway's readiness check and its publish. With `racers`, every cancel
    marker write waits for that many writers, so concurrent cancels all read `created`."""

    def __init__(self) -> None:
        super().__init__()
        self.lose_broker: MemoryBus | None = None
        self.racers = 1
        self._arrived = 0
        self._all_in = asyncio.Event()

    async def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> bool:
        is_cancel = key.endswith("/markers/cancel.json")
        if is_cancel and self.racers > 1:
            self._arrived += 1
            if self._arrived >= self.racers:
                self._all_in.set()
            await asyncio.wait_for(self._all_in.wait(), 10)
        won = await super().put_if_absent(key, data, content_type)
        if is_cancel and self.lose_broker is not None:
            self.lose_broker.interrupt()
        return won


@pytest.fixture
def store() -> CancelStore:
    return CancelStore()


async def _objects(store: MemoryStore, keys: SessionKeys) -> list[str]:
    return [info.key for info in await store.list_objects(keys.prefix)]


async def test_without_the_broker_a_never_started_session_is_not_cancelled(
    client: httpx.AsyncClient, bus: MemoryBus, store: CancelStore, owner: Caller
) -> None:
    session_id = await new_session(client)
    keys = SessionKeys(owner.tenant, session_id)
    before = await _objects(store, keys)
    bus.interrupt()

    refused = await client.post(f"/api/sessions/{session_id}/cancel")

    assert (refused.status_code, refused.json()["code"]) == (503, "broker_unavailable")
    assert await _objects(store, keys) == before
    assert (await client.get(f"/api/sessions/{session_id}")).json()["status"] == "created"

    bus.restore()
    async with Listener(bus) as listener:
        accepted = await client.post(f"/api/sessions/{session_id}/cancel")
        assert (accepted.status_code, accepted.json()["status"]) == (202, "cancelled")
        assert await listener.take_commands() == [
            EndSession(tenant=owner.tenant, session_id=session_id)
        ]
    assert await store.exists(keys.cancel_marker)


async def test_a_broker_lost_between_the_marker_and_the_command_takes_the_marker_back(
    client: httpx.AsyncClient, bus: MemoryBus, store: CancelStore, owner: Caller
) -> None:
    session_id = await new_session(client)
    keys = SessionKeys(owner.tenant, session_id)
    before = await _objects(store, keys)
    store.lose_broker = bus

    refused = await client.post(f"/api/sessions/{session_id}/cancel")

    assert (refused.status_code, refused.json()["code"]) == (503, "broker_unavailable")
    assert await _objects(store, keys) == before
    assert (await client.get(f"/api/sessions/{session_id}")).json()["status"] == "created"
    assert bus.depth(bus.topology.commands_queue) == 0


async def test_concurrent_cancels_send_one_end_command_and_agree_on_its_time(
    client: httpx.AsyncClient, bus: MemoryBus, store: CancelStore, owner: Caller
) -> None:
    session_id = await new_session(client)
    store.racers = RACERS
    async with Listener(bus) as listener:
        answers = await asyncio.gather(
            *(client.post(f"/api/sessions/{session_id}/cancel") for _ in range(RACERS))
        )
        assert [a.status_code for a in answers] == [202] * RACERS
        assert await listener.take_commands() == [
            EndSession(tenant=owner.tenant, session_id=session_id)
        ]
    marker = await store.get_model(
        SessionKeys(owner.tenant, session_id).cancel_marker, CancelRequest
    )
    # Every caller is shown the cancel that was recorded, whichever request it came from.
    times = {datetime.fromisoformat(a.json()["cancel_requested_at"]) for a in answers}
    assert times == {marker.requested_at}
