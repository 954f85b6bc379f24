"""The real pipeline inside the running services: a gateway and a worker process, every
provider configured through the environment and reached over the network."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.auth import hash_key, new_key
from shared.broker.rabbit_topology import delete_topology
from shared.topology import Topology
from tests.pipeline.conftest import Farm, Server
from tests.pipeline.fakes.hubspot import TOKEN, HubSpotState
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.search import API_KEY, SearchState
from tests.processes import service, wait_http_ok
from tests.services import free_port, service_settings

pytestmark = pytest.mark.e2e

CSV = (
    "Company,Website,Owner\n"
    "Acme Rockets,acme-rockets.com,ann\n"
    "Zenith Analytics,,bob\n"
    "Acquired Startup,acquired-startup.com,cid\n"
    "Acme Rockets Inc.,https://www.acme-rockets.com,dan\n"
)


@pytest.fixture
async def api(
    tmp_path: Path,
    farm: Farm,
    s3_endpoint: str,
    s3_bucket: str,
    rabbitmq: str,
    search_server: Server[SearchState],
    llm_server: Server[LlmState],
    hubspot_server: Server[HubSpotState],
) -> AsyncIterator[tuple[str, str]]:
    tenant, key = f"t{uuid.uuid4().hex[:10]}", new_key()
    topology = Topology(f"dtest-{uuid.uuid4().hex[:10]}")
    gateway_port, worker_port = free_port(), free_port()
    env = {
        **service_settings(rabbitmq, topology.prefix, s3_endpoint, s3_bucket),
        "DOSSIER_API_KEYS": f"{tenant}:{hash_key(key)}",
        "DOSSIER_GATEWAY_HOST": "127.0.0.1",
        "DOSSIER_GATEWAY_PORT": str(gateway_port),
        "DOSSIER_WORKER_HEALTH_PORT": str(worker_port),
        "DOSSIER_SEARCH_PROVIDER": "serper",
        "DOSSIER_SEARCH_URL": f"{search_server.url}/search",
        "DOSSIER_SEARCH_API_KEY": API_KEY,
        "DOSSIER_LLM_BASE_URL": llm_server.url,
        "DOSSIER_LLM_API_KEY": "sk-test",
        "DOSSIER_LLM_MODEL": "test-model",
        "DOSSIER_HUBSPOT_BASE_URL": hubspot_server.url,
        "DOSSIER_HUBSPOT_TOKEN": TOKEN,
        "DOSSIER_FETCH_TIMEOUT_S": "2",
        "DOSSIER_HOST_MIN_INTERVAL_S": "0",
        # The farm's names answer 127.0.0.1 (fakes/dns.py), reached through the proxy.
        "DOSSIER_WORKER_PIPELINE": "tests.pipeline.fakes.dns:build_farm_pipeline",
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "HTTPS_PROXY": farm.proxy_url,
        "HTTP_PROXY": farm.proxy_url,
        "NO_PROXY": "127.0.0.1,localhost",
        "SSL_CERT_FILE": str(farm.ca_file),
    }
    with (
        service("gateway", env, tmp_path) as gateway,
        service("worker", env, tmp_path) as worker,
    ):
        await asyncio.to_thread(
            wait_http_ok, f"http://127.0.0.1:{gateway_port}/readyz", 60, gateway
        )
        await asyncio.to_thread(wait_http_ok, f"http://127.0.0.1:{worker_port}/readyz", 60, worker)
        yield f"http://127.0.0.1:{gateway_port}", key
    await delete_topology(rabbitmq, topology)


async def wait_final(client: httpx.AsyncClient, session_id: str) -> dict[str, Any]:
    async with asyncio.timeout(60):
        while True:
            state: dict[str, Any] = (await client.get(f"/api/sessions/{session_id}")).json()
            if state["status"] in ("completed", "failed", "cancelled") and state["finalized"]:
                return state
            await asyncio.sleep(0.2)  # polling the API is the condition being waited on


async def test_session_with_every_option_is_enriched_by_the_running_worker(
    api: tuple[str, str], hubspot_server: Server[HubSpotState], llm_server: Server[LlmState]
) -> None:
    url, key = api
    form = {
        "context_text": "Which of these companies run their own game launcher?",
        "run_llm_deep_search_pipeline": "true",
        "use_hubspot_integration": "true",
        "write_to_hubspot": "true",
    }
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"}) as c:
        created = await c.post(
            "/api/sessions", data=form, files={"file": ("list.csv", CSV.encode(), "text/csv")}
        )
        assert created.status_code == 201, created.text
        session_id = created.json()["session_id"]
        assert (await c.post(f"/api/sessions/{session_id}/start")).status_code == 202
        state = await wait_final(c, session_id)
        assert state["status"] == "completed", state
        body = (await c.get(f"/api/sessions/{session_id}/results")).json()
    rows = body["rows"] if isinstance(body, dict) else body
    by_name = {row["Company_Name"]: row for row in rows}
    acme = by_name["Acme Rockets"]
    assert acme["Owner"] == "ann"
    assert acme["Row_Status"] == "ok"
    assert acme["Description_Source"] == "llm"
    assert acme["LinkedIn_URL"] == "https://www.linkedin.com/company/acme-rockets"
    assert "AcmePlay" in acme["Deep_Search"]
    assert acme["HubSpot_Company_ID"].startswith("https://app.hubspot.com/contacts/424242/")
    assert by_name["Zenith Analytics"]["Official_Website"] == "https://zenith-analytics.com/"
    assert by_name["Acquired Startup"]["Row_Status"] == "dead_url"
    assert by_name["Acme Rockets Inc."]["Row_Status"] == "duplicate"
    assert any("launcher" in str(r["messages"]) for r in llm_server.state.requests)
    domains = {p.get("domain") for p in hubspot_server.state.companies.values()}
    assert {"acme-rockets.com", "zenith-analytics.com"} <= domains
