"""The gateway's /metrics: what a session's requests add, labelled by route template."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from tests.gateway.conftest import upload
from tests.gateway.steps import CSV
from tests.metrics import Scrape

pytestmark = pytest.mark.unit

SESSION = "/api/sessions/{session_id}"


async def scrape(http: httpx.AsyncClient) -> Scrape:
    response = await http.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return Scrape.parse(response.text)


async def test_a_session_adds_its_requests_upload_and_actions(client: httpx.AsyncClient) -> None:
    before = await scrape(client)

    created = await upload(client, CSV)
    assert created.status_code == 201, created.text
    session_id = created.json()["session_id"]
    assert (await client.get(f"/api/sessions/{session_id}")).status_code == 200
    for _ in range(2):  # the second start finds the session queued and changes nothing
        assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    assert (await client.post(f"/api/sessions/{session_id}/cancel")).status_code == 202

    after = await scrape(client)

    def added(name: str, **labels: str) -> float:
        return after.value(name, **labels) - before.value(name, **labels)

    requests = "dossier_gateway_requests_total"
    assert added(requests, route="/api/sessions", method="POST", status="201") == 1
    assert added(requests, route=SESSION, method="GET", status="200") == 1
    assert added(requests, route=f"{SESSION}/start", method="POST", status="202") == 2
    assert added(requests, route=f"{SESSION}/cancel", method="POST", status="202") == 1
    latency = "dossier_gateway_request_duration_seconds_count"
    assert added(latency, route="/api/sessions", method="POST") == 1
    assert added("dossier_gateway_upload_bytes_total") == len(CSV)
    assert added("dossier_gateway_upload_rows_total") == 3
    assert added("dossier_gateway_sessions_total", action="created") == 1
    assert added("dossier_gateway_sessions_total", action="started") == 1
    assert added("dossier_gateway_sessions_total", action="cancelled") == 1
    routes = after.label_values(requests, "route")
    assert not any(session_id in route for route in routes), routes


async def test_refused_and_unknown_requests_are_counted_without_their_paths(
    client: httpx.AsyncClient,
) -> None:
    before = await scrape(client)
    assert (await client.get("/api/sessions/nope")).status_code == 404
    assert (await upload(client, b"")).status_code == 422
    assert (await client.get("/no/such/page-7f3a")).status_code == 404
    after = await scrape(client)

    def added(name: str, **labels: str) -> float:
        return after.value(name, **labels) - before.value(name, **labels)

    requests = "dossier_gateway_requests_total"
    assert added(requests, route=SESSION, method="GET", status="404") == 1
    assert added(requests, route="/api/sessions", method="POST", status="422") == 1
    assert added("dossier_gateway_upload_bytes_total") == 0, "only uploads that became sessions"
    assert added("dossier_gateway_sessions_total", action="created") == 0
    routes = after.label_values(requests, "route")
    assert not any("nope" in route or "7f3a" in route for route in routes), routes


async def test_metrics_need_no_key_and_stay_out_of_the_api_schema(
    anonymous: httpx.AsyncClient, gateway_app: FastAPI
) -> None:
    assert (await anonymous.get("/api/sessions")).status_code == 401
    scraped = await scrape(anonymous)
    assert scraped.value("dossier_gateway_requests_total", status="401") >= 1
    assert "/metrics" not in gateway_app.openapi()["paths"]
