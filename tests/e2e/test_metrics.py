"""Each service's /metrics, scraped before and after one session through the processes."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import websockets

from tests.e2e.test_walking_skeleton import COMPANIES_CSV, create_session, events_until_done
from tests.e2e.test_walking_skeleton import receive as receive_message
from tests.metrics import Scrape
from tests.stack import Stack

pytestmark = pytest.mark.e2e

SERVICES = ("gateway", "notifier", "worker")


async def scrape_all(http: httpx.AsyncClient, stack: Stack) -> dict[str, Scrape]:
    scraped = {}
    for service in SERVICES:
        response = await http.get(stack.metrics[service])
        assert response.status_code == 200, (service, response.text)
        assert response.headers["content-type"].startswith("text/plain"), service
        scraped[service] = Scrape.parse(response.text)
    return scraped


async def scrape_when_settled(
    http: httpx.AsyncClient, stack: Stack, acked: float
) -> dict[str, Scrape]:
    """A worker acks a session's last chunk just after publishing `completed`."""
    async with asyncio.timeout(15):
        while True:
            scraped = await scrape_all(http, stack)
            if scraped["worker"].value("dossier_worker_messages_total", outcome="acked") >= acked:
                return scraped
            await asyncio.sleep(0.1)


async def test_one_session_moves_the_metrics_of_every_service(stack: Stack) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers, timeout=30) as http:
        before = await scrape_all(http, stack)
        session = await create_session(http)
        session_id = session["session_id"]
        async with websockets.connect(f"{stack.ws}?token={stack.key}") as ws:
            assert (await receive_message(ws))["type"] == "hello"
            await ws.send(json.dumps({"type": "subscribe", "session_id": session_id}))
            snapshot = await receive_message(ws)
            assert snapshot["type"] == "snapshot", snapshot
            assert (await http.post(f"/api/sessions/{session_id}/start")).status_code == 202
            events = await events_until_done(ws, session_id, snapshot["seq"])
            state = (await http.get(f"/api/sessions/{session_id}")).json()
            assert state["status"] == "completed", stack.logs()
            acked = before["worker"].value("dossier_worker_messages_total", outcome="acked")
            during = await scrape_when_settled(http, stack, acked + 1 + state["chunk_count"])

    def added(service: str, name: str, **labels: str) -> float:
        return during[service].value(name, **labels) - before[service].value(name, **labels)

    requests = "dossier_gateway_requests_total"
    assert added("gateway", requests, route="/api/sessions", method="POST", status="201") == 1
    start = "/api/sessions/{session_id}/start"
    assert added("gateway", requests, route=start, method="POST", status="202") == 1
    assert added("gateway", "dossier_gateway_upload_bytes_total") == len(COMPANIES_CSV)
    assert added("gateway", "dossier_gateway_upload_rows_total") == 5
    assert added("gateway", "dossier_gateway_sessions_total", action="created") == 1
    assert added("gateway", "dossier_gateway_sessions_total", action="started") == 1

    chunks = state["chunk_count"]
    assert added("worker", "dossier_worker_rows_total") == 5
    assert added("worker", "dossier_worker_rows_total", status="ok") == 4
    assert added("worker", "dossier_worker_rows_total", status="duplicate") == 1
    assert added("worker", "dossier_worker_chunk_duration_seconds_count") == chunks
    messages = "dossier_worker_messages_total"
    queues = during["worker"].label_values(messages, "queue")
    commands = next(q for q in queues if q.endswith(".commands"))
    chunk_queue = next(q for q in queues if q.endswith(".chunks"))
    assert added("worker", messages, queue=commands, outcome="acked") == 1
    assert added("worker", messages, queue=chunk_queue, outcome="acked") == chunks
    assert during["worker"].value("dossier_worker_rows_in_flight") == 0

    timed = [e for e in events if e["kind"] in ("session.status", "chunk.progress")]
    assert during["notifier"].value("dossier_notifier_clients") == 1
    assert during["notifier"].value("dossier_notifier_subscriptions", scope="session") == 1
    assert added("notifier", "dossier_notifier_events_in_total") >= len(events)
    assert added("notifier", "dossier_notifier_publish_to_send_seconds_count") >= len(timed)
    assert added("notifier", "dossier_notifier_snapshot_reads_total") >= 1
