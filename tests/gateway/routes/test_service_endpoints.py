"""Health, readiness, capabilities, docs, and the API while the broker or storage is away."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.messages import StartSession
from shared.models import CancelRequest
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import AppOnTwins, Caller, MakeSettings, client_for, upload
from tests.gateway.steps import Listener, started_session

pytestmark = pytest.mark.unit
OUTAGES = ["before_start", "while_serving"]


async def until_ready(http: httpx.AsyncClient, timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        # ASYNC110: readiness is only known by asking /readyz; nothing announces it.
        while (await http.get("/readyz")).status_code != 200:  # noqa: ASYNC110
            await asyncio.sleep(0.02)


async def test_health_and_readiness_report_ok_with_both_services(
    anonymous: httpx.AsyncClient,
) -> None:
    assert (await anonymous.get("/healthz")).json() == {"status": "ok"}
    ready = await anonymous.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"broker": True, "storage": True}


async def test_capabilities_tell_providers_notifier_and_limits(
    make_settings: MakeSettings, app_on_twins: AppOnTwins, owner: Caller
) -> None:
    settings = make_settings(
        hubspot_token="pat-test",
        notifier_public_url="ws://example.test:9/ws",
        max_rows=123,
    )
    async with app_on_twins(settings) as app, client_for(app, owner) as http:
        caps = (await http.get("/api/capabilities")).json()
        assert caps["hubspot"] is True
        assert (caps["search"], caps["llm"], caps["deep_search"]) == (False, False, False)
        assert caps["notifier_url"] == "ws://example.test:9/ws"
        assert caps["limits"]["max_rows"] == 123
        assert caps["limits"]["max_upload_bytes"] == 100 * 1024 * 1024
        assert caps["limits"]["max_context_chars"] == 4000
        accepted = await upload(http, b"Company\nAcme\n", "a.csv", write_to_hubspot="true")
        assert accepted.status_code == 201
        assert accepted.json()["options"]["write_to_hubspot"] is True


async def test_docs_are_served_without_any_external_asset(anonymous: httpx.AsyncClient) -> None:
    page = await anonymous.get("/docs")
    assert page.status_code == 200
    assert "https://" not in page.text.split("<body>")[0]
    assert (await anonymous.get("/docs-assets/swagger-ui-bundle.js")).status_code == 200
    schema = (await anonymous.get("/openapi.json")).json()
    assert (
        "multipart/form-data" in schema["paths"]["/api/sessions"]["post"]["requestBody"]["content"]
    )
    for path in ("/api/sessions/{session_id}/download_archive", "/api/capabilities", "/readyz"):
        assert path in schema["paths"]


@pytest.mark.parametrize("outage", OUTAGES)
async def test_without_the_broker_reads_work_and_readiness_fails_until_it_is_back(
    make_settings: MakeSettings,
    app_on_twins: AppOnTwins,
    bus: MemoryBus,
    store: MemoryStore,
    owner: Caller,
    outage: str,
) -> None:
    settings = make_settings(broker_retry_seconds=0.05)
    if outage == "before_start":
        bus.interrupt()
    async with app_on_twins(settings) as app, client_for(app, owner) as http:
        if outage == "while_serving":
            bus.interrupt()
        ready = await http.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"] == {"broker": False, "storage": True}
        assert (await http.get("/api/sessions")).status_code == 200
        created = await upload(http, b"Company\nAcme\n", "a.csv")
        assert created.status_code == 201
        session_id = created.json()["session_id"]
        start = await http.post(f"/api/sessions/{session_id}/start")
        assert (start.status_code, start.json()["code"]) == (503, "broker_unavailable")
        assert (await http.get(f"/api/sessions/{session_id}")).json()["status"] == "created"
        assert not await store.exists(SessionKeys(owner.tenant, session_id).start_marker)

        bus.restore()
        await until_ready(http)
        async with Listener(bus) as listener:
            assert (await http.post(f"/api/sessions/{session_id}/start")).status_code == 202
            assert await listener.take_commands() == [
                StartSession(tenant=owner.tenant, session_id=session_id)
            ]


async def test_without_the_broker_a_cancel_is_still_recorded_and_accepted(
    client: httpx.AsyncClient, bus: MemoryBus, store: MemoryStore, owner: Caller
) -> None:
    session_id = await started_session(client)
    bus.interrupt()
    cancel = await client.post(f"/api/sessions/{session_id}/cancel")
    assert cancel.status_code == 202, cancel.text
    assert cancel.json()["status"] == "cancelled"
    # Workers find the marker before each chunk and while running one.
    keys = SessionKeys(owner.tenant, session_id)
    marker = await store.get_model(keys.cancel_marker, CancelRequest)
    assert marker.requested_at is not None
    state = (await client.get(f"/api/sessions/{session_id}")).json()
    assert state["status"] == "cancelled"
    assert state["cancel_requested_at"]


@pytest.mark.parametrize("outage", OUTAGES)
async def test_without_storage_requests_are_503_not_500(
    make_settings: MakeSettings,
    app_on_twins: AppOnTwins,
    store: MemoryStore,
    owner: Caller,
    outage: str,
) -> None:
    settings = make_settings(broker_retry_seconds=0.05)
    if outage == "before_start":
        store.available = False
    async with app_on_twins(settings) as app, client_for(app, owner) as http:
        if outage == "while_serving":
            store.available = False
        ready = await http.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"]["storage"] is False
        listed = await http.get("/api/sessions")
        assert (listed.status_code, listed.json()["code"]) == (503, "storage_unavailable")
        created = await upload(http, b"Company\nAcme\n", "a.csv")
        assert (created.status_code, created.json()["code"]) == (503, "storage_unavailable")
        one = await http.get(f"/api/sessions/{'0' * 32}")
        assert (one.status_code, one.json()["code"]) == (503, "storage_unavailable")

        store.available = True
        await until_ready(http)
        assert (await upload(http, b"Company\nAcme\n", "a.csv")).status_code == 201
