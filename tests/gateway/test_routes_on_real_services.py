"""The app wired to real SeaweedFS and RabbitMQ: what the twins cannot prove.

The routes' rules are tested on the twins (tests/gateway/routes/); here one session goes
through the real adapters, and an unreachable S3 endpoint is shown to answer 503.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aio_pika
import httpx
import pytest
from aio_pika.abc import AbstractQueue

from gateway.settings import GatewaySettings
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.layout import (
    SessionKeys,
    criteria_key,
    criteria_source_key,
    tenant_criteria_prefix,
)
from shared.messages import CancelSession, EndSession, StartSession, parse_command
from shared.rows_format import read_rows
from shared.storage.s3 import MinioStore, store_from_settings
from tests.gateway.conftest import Caller, MakeSettings, client_for, running_app, upload
from tests.gateway.steps import CRITERIA_CSV, CSV, WAIT, send_criteria
from tests.services import free_port

pytestmark = pytest.mark.integration
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "criteria"


@dataclass(frozen=True)
class RealGateway:
    http: httpx.AsyncClient
    settings: GatewaySettings
    store: MinioStore


@pytest.fixture
async def real_gateway(real_settings: MakeSettings, owner: Caller) -> AsyncIterator[RealGateway]:
    """The owner's client of an app on this test's bucket and RabbitMQ topology."""
    settings = real_settings()
    amqp_url = settings.amqp_url.get_secret_value()
    store = store_from_settings(settings)
    broker = RabbitBroker(amqp_url, settings.topology)
    try:
        async with running_app(settings, store, broker) as app, client_for(app, owner) as http:
            yield RealGateway(http, settings, store)
    finally:
        store.close()
        await delete_topology(amqp_url, settings.topology)


@asynccontextmanager
async def commands_queue(settings: GatewaySettings) -> AsyncIterator[AbstractQueue]:
    connection = await aio_pika.connect(settings.amqp_url.get_secret_value())
    async with connection:
        channel = await connection.channel()
        yield await channel.get_queue(settings.topology.commands_queue)


@asynccontextmanager
async def control_listener(settings: GatewaySettings) -> AsyncIterator[AbstractQueue]:
    """An exclusive queue on the control fanout, as each worker has."""
    connection = await aio_pika.connect(settings.amqp_url.get_secret_value())
    async with connection:
        channel = await connection.channel()
        queue = await channel.declare_queue(exclusive=True, auto_delete=True)
        await queue.bind(settings.topology.control_exchange)
        yield queue


async def next_command(queue: AbstractQueue) -> StartSession | CancelSession | EndSession:
    async with queue.iterator() as messages:
        message = await asyncio.wait_for(anext(messages), WAIT)
        await message.ack()
    command = parse_command(message.body)
    assert isinstance(command, StartSession | CancelSession | EndSession)
    return command


async def queued_count(queue: AbstractQueue) -> int:
    declared = await queue.channel.declare_queue(queue.name, passive=True)
    count = declared.declaration_result.message_count
    return int(count or 0)


async def test_a_session_goes_through_real_storage_and_the_real_broker(
    real_gateway: RealGateway, owner: Caller
) -> None:
    http, settings, store = real_gateway.http, real_gateway.settings, real_gateway.store
    ready = await http.get("/readyz")
    assert (ready.status_code, ready.json()["checks"]) == (200, {"broker": True, "storage": True})
    created = await upload(http, CSV)
    assert created.status_code == 201, created.text
    session_id = created.json()["session_id"]
    keys = SessionKeys(owner.tenant, session_id)
    rows = read_rows(await store.get_bytes(keys.rows))
    assert [row.name for row in rows] == ["Capcom", "Krafton", "Sega"]

    async with commands_queue(settings) as queue:
        started = await http.post(f"/api/sessions/{session_id}/start")
        assert (started.status_code, started.json()["status"]) == (202, "queued")
        assert await next_command(queue) == StartSession(tenant=owner.tenant, session_id=session_id)
        assert (await http.post(f"/api/sessions/{session_id}/start")).status_code == 202
        assert await queued_count(queue) == 0, "a second start must not queue a second run"
    assert await store.exists(keys.start_marker)

    async with control_listener(settings) as control:
        cancelled = await http.post(f"/api/sessions/{session_id}/cancel")
        assert (cancelled.status_code, cancelled.json()["status"]) == (202, "cancelled")
        assert await next_command(control) == CancelSession(
            tenant=owner.tenant, session_id=session_id
        )
    assert await store.exists(keys.cancel_marker)

    # SeaweedFS may keep listing the emptied folder; the session must still be gone.
    assert (await http.delete(f"/api/sessions/{session_id}")).status_code == 204
    assert await store.list_objects(keys.prefix) == []
    listed = (await http.get("/api/sessions")).json()["items"]
    assert session_id not in [item["session_id"] for item in listed]
    gone = await http.get(f"/api/sessions/{session_id}")
    assert (gone.status_code, gone.json()["code"]) == (404, "session_not_found")


async def test_twenty_concurrent_starts_on_real_storage_queue_one_start_command(
    real_gateway: RealGateway, owner: Caller
) -> None:
    http, settings = real_gateway.http, real_gateway.settings
    created = await upload(http, CSV)
    assert created.status_code == 201, created.text
    session_id = created.json()["session_id"]

    async with commands_queue(settings) as queue:
        answers = await asyncio.gather(
            *(http.post(f"/api/sessions/{session_id}/start") for _ in range(20))
        )
        assert {(a.status_code, a.json()["status"]) for a in answers} == {(202, "queued")}
        assert len({a.json()["started_at"] for a in answers}) == 1
        assert await next_command(queue) == StartSession(tenant=owner.tenant, session_id=session_id)
        assert await queued_count(queue) == 0, "concurrent starts must queue one run"


async def test_criteria_files_are_stored_listed_and_deleted_on_real_storage(
    real_gateway: RealGateway, owner: Caller
) -> None:
    http, store = real_gateway.http, real_gateway.store
    example = EXAMPLES / "security.xlsx"
    created = await send_criteria(http, example.read_bytes(), example.name)
    assert created.status_code == 201, created.text
    assert created.json()["name"] == "security"
    # The name is taken by a conditional write, which the S3 service must honour.
    again = await send_criteria(http, CRITERIA_CSV, "other.csv", name="security")
    assert (again.status_code, again.json()["code"]) == (409, "criteria_exists")
    assert await store.get_bytes(criteria_source_key(owner.tenant, "security")) == (
        example.read_bytes()
    )
    assert (await send_criteria(http, CRITERIA_CSV, "cdn.csv")).status_code == 201

    listed = (await http.get("/api/criteria")).json()["items"]
    assert [item["name"] for item in listed] == ["cdn", "security"]
    assert listed[1]["products"][0]["name"] == "Bot and DDoS protection"

    assert (await http.delete("/api/criteria/security")).status_code == 204
    assert [item["name"] for item in (await http.get("/api/criteria")).json()["items"]] == ["cdn"]
    keys = [info.key for info in await store.list_objects(tenant_criteria_prefix(owner.tenant))]
    assert keys == [criteria_key(owner.tenant, "cdn"), criteria_source_key(owner.tenant, "cdn")]
    gone = await http.get("/api/criteria/security")
    assert (gone.status_code, gone.json()["code"]) == (404, "criteria_not_found")


async def test_an_unreachable_s3_endpoint_answers_503_not_500(
    make_settings: MakeSettings, owner: Caller
) -> None:
    """The twin's outage raises `Retryable` by construction; this shows the S3 adapter's
    connection failures become the same 503 (the broker is a twin: it is not under test)."""
    settings = make_settings(s3_endpoint=f"127.0.0.1:{free_port()}", broker_retry_seconds=0.2)
    store = store_from_settings(settings)
    broker = MemoryBroker(MemoryBus(settings.topology))
    try:
        async with running_app(settings, store, broker) as app, client_for(app, owner) as http:
            ready = await http.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["checks"]["storage"] is False
            listed = await http.get("/api/sessions")
            assert (listed.status_code, listed.json()["code"]) == (503, "storage_unavailable")
            created = await upload(http, b"Company\nAcme\n", "a.csv")
            assert (created.status_code, created.json()["code"]) == (503, "storage_unavailable")
            # The client is told what to do; the endpoint, bucket and object keys stay in the
            # gateway's log.
            for answer in (listed, created):
                message = answer.json()["message"]
                assert message == "object storage is unreachable; try again in a few seconds"
    finally:
        store.close()


async def test_a_never_started_session_is_cancelled_only_when_its_end_command_is_sent(
    real_settings: MakeSettings, owner: Caller
) -> None:
    """With RabbitMQ out of reach (a closed port) the cancel is refused and storage is left
    as it was; on the real broker it is accepted with the command a worker ends it on."""
    settings = real_settings()
    amqp_url = settings.amqp_url.get_secret_value()
    store = store_from_settings(settings)
    unreachable = RabbitBroker(f"amqp://guest:guest@127.0.0.1:{free_port()}/", settings.topology)
    try:
        async with running_app(settings, store, unreachable) as app, client_for(app, owner) as http:
            created = await upload(http, CSV)
            assert created.status_code == 201, created.text
            session_id = created.json()["session_id"]
            keys = SessionKeys(owner.tenant, session_id)
            before = [info.key for info in await store.list_objects(keys.prefix)]
            refused = await http.post(f"/api/sessions/{session_id}/cancel")
            assert (refused.status_code, refused.json()["code"]) == (503, "broker_unavailable")
            assert [info.key for info in await store.list_objects(keys.prefix)] == before
            state = (await http.get(f"/api/sessions/{session_id}")).json()
            assert (state["status"], state["cancel_requested_at"]) == ("created", None)

        broker = RabbitBroker(amqp_url, settings.topology)
        async with (
            running_app(settings, store, broker) as app,
            client_for(app, owner) as http,
            commands_queue(settings) as queue,
        ):
            accepted = await http.post(f"/api/sessions/{session_id}/cancel")
            assert (accepted.status_code, accepted.json()["status"]) == (202, "cancelled")
            assert await next_command(queue) == EndSession(
                tenant=owner.tenant, session_id=session_id
            )
        assert await store.exists(keys.cancel_marker)
    finally:
        store.close()
        await delete_topology(amqp_url, settings.topology)
