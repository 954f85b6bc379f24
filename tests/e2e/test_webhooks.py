"""A session's webhook through the running services: the gateway stores the URL, the
worker that finalizes the session calls a receiver that fails twice, then accepts."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.webhooks.model import SIGNATURE_HEADER, TIMESTAMP_HEADER
from shared.webhooks.signing import verify
from tests.pipeline.services_steps import wait_final
from tests.stack import Stack, services_stack
from tests.worker.webhook_receiver import webhook_receiver

pytestmark = pytest.mark.e2e


@pytest.fixture
async def stack(
    s3_endpoint: str, s3_bucket: str, rabbitmq: str, tmp_path: Path
) -> AsyncIterator[Stack]:
    env = {
        "DOSSIER_PIPELINE_STAGES": "normalize",
        # The receiver is on loopback, as a lab install's would be.
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "DOSSIER_WEBHOOK_BACKOFF_S": "0.2",
    }
    async with services_stack(s3_endpoint, s3_bucket, rabbitmq, tmp_path, env) as running:
        yield running


async def delivered(
    client: httpx.AsyncClient, session_id: str, retry_round: int = 0
) -> dict[str, Any]:
    """The delivery log once the end of `retry_round` is delivered or given up on."""
    async with asyncio.timeout(30):
        while True:
            path = f"/api/sessions/{session_id}/webhook_deliveries"
            record: dict[str, Any] = (await client.get(path)).json()
            settled = record["delivered"] or len(record["attempts"]) >= 5
            if settled and (record["retry_round"] or 0) >= retry_round:
                return record
            await asyncio.sleep(0.2)  # polling the API is the condition being waited on


async def test_the_webhook_is_retried_until_the_receiver_accepts_it(stack: Stack) -> None:
    with webhook_receiver(fail_first=2) as receiver:
        async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
            secret = (await client.get("/api/webhook")).json()["secret"]
            created = await client.post(
                "/api/sessions",
                files={"file": ("a.csv", b"Company\nAcme\nGlobex\n", "text/csv")},
                data={"webhook_url": receiver.url},
            )
            assert created.status_code == 201, created.text
            session_id = created.json()["session_id"]
            await client.post(f"/api/sessions/{session_id}/start")
            assert (await wait_final(client, session_id))["status"] == "completed"
            record = await delivered(client, session_id)
        calls = list(receiver.state.calls)

    assert record["delivered"], stack.logs()
    assert [a["status_code"] for a in record["attempts"]] == [503, 503, 200]
    assert len(calls) == 3
    last = calls[-1]
    timestamp = int(last.headers[TIMESTAMP_HEADER.lower()])
    assert verify(secret, timestamp, last.body, last.headers[SIGNATURE_HEADER.lower()])
    body = json.loads(last.body)
    assert (body["event"], body["session_id"], body["counters"]["total"]) == (
        "session.completed",
        session_id,
        2,
    )


async def test_a_session_cancelled_before_it_started_calls_its_webhook(stack: Stack) -> None:
    with webhook_receiver() as receiver:
        async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
            secret = (await client.get("/api/webhook")).json()["secret"]
            ended: dict[str, dict[str, Any]] = {}
            for how in ("never started", "cancelled at once after its start"):
                created = await client.post(
                    "/api/sessions",
                    files={"file": ("a.csv", b"Company\nAcme\nGlobex\n", "text/csv")},
                    data={"webhook_url": receiver.url},
                )
                assert created.status_code == 201, created.text
                session_id = created.json()["session_id"]
                if how != "never started":
                    assert (await client.post(f"/api/sessions/{session_id}/start")).is_success
                cancelled = await client.post(f"/api/sessions/{session_id}/cancel")
                assert cancelled.status_code == 202, cancelled.text
                record = await delivered(client, session_id)
                assert record["delivered"], (how, record, stack.logs())
                assert record["event"] == "session.cancelled"
                final = await wait_final(client, session_id)
                assert (final["status"], final["finalized"]) == ("cancelled", True)
                ended[session_id] = final
        calls = list(receiver.state.calls)

    bodies = {json.loads(call.body)["session_id"]: call for call in calls}
    assert set(bodies) == set(ended)
    for session_id, call in bodies.items():
        timestamp = int(call.headers[TIMESTAMP_HEADER.lower()])
        assert verify(secret, timestamp, call.body, call.headers[SIGNATURE_HEADER.lower()])
        body = json.loads(call.body)
        assert (body["event"], body["status"]) == ("session.cancelled", "cancelled")
        assert body["counters"]["total"] == 2
        assert body["counters"] == ended[session_id]["counters"]


async def test_each_retry_round_end_calls_the_webhook_again_with_its_round(stack: Stack) -> None:
    with webhook_receiver(fail_first=1) as receiver:
        async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
            secret = (await client.get("/api/webhook")).json()["secret"]
            created = await client.post(
                "/api/sessions",
                files={"file": ("a.csv", b"Company\nAcme\nGlobex\n", "text/csv")},
                data={"webhook_url": receiver.url},
            )
            session_id = created.json()["session_id"]
            await client.post(f"/api/sessions/{session_id}/start")
            assert (await wait_final(client, session_id))["status"] == "completed"
            first = await delivered(client, session_id)
            assert (first["retry_round"], first["delivered"]) == (0, True), stack.logs()
            for round_ in (1, 2):
                retried = await client.post(
                    f"/api/sessions/{session_id}/retry", json={"statuses": ["ok", "not_found"]}
                )
                assert retried.status_code == 202, retried.text
                assert retried.json()["retry_round"] == round_
                final = await wait_final(client, session_id)
                assert final["retry_round"] == round_, final
                record = await delivered(client, session_id, retry_round=round_)
            calls = list(receiver.state.calls)

    assert record["delivered"], stack.logs()
    assert [(r["retry_round"], r["delivered"]) for r in record["rounds"]] == [
        (0, True),
        (1, True),
        (2, True),
    ]
    # The first end was retried once (the receiver refused it); each round is its own.
    assert [[a["status_code"] for a in r["attempts"]] for r in record["rounds"]] == [
        [503, 200],
        [200],
        [200],
    ]
    assert record["event"] == "session.completed"
    bodies = [json.loads(call.body) for call in calls]
    assert [(b["retry_round"], b["event"], b["session_id"]) for b in bodies] == [
        (0, "session.completed", session_id),
        (0, "session.completed", session_id),
        (1, "session.completed", session_id),
        (2, "session.completed", session_id),
    ]
    for call in calls:
        timestamp = int(call.headers[TIMESTAMP_HEADER.lower()])
        assert verify(secret, timestamp, call.body, call.headers[SIGNATURE_HEADER.lower()])
    assert bodies[-1]["counters"] == final["counters"]
