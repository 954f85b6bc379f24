"""Webhook settings and URLs at the gateway: the tenant's default and secret, a session's
own URL, the address rules of page fetches, and nothing stored when refused."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from shared.layout import SessionKeys, tenant_sessions_prefix, webhook_config_key
from shared.storage.memory import MemoryStore
from shared.webhooks.model import DeliveryAttempt, DeliveryLog
from tests.gateway import corpus
from tests.gateway.conftest import AppOnTwins, Caller, MakeSettings, client_for, upload

pytestmark = pytest.mark.unit

REFUSED = [
    "ftp://hooks.example.com/x",
    "javascript:alert(1)",
    "hooks.example.com/x",
    "http://127.0.0.1:8000/hook",
    "http://[::1]/hook",
    "http://2130706433/hook",
    "http://10.0.0.5/hook",
    "http://169.254.169.254/latest",
    "http://localhost/hook",
    "https://user:pw@hooks.example.com/x",
]


async def test_the_tenant_default_is_set_read_and_used_by_new_sessions(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    first = (await client.get("/api/webhook")).json()
    assert first["url"] is None
    assert first["secret"].startswith("whsec_")
    put = await client.put("/api/webhook", json={"url": "https://hooks.example.com/dossier"})
    assert put.status_code == 200, put.text
    assert put.json() == {"url": "https://hooks.example.com/dossier", "secret": first["secret"]}

    session = await upload(client, corpus.UTF8_BOM, "ok.csv")
    assert session.json()["options"]["webhook_url"] == "https://hooks.example.com/dossier"
    own = await upload(client, corpus.UTF8_BOM, "ok.csv", webhook_url="https://crm.example/h")
    assert own.json()["options"]["webhook_url"] == "https://crm.example/h"

    cleared = await client.put("/api/webhook", json={"url": None})
    assert cleared.json()["url"] is None
    assert (await upload(client, corpus.UTF8_BOM, "ok.csv")).json()["options"][
        "webhook_url"
    ] is None


@pytest.mark.parametrize("url", REFUSED)
async def test_bad_urls_are_refused_and_nothing_changes(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, url: str
) -> None:
    response = await client.put("/api/webhook", json={"url": url})
    assert (response.status_code, response.json()["code"]) == (422, "invalid_webhook_url")
    refused = await upload(client, corpus.UTF8_BOM, "ok.csv", webhook_url=url)
    assert (refused.status_code, refused.json()["code"]) == (422, "invalid_webhook_url")
    assert await store.list_objects(f"tenants/{owner.tenant}/") == []


@pytest.fixture
async def lab(
    make_settings: MakeSettings, app_on_twins: AppOnTwins, owner: Caller
) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(fetch_allow_private_networks=True)
    async with app_on_twins(settings) as app, client_for(app, owner) as http:
        yield http


async def test_private_addresses_are_allowed_only_when_the_setting_says_so(
    lab: httpx.AsyncClient,
) -> None:
    response = await lab.put("/api/webhook", json={"url": "http://127.0.0.1:9000/hook"})
    assert response.status_code == 200, response.text
    # Never the metadata service, whatever the setting.
    metadata = await lab.put("/api/webhook", json={"url": "http://169.254.169.254/"})
    assert metadata.json()["code"] == "invalid_webhook_url"


async def test_the_delivery_log_is_read_per_session_and_per_tenant(
    client: httpx.AsyncClient,
    other_client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
) -> None:
    created = await upload(client, corpus.UTF8_BOM, "ok.csv", webhook_url="https://crm.example/h")
    session_id = created.json()["session_id"]
    path = f"/api/sessions/{session_id}/webhook_deliveries"
    before = (await client.get(path)).json()
    assert before == {
        "url": "https://crm.example/h",
        "event": None,
        "delivered": False,
        "attempts": [],
        "retry_round": None,
        "rounds": [],
    }

    attempt = DeliveryAttempt(attempt=1, at="2026-01-01T00:00:00Z", status_code=200)
    record = DeliveryLog(
        url="https://crm.example/h", event="session.completed", delivered=True, attempts=[attempt]
    )
    await store.put_model(SessionKeys(owner.tenant, session_id).webhook_deliveries, record)
    after = (await client.get(path)).json()
    assert (after["delivered"], after["attempts"][0]["status_code"]) == (True, 200)
    assert [r["retry_round"] for r in after["rounds"]] == [0]
    assert (await other_client.get(path)).status_code == 404
    assert await store.exists(webhook_config_key(owner.tenant))
    assert len(await store.list_children(tenant_sessions_prefix(owner.tenant))) == 1
