"""A session's webhook against a local receiver: signed, retried with back-off, every
attempt in the delivery log, delivered once however often the session is finalized, and
only to addresses page fetches may reach."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from itertools import pairwise

import pytest

from shared.layout import SessionKeys, webhook_config_key
from shared.lifecycle import SessionStatus
from shared.models import Counters, FinalStatus, InputSummary, SessionManifest, SessionOptions
from shared.storage.memory import MemoryStore
from shared.webhooks.model import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    DeliveryLog,
    WebhookConfig,
)
from shared.webhooks.signing import new_secret, verify
from tests.worker.webhook_receiver import webhook_receiver
from worker.pipeline.build import web_client
from worker.pipeline.settings import PipelineSettings
from worker.webhooks.sender import WebhookSender

pytestmark = pytest.mark.unit

KEYS = SessionKeys("tenant-a", "0" * 32)
SECRET = new_secret()
FINAL = FinalStatus(
    status=SessionStatus.COMPLETED,
    counters=Counters(total=3, done=3, failed=1),
    finished_at=datetime(2026, 1, 1, tzinfo=UTC),
)


def manifest(url: str) -> SessionManifest:
    summary = InputSummary(
        filename="a.csv",
        format="csv",
        size_bytes=1,
        has_header=True,
        columns=["Name"],
        name_column="Name",
        rows=3,
    )
    return SessionManifest(
        session_id=KEYS.session_id,
        tenant=KEYS.tenant,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        options=SessionOptions(webhook_url=url),
        input=summary,
        input_key="k",
    )


async def store_with_secret() -> MemoryStore:
    """The tenant's secret and the session (a deleted session is announced to nobody)."""
    store = MemoryStore()
    config = WebhookConfig(secret=SECRET, updated_at=datetime.now(UTC))
    await store.put_model(webhook_config_key(KEYS.tenant), config)
    await store.put_model(KEYS.manifest, manifest("https://hooks.example.com/x"))
    return store


def sender(store: MemoryStore, allow_private: bool = True) -> WebhookSender:
    settings = PipelineSettings(fetch_allow_private_networks=allow_private, fetch_timeout_s=2)
    return WebhookSender(store, web_client(settings), attempts=4, backoff_s=0.05)


async def until_settled(store: MemoryStore, attempts: int) -> DeliveryLog:
    for _ in range(200):
        if await store.exists(KEYS.webhook_deliveries):
            found = await store.get_model(KEYS.webhook_deliveries, DeliveryLog)
            if found.delivered or len(found.attempts) >= attempts:
                return found
        await asyncio.sleep(0.05)
    raise AssertionError("the delivery never settled")


async def test_a_receiver_failing_twice_gets_the_third_attempt_signed() -> None:
    store = await store_with_secret()
    webhooks = sender(store)
    with webhook_receiver(fail_first=2) as receiver:
        await webhooks.session_ended(KEYS, manifest(receiver.url), FINAL)
        # A second finalizer run of the same session announces nothing more.
        await webhooks.session_ended(KEYS, manifest(receiver.url), FINAL)
        record = await until_settled(store, 3)
        await webhooks.aclose()
        calls = receiver.state.calls

    assert record.delivered
    assert [a.status_code for a in record.attempts] == [503, 503, 200]
    assert [a.attempt for a in record.attempts] == [1, 2, 3]
    assert record.attempts[0].error == "HTTP 503"
    assert len(calls) == 3
    last = calls[-1]
    timestamp = int(last.headers[TIMESTAMP_HEADER.lower()])
    assert verify(SECRET, timestamp, last.body, last.headers[SIGNATURE_HEADER.lower()])
    assert not verify("whsec_other", timestamp, last.body, last.headers[SIGNATURE_HEADER.lower()])
    body = json.loads(last.body)
    assert (body["event"], body["session_id"], body["counters"]["failed"]) == (
        "session.completed",
        KEYS.session_id,
        1,
    )


async def test_a_receiver_that_never_answers_well_gets_a_bounded_number_of_attempts() -> None:
    store = await store_with_secret()
    webhooks = sender(store)
    with webhook_receiver(fail_first=100) as receiver:
        await webhooks.session_ended(KEYS, manifest(receiver.url), FINAL)
        record = await until_settled(store, 4)
        await webhooks.aclose()
    assert not record.delivered
    assert [a.status_code for a in record.attempts] == [503] * 4
    times = [a.at for a in record.attempts]
    gaps = [(b - a).total_seconds() for a, b in pairwise(times)]
    assert gaps == sorted(gaps)  # the waits grow


async def test_loopback_is_refused_like_a_page_fetch_unless_private_networks_are_allowed() -> None:
    store = await store_with_secret()
    webhooks = sender(store, allow_private=False)
    with webhook_receiver() as receiver:
        await webhooks.session_ended(KEYS, manifest(receiver.url), FINAL)
        record = await until_settled(store, 4)
        await webhooks.aclose()
        assert receiver.state.calls == []
    assert not record.delivered
    assert all(a.status_code is None and "loopback" in a.error for a in record.attempts)


async def test_a_retry_round_ending_is_announced_again_with_its_round_and_its_own_log() -> None:
    store = await store_with_secret()
    webhooks = sender(store)
    round_end = FINAL.model_copy(
        update={"status": SessionStatus.CANCELLED, "retry_round": 1, "reason": "cancelled"}
    )
    round_keys = KEYS.in_round(1)
    with webhook_receiver() as receiver:
        await webhooks.session_ended(KEYS, manifest(receiver.url), FINAL)
        first = await until_settled(store, 1)
        await webhooks.session_ended(KEYS, manifest(receiver.url), round_end)
        # The round's end, finalized twice, is still announced once.
        await webhooks.session_ended(KEYS, manifest(receiver.url), round_end)
        await webhooks.aclose()
        bodies = [json.loads(call.body) for call in receiver.state.calls]

    assert [(b["event"], b["retry_round"]) for b in bodies] == [
        ("session.completed", 0),
        ("session.cancelled", 1),
    ]
    assert bodies[1]["reason"] == "cancelled"
    again = await store.get_model(round_keys.webhook_deliveries, DeliveryLog)
    assert (first.retry_round, first.event, first.delivered) == (0, "session.completed", True)
    assert (again.retry_round, again.event, again.delivered) == (1, "session.cancelled", True)
    assert round_keys.webhook_claim == f"{KEYS.prefix}retries/0001/webhook/claim.json"
    assert await store.exists(round_keys.webhook_claim)
