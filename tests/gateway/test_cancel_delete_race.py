"""A session cancelled before it started and deleted at once, while a worker ends it: on
real SeaweedFS and RabbitMQ, the gateway's DELETE is made to land at a chosen write of the
worker (the final files, the final status, the webhook's claim, its delivery log). The
session must be gone afterwards, whatever the worker was writing, and no webhook call may
follow the deletion."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import aio_pika
import httpx
import pytest

from gateway.settings import GatewaySettings
from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.layout import SessionKeys
from shared.messages import EndSession, parse_command
from shared.storage.s3 import MinioStore
from tests.gateway.conftest import Caller, MakeSettings, client_for, running_app, upload
from tests.gateway.steps import CSV
from tests.worker.webhook_receiver import Receiver, webhook_receiver
from worker.finalizer import Finalizer
from worker.pipeline.build import web_client
from worker.pipeline.settings import PipelineSettings
from worker.planner import Planner
from worker.webhooks.sender import WebhookSender

pytestmark = pytest.mark.integration
ATTEMPTS = 3


class DeletingStore(MinioStore):
    """The worker's store: just before the first write of a key ending in `trigger`, the
    session is deleted through the gateway, so the delete always lands between what the
    worker read and what it writes."""

    trigger = ""
    deleter: Callable[[], Awaitable[None]] | None = None
    fired = False

    async def _before_write(self, key: str) -> None:
        if self.trigger and key.endswith(self.trigger) and not self.fired and self.deleter:
            self.fired = True
            await self.deleter()

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        await self._before_write(key)
        await super().put_bytes(key, data, content_type)

    async def put_if_absent(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> bool:
        await self._before_write(key)
        return await super().put_if_absent(key, data, content_type)

    async def put_stream(
        self,
        key: str,
        chunks: AsyncIterator[bytes],
        content_type: str = "application/octet-stream",
    ) -> int:
        await self._before_write(key)
        return await super().put_stream(key, chunks, content_type)


@dataclass
class Rig:
    http: httpx.AsyncClient
    settings: GatewaySettings
    store: DeletingStore
    planner: Planner
    webhooks: WebhookSender
    receiver: Receiver


def _store(settings: GatewaySettings) -> DeletingStore:
    return DeletingStore(
        settings.s3_endpoint,
        settings.s3_access_key,
        settings.s3_secret_key.get_secret_value(),
        settings.s3_bucket,
    )


@pytest.fixture
async def rig(real_settings: MakeSettings, owner: Caller) -> AsyncIterator[Rig]:
    """A gateway and a worker's planner, finalizer and webhook sender, on this test's
    bucket and topology, with a receiver that never accepts (so only the deletion stops
    the attempts)."""
    settings = real_settings(fetch_allow_private_networks=True)
    amqp_url = settings.amqp_url.get_secret_value()
    gateway_store, worker_store = _store(settings), _store(settings)
    publisher = RabbitBroker(amqp_url, settings.topology)
    client = web_client(PipelineSettings(fetch_allow_private_networks=True, fetch_timeout_s=2))
    webhooks = WebhookSender(worker_store, client, attempts=ATTEMPTS, backoff_s=0.05)
    planner = Planner(worker_store, publisher, Finalizer(worker_store, publisher, webhooks), 10)
    try:
        async with (
            running_app(settings, gateway_store, RabbitBroker(amqp_url, settings.topology)) as app,
            client_for(app, owner) as http,
        ):
            await publisher.connect()
            with webhook_receiver(fail_first=100) as receiver:
                yield Rig(http, settings, worker_store, planner, webhooks, receiver)
    finally:
        await webhooks.aclose()
        await publisher.close()
        gateway_store.close()
        worker_store.close()
        await delete_topology(amqp_url, settings.topology)


async def _cancelled_unstarted(rig: Rig) -> tuple[str, EndSession]:
    """A session with a webhook, cancelled before its start, and the command a worker
    takes off the real commands queue to end it."""
    assert (await rig.http.get("/api/webhook")).status_code == 200  # the tenant's secret
    created = await upload(rig.http, CSV, webhook_url=rig.receiver.url)
    assert created.status_code == 201, created.text
    session_id: str = created.json()["session_id"]
    cancelled = await rig.http.post(f"/api/sessions/{session_id}/cancel")
    assert cancelled.status_code == 202, cancelled.text
    connection = await aio_pika.connect(rig.settings.amqp_url.get_secret_value())
    async with connection:
        channel = await connection.channel()
        queue = await channel.get_queue(rig.settings.topology.commands_queue)
        message = await queue.get(timeout=5)
        assert message is not None
        await message.ack()
    command = parse_command(message.body)
    assert isinstance(command, EndSession)
    assert command.session_id == session_id
    return session_id, command


def _deleter(rig: Rig, session_id: str) -> Callable[[], Awaitable[None]]:
    async def delete() -> None:
        answer = await rig.http.delete(f"/api/sessions/{session_id}")
        assert answer.status_code == 204, answer.text

    return delete


@pytest.mark.parametrize(
    ("trigger", "calls"),
    [
        ("final/results.csv", 0),
        ("final/status.json", 0),
        ("webhook/claim.json", 0),
        # The first attempt is made before the deletion is seen; no other follows it.
        ("webhook/deliveries.json", 1),
    ],
)
async def test_a_session_deleted_while_a_worker_ends_it_leaves_nothing_behind(
    rig: Rig, owner: Caller, trigger: str, calls: int
) -> None:
    session_id, command = await _cancelled_unstarted(rig)
    rig.store.trigger, rig.store.deleter = trigger, _deleter(rig, session_id)

    await rig.planner.end_unstarted(command)
    await rig.webhooks.aclose(grace_s=10)

    assert rig.store.fired, f"the worker never wrote {trigger}"
    keys = SessionKeys(owner.tenant, session_id)
    assert await rig.store.list_objects(keys.prefix) == []
    gone = await rig.http.get(f"/api/sessions/{session_id}")
    assert (gone.status_code, gone.json()["code"]) == (404, "session_not_found")
    assert len(rig.receiver.state.calls) == calls


async def test_a_session_deleted_before_a_worker_takes_its_end_command_stays_gone(
    rig: Rig, owner: Caller
) -> None:
    session_id, command = await _cancelled_unstarted(rig)
    await _deleter(rig, session_id)()

    await rig.planner.end_unstarted(command)
    await rig.webhooks.aclose(grace_s=10)

    assert await rig.store.list_objects(SessionKeys(owner.tenant, session_id).prefix) == []
    assert rig.receiver.state.calls == []


async def test_without_a_deletion_the_same_worker_ends_the_session_and_calls_the_webhook(
    rig: Rig, owner: Caller
) -> None:
    """The rig itself: left alone, the worker's writes and calls are all there."""
    session_id, command = await _cancelled_unstarted(rig)

    await rig.planner.end_unstarted(command)
    await rig.webhooks.aclose(grace_s=10)

    state = (await rig.http.get(f"/api/sessions/{session_id}")).json()
    assert (state["status"], state["finalized"]) == ("cancelled", True)
    keys = SessionKeys(owner.tenant, session_id)
    assert await rig.store.exists(keys.webhook_claim)
    log = (await rig.http.get(f"/api/sessions/{session_id}/webhook_deliveries")).json()
    assert [a["status_code"] for a in log["attempts"]] == [503] * ATTEMPTS
    assert len(rig.receiver.state.calls) == ATTEMPTS
