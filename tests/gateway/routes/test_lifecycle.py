"""Start, cancel and delete through every status, with worker objects seeded in storage."""

from __future__ import annotations

import httpx
import pytest

from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import CancelSession, SessionStatusChanged, StartSession
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.seed import result_row, seed_chunk, seed_final
from tests.gateway.steps import Listener, new_session, started_session
from tests.sessions import seed_plan

pytestmark = pytest.mark.unit


async def status_of(http: httpx.AsyncClient, session_id: str) -> str:
    response = await http.get(f"/api/sessions/{session_id}")
    assert response.status_code == 200, response.text
    status: str = response.json()["status"]
    return status


async def test_start_publishes_one_start_command_and_queues_the_session(
    client: httpx.AsyncClient, bus: MemoryBus, owner: Caller, store: MemoryStore
) -> None:
    session_id = await new_session(client)
    async with Listener(bus) as listener:
        started = await client.post(f"/api/sessions/{session_id}/start")
        assert started.status_code == 202, started.text
        assert started.json()["status"] == "queued"
        assert started.json()["started_at"]
        assert listener.waiting_commands() == 1

        again = await client.post(f"/api/sessions/{session_id}/start")
        assert again.status_code == 202
        assert again.json()["status"] == "queued"
        assert listener.waiting_commands() == 1, "a second start must not queue a second run"
        assert await listener.take_commands() == [
            StartSession(tenant=owner.tenant, session_id=session_id)
        ]
        ((routing_key, event),) = await listener.events()
        assert routing_key == f"session.{session_id}.session.status"
        assert isinstance(event, SessionStatusChanged)
        assert (event.tenant, event.session_id) == (owner.tenant, session_id)
        assert event.status == SessionStatus.QUEUED
        assert await listener.control() == []
    assert await store.exists(SessionKeys(owner.tenant, session_id).start_marker)
    assert await status_of(client, session_id) == "queued"


async def test_start_is_refused_while_running_and_after_finishing(
    client: httpx.AsyncClient, bus: MemoryBus, store: MemoryStore, owner: Caller
) -> None:
    session_id = await started_session(client)
    keys = SessionKeys(owner.tenant, session_id)
    await seed_plan(store, keys, total=3, chunk_size=2)
    assert await status_of(client, session_id) == "running"
    running = await client.post(f"/api/sessions/{session_id}/start")
    assert (running.status_code, running.json()["code"]) == (409, "session_running")

    rows = [result_row(i, n) for i, n in enumerate(["Capcom", "Krafton", "Sega"])]
    await seed_chunk(store, keys, 0, rows[:2])
    await seed_chunk(store, keys, 1, rows[2:])
    await seed_final(store, keys, SessionStatus.COMPLETED, rows, ["Company", "Website"])
    assert await status_of(client, session_id) == "completed"
    finished = await client.post(f"/api/sessions/{session_id}/start")
    assert (finished.status_code, finished.json()["code"]) == (409, "session_finished")
    assert bus.depth(bus.topology.commands_queue) == 1, "only the accepted start is queued"


@pytest.mark.parametrize("stage", ["created", "queued", "running"])
async def test_cancel_of_an_unfinished_session_marks_it_and_tells_every_worker(
    client: httpx.AsyncClient,
    bus: MemoryBus,
    store: MemoryStore,
    owner: Caller,
    stage: str,
) -> None:
    session_id = await new_session(client)
    keys = SessionKeys(owner.tenant, session_id)
    if stage != "created":
        assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    if stage == "running":
        await seed_plan(store, keys, total=3, chunk_size=2)
        await seed_chunk(store, keys, 0, [result_row(0, "Capcom"), result_row(1, "Krafton")])
    assert await status_of(client, session_id) == stage
    async with Listener(bus) as listener:
        cancelled = await client.post(f"/api/sessions/{session_id}/cancel")
        assert cancelled.status_code == 202, cancelled.text
        assert cancelled.json()["status"] == "cancelled"
        assert await listener.control() == [
            CancelSession(tenant=owner.tenant, session_id=session_id)
        ]
    assert await store.exists(keys.cancel_marker)
    assert await status_of(client, session_id) == "cancelled"
    if stage == "running":
        page = (await client.get(f"/api/sessions/{session_id}/results")).json()
        assert [row["Company_Name"] for row in page["rows"]] == ["Capcom", "Krafton"]


@pytest.mark.parametrize("final", [SessionStatus.COMPLETED, SessionStatus.FAILED])
async def test_cancel_of_a_finished_session_changes_nothing(
    client: httpx.AsyncClient,
    bus: MemoryBus,
    store: MemoryStore,
    owner: Caller,
    final: SessionStatus,
) -> None:
    session_id = await started_session(client)
    keys = SessionKeys(owner.tenant, session_id)
    await seed_plan(store, keys, total=1, chunk_size=5)
    rows = [result_row(0, "Capcom")]
    await seed_chunk(store, keys, 0, rows)
    await seed_final(store, keys, final, rows, ["Company"])
    async with Listener(bus) as listener:
        response = await client.post(f"/api/sessions/{session_id}/cancel")
        assert await listener.control() == []
    assert (response.status_code, response.json()["code"]) == (409, "session_finished")
    assert await status_of(client, session_id) == final.value
    assert not await store.exists(keys.cancel_marker)


async def test_second_cancel_is_refused_and_the_session_stays_cancelled(
    client: httpx.AsyncClient, bus: MemoryBus
) -> None:
    session_id = await new_session(client)
    assert (await client.post(f"/api/sessions/{session_id}/cancel")).status_code == 202
    async with Listener(bus) as listener:
        # Never started, the session is ended by a worker (its webhook called).
        ending = await listener.take_commands()
        assert [(c.kind, c.session_id) for c in ending] == [("session.end", session_id)]
        again = await client.post(f"/api/sessions/{session_id}/cancel")
        started = await client.post(f"/api/sessions/{session_id}/start")
        assert await listener.control() == []
        assert listener.waiting_commands() == 0
    assert (again.status_code, again.json()["code"]) == (409, "session_finished")
    assert (started.status_code, started.json()["code"]) == (409, "session_finished")
    assert await status_of(client, session_id) == "cancelled"


async def test_delete_is_refused_while_queued_or_running(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id = await started_session(client)
    keys = SessionKeys(owner.tenant, session_id)
    queued = await client.delete(f"/api/sessions/{session_id}")
    assert (queued.status_code, queued.json()["code"]) == (409, "session_active")
    await seed_plan(store, keys, total=3, chunk_size=2)
    running = await client.delete(f"/api/sessions/{session_id}")
    assert (running.status_code, running.json()["code"]) == (409, "session_active")
    assert await store.exists(keys.manifest)


@pytest.mark.parametrize("stage", ["created", "completed", "cancelled"])
async def test_delete_removes_every_object_of_the_session(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, stage: str
) -> None:
    session_id = await new_session(client)
    keys = SessionKeys(owner.tenant, session_id)
    if stage == "completed":
        assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
        await seed_plan(store, keys, total=1, chunk_size=5)
        await seed_chunk(store, keys, 0, [result_row(0, "Capcom")])
        await seed_final(store, keys, SessionStatus.COMPLETED, [result_row(0, "Capcom")], [])
    if stage == "cancelled":
        assert (await client.post(f"/api/sessions/{session_id}/cancel")).status_code == 202
    response = await client.delete(f"/api/sessions/{session_id}")
    assert response.status_code == 204
    assert await store.list_objects(keys.prefix) == []
    gone = await client.get(f"/api/sessions/{session_id}")
    assert (gone.status_code, gone.json()["code"]) == (404, "session_not_found")
