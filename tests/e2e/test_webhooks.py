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


async def delivered(client: httpx.AsyncClient, session_id: str) -> dict[str, Any]:
    async with asyncio.timeout(30):
        while True:
            path = f"/api/sessions/{session_id}/webhook_deliveries"
            record: dict[str, Any] = (await client.get(path)).json()
            if record["delivered"] or len(record["attempts"]) >= 5:
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
