"""Concurrent starts of one session: one start command, every caller told it is queued."""

from __future__ import annotations

import asyncio
from datetime import datetime

import httpx
import pytest

from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.messages import SessionStatusChanged, StartSession
from shared.models import StartRequest
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.steps import Listener, new_session

pytestmark = pytest.mark.unit

RACERS = 20


class RacingStore(MemoryStore):
    """Holds each start marker's write until every racer reached it, so all of them read
    the session as `created` before any marker exists: the widest possible race. With
    `owner_gave_up`, the marker is lost to a start that then removed it again."""

    def __init__(self, racers: int) -> None:
        super().__init__()
        self.racers = racers
        self.owner_gave_up = False
        self._arrived = 0
        self._all_in = asyncio.Event()
        self.claims: list[bool] = []

    async def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> bool:
        if key.endswith("/markers/start.json"):
            if self.owner_gave_up:
                return False
            self._arrived += 1
            if self._arrived >= self.racers:
                self._all_in.set()
            await asyncio.wait_for(self._all_in.wait(), 10)
        won = await super().put_if_absent(key, data, content_type)
        self.claims.append(won)
        return won


@pytest.fixture
def store() -> RacingStore:
    return RacingStore(RACERS)


async def test_twenty_concurrent_starts_publish_one_start_command(
    client: httpx.AsyncClient, bus: MemoryBus, store: RacingStore, owner: Caller
) -> None:
    session_id = await new_session(client)
    keys = SessionKeys(owner.tenant, session_id)
    async with Listener(bus) as listener:
        answers = await asyncio.gather(
            *(client.post(f"/api/sessions/{session_id}/start") for _ in range(RACERS))
        )

        assert [a.status_code for a in answers] == [202] * RACERS
        assert {a.json()["status"] for a in answers} == {"queued"}
        assert sorted(store.claims) == [False] * (RACERS - 1) + [True]
        assert await listener.take_commands() == [
            StartSession(tenant=owner.tenant, session_id=session_id)
        ]
        queued = [e for _, e in await listener.events() if isinstance(e, SessionStatusChanged)]
        assert len(queued) == 1
    marker = await store.get_model(keys.start_marker, StartRequest)
    # Every caller is shown the start that was recorded, whichever request it came from.
    started = {datetime.fromisoformat(a.json()["started_at"]) for a in answers}
    assert started == {marker.requested_at}


async def test_a_start_losing_to_one_that_could_not_publish_is_not_accepted(
    client: httpx.AsyncClient, store: RacingStore, owner: Caller
) -> None:
    session_id = await new_session(client)
    store.racers = 1
    store.owner_gave_up = True

    answer = await client.post(f"/api/sessions/{session_id}/start")

    assert (answer.status_code, answer.json()["code"]) == (503, "broker_unavailable")
    assert not await store.exists(SessionKeys(owner.tenant, session_id).start_marker)
