"""Health, readiness, capabilities, docs: the endpoints around the sessions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import httpx

from gateway.settings import GatewaySettings
from shared.layout import SessionKeys
from shared.models import CancelRequest, StartRequest
from tests.gateway.conftest import Caller, client_for, running_app, upload
from tests.services import free_port


async def test_health_and_readiness_report_ok_with_both_services(
    anonymous: httpx.AsyncClient,
) -> None:
    assert (await anonymous.get("/healthz")).json() == {"status": "ok"}
    ready = await anonymous.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"broker": True, "storage": True}


async def test_capabilities_tell_providers_notifier_and_limits(
    make_settings: Callable[..., GatewaySettings], owner: Caller
) -> None:
    settings = make_settings(
        hubspot_token="pat-test",
        notifier_public_url="ws://example.test:9/ws",
        max_rows=123,
    )
    async with running_app(settings) as app, client_for(app, owner) as http:
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


async def test_without_the_broker_reads_work_and_readiness_fails(
    make_settings: Callable[..., GatewaySettings], owner: Caller
) -> None:
    nowhere = f"amqp://guest:guest@127.0.0.1:{free_port()}/"
    settings = make_settings(amqp_url=nowhere, broker_retry_seconds=0.2)
    async with running_app(settings) as app, client_for(app, owner) as http:
        ready = await http.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"] == {"broker": False, "storage": True}
        assert (await http.get("/api/sessions")).status_code == 200
        created = await upload(http, b"Company\nAcme\n", "a.csv")
        assert created.status_code == 201
        start = await http.post(f"/api/sessions/{created.json()['session_id']}/start")
        assert (start.status_code, start.json()["code"]) == (503, "broker_unavailable")
        state = await http.get(f"/api/sessions/{created.json()['session_id']}")
        assert state.json()["status"] == "created"


async def test_without_the_broker_a_cancel_is_still_recorded_and_accepted(
    make_settings: Callable[..., GatewaySettings], owner: Caller
) -> None:
    nowhere = f"amqp://guest:guest@127.0.0.1:{free_port()}/"
    settings = make_settings(amqp_url=nowhere, broker_retry_seconds=0.2)
    running = running_app(settings)
    async with running as app, client_for(app, owner) as http:
        created = await upload(http, b"Company\nAcme\n", "a.csv")
        session_id = created.json()["session_id"]
        # Started while the broker was still there.
        keys = SessionKeys(owner.tenant, session_id)
        started = StartRequest(requested_at=datetime.now(UTC))
        await running.store.put_model(keys.start_marker, started)
        cancel = await http.post(f"/api/sessions/{session_id}/cancel")
        assert cancel.status_code == 202, cancel.text
        # Workers find the marker before each chunk and while running one.
        marker = await running.store.get_model(keys.cancel_marker, CancelRequest)
        assert marker.requested_at is not None
        assert (await http.get(f"/api/sessions/{session_id}")).json()["cancel_requested_at"]


async def test_without_storage_requests_are_503_not_500(
    make_settings: Callable[..., GatewaySettings], owner: Caller
) -> None:
    settings = make_settings(s3_endpoint=f"127.0.0.1:{free_port()}", broker_retry_seconds=0.2)
    async with running_app(settings) as app, client_for(app, owner) as http:
        ready = await http.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"]["storage"] is False
        listed = await http.get("/api/sessions")
        assert (listed.status_code, listed.json()["code"]) == (503, "storage_unavailable")
        created = await upload(http, b"Company\nAcme\n", "a.csv")
        assert (created.status_code, created.json()["code"]) == (503, "storage_unavailable")
        one = await http.get(f"/api/sessions/{'0' * 32}")
        assert one.status_code == 503
