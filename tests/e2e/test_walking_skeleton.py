"""One session through every service: upload, start, live events, status and results."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import websockets

from tests.stack import Stack

pytestmark = pytest.mark.e2e

COMPANIES_CSV = (
    "name,website\n"
    '"  Acme Inc  ",https://www.acme.com/about\n'
    "Globex,globex.co.uk\n"
    "Acme Duplicate,http://acme.com\n"
    "Initech,\n"
    '"  Umbrella  ", umbrella.com\n'
)
EVENT_TIMEOUT = 60
FINAL_STATUSES = ("completed", "failed", "cancelled")


async def receive(
    ws: websockets.ClientConnection, timeout: float = EVENT_TIMEOUT
) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(ws.recv(), timeout))
    assert isinstance(message, dict)
    return message


async def create_session(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.post(
        "/api/sessions", files={"file": ("companies.csv", COMPANIES_CSV.encode(), "text/csv")}
    )
    assert response.status_code == 201, response.text
    session = response.json()
    assert isinstance(session, dict)
    return session


async def events_until_done(
    ws: websockets.ClientConnection, session_id: str, seq: int
) -> list[dict[str, Any]]:
    """Events of the session after `seq` until its final status and every chunk's last
    progress have arrived (their relative order is not part of the contract)."""
    events: list[dict[str, Any]] = []
    final = False
    chunk_count: int | None = None
    finished_chunks: set[int] = set()
    while not (final and chunk_count is not None and len(finished_chunks) >= chunk_count):
        message = await receive(ws)
        if message.get("session_id") != session_id or "seq" not in message:
            continue
        # Snapshots and events share one sequence per session and connection.
        assert message["seq"] == seq + 1, f"seq must grow by one: {message}"
        seq = message["seq"]
        if message["type"] != "event":
            continue
        event = message["event"]
        events.append(event)
        if event["kind"] == "session.status":
            final = final or event["status"] in FINAL_STATUSES
            chunk_count = event.get("chunk_count") or chunk_count
        if event["kind"] == "chunk.progress" and event["finished"]:
            finished_chunks.add(event["chunk"])
    return events


def results_rows(body: Any) -> list[dict[str, Any]]:
    rows = body["rows"] if isinstance(body, dict) else body
    assert isinstance(rows, list)
    return sorted(rows, key=lambda row: int(row["row"]))


async def test_uploaded_csv_runs_through_workers_with_live_events_and_results(
    stack: Stack,
) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers, timeout=30) as client:
        session = await create_session(client)
        session_id = session["session_id"]
        assert session["status"] == "created"
        assert session["input"]["rows"] == 5
        assert session["input"]["columns"] == ["name", "website"]
        assert session["input"]["name_column"] == "name"
        assert session["input"]["website_column"] == "website"

        async with websockets.connect(f"{stack.ws}?token={stack.key}") as ws:
            assert (await receive(ws))["type"] == "hello"
            await ws.send(json.dumps({"type": "subscribe", "session_id": session_id}))
            snapshot = await receive(ws)
            assert snapshot["type"] == "snapshot", snapshot
            assert snapshot["state"]["status"] == "created"

            started = await client.post(f"/api/sessions/{session_id}/start")
            assert started.status_code == 202, started.text

            events = await events_until_done(ws, session_id, snapshot["seq"])

        statuses = [e["status"] for e in events if e["kind"] == "session.status"]
        assert statuses[0] == "queued", stack.logs()
        assert statuses[-1] == "completed", stack.logs()
        assert "running" in statuses
        finished = [e for e in events if e["kind"] == "chunk.progress" and e["finished"]]
        assert sum(p["counters"]["done"] for p in finished) == 5
        assert sum(p["counters"]["duplicates"] for p in finished) == 1
        batches = [e["rows"] for e in events if e["kind"] == "rows.finished"]
        assert sorted(row["row"] for rows in batches for row in rows) == [0, 1, 2, 3, 4]

        state = (await client.get(f"/api/sessions/{session_id}")).json()
        assert state["status"] == "completed"
        assert state["counters"]["total"] == 5
        assert state["counters"]["done"] == 5
        assert state["counters"]["duplicates"] == 1
        assert state["chunks_done"] == state["chunk_count"]

        response = await client.get(f"/api/sessions/{session_id}/results")
        assert response.status_code == 200, response.text
        rows = results_rows(response.json())

    assert [row["Company_Name"] for row in rows][1:] == [
        "Globex",
        "Acme Duplicate",
        "Initech",
        "Umbrella",
    ]
    assert rows[0]["Company_Name"].startswith("Acme")
    assert rows[0]["Company_Name"] == rows[0]["Company_Name"].strip()
    for row, domain in ((0, "acme.com"), (1, "globex.co.uk"), (4, "umbrella.com")):
        assert domain in rows[row]["Official_Website"]
        assert rows[row]["Row_Status"] == "ok"
    assert rows[2]["Row_Status"] == "duplicate"
    assert rows[2]["duplicate_of"] == 0
    assert rows[3]["Official_Website"] == ""


async def test_requests_without_a_key_are_refused_and_unknown_sessions_are_not_found(
    stack: Stack,
) -> None:
    async with httpx.AsyncClient(base_url=stack.api, timeout=30) as client:
        unauthenticated = await client.get("/api/sessions")
        assert unauthenticated.status_code == 401
        assert unauthenticated.json()["code"]

        client.headers.update(stack.headers)
        session = await create_session(client)
        unknown = await client.get(f"/api/sessions/{'0' * 32}")
        assert unknown.status_code == 404
        assert unknown.json()["code"]
        assert (await client.get(f"/api/sessions/{session['session_id']}")).status_code == 200
