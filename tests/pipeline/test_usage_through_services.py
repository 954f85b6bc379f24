"""Usage through the running services: the estimate before start, and the counts the
worker records, against the requests the fake web, search and model servers saw."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from shared.usage import current_month
from tests.pipeline.conftest import Farm, Server
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.search import API_KEY, SearchState
from tests.pipeline.fakes.site_farm import SERVED
from tests.pipeline.test_through_services import wait_final
from tests.stack import Stack, services_stack

pytestmark = pytest.mark.e2e

CSV = (
    "Company,Website\n"
    "Acme Rockets,acme-rockets.com\n"
    "Zenith Analytics,\n"
    "Blue Widgets,blue-widgets.com\n"
    "Acme Rockets Inc.,https://www.acme-rockets.com\n"
)


@pytest.fixture
async def stack(
    tmp_path: Path,
    farm: Farm,
    s3_endpoint: str,
    s3_bucket: str,
    rabbitmq: str,
    search_server: Server[SearchState],
    llm_server: Server[LlmState],
) -> AsyncIterator[Stack]:
    env = {
        "DOSSIER_SEARCH_PROVIDER": "serper",
        "DOSSIER_SEARCH_URL": f"{search_server.url}/search",
        "DOSSIER_SEARCH_API_KEY": API_KEY,
        "DOSSIER_LLM_BASE_URL": llm_server.url,
        "DOSSIER_LLM_API_KEY": "sk-test",
        "DOSSIER_LLM_MODEL": "test-model",
        "DOSSIER_FETCH_TIMEOUT_S": "2",
        "DOSSIER_HOST_MIN_INTERVAL_S": "0",
        "DOSSIER_WORKER_CHUNK_SIZE": "2",
        "DOSSIER_WORKER_PIPELINE": "tests.pipeline.fakes.dns:build_farm_pipeline",
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "HTTPS_PROXY": farm.proxy_url,
        "HTTP_PROXY": farm.proxy_url,
        "NO_PROXY": "127.0.0.1,localhost",
        "SSL_CERT_FILE": str(farm.ca_file),
    }
    async with services_stack(s3_endpoint, s3_bucket, rabbitmq, tmp_path, env) as running:
        yield running


async def test_the_counted_usage_matches_the_requests_the_outside_servers_saw(
    stack: Stack, search_server: Server[SearchState], llm_server: Server[LlmState]
) -> None:
    SERVED.clear()
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        files = {"file": ("list.csv", CSV.encode(), "text/csv")}
        created = await client.post("/api/sessions", files=files)
        assert created.status_code == 201, created.text
        session_id = created.json()["session_id"]
        estimate = (await client.get(f"/api/sessions/{session_id}/preview")).json()["estimate"]
        assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
        state = await wait_final(client, session_id)
        assert state["status"] == "completed", stack.logs()
        monthly = (await client.get("/api/usage", params={"month": current_month()})).json()
        this_month = (await client.get("/api/usage")).json()
        empty = (await client.get("/api/usage", params={"month": "2001-01"})).json()
        bad = await client.get("/api/usage", params={"month": "2026-13"})

    # Three companies (the fourth row repeats the first): a page or two each, a model call
    # each, and a search for the one without a website.
    assert estimate == {
        "companies": 3,
        "fetches": 6,
        "searches": 0,
        "model_calls": 3,
        "hubspot_calls": 0,
    }
    pages = sum(n for (_host, path), n in SERVED.items() if path != "/robots.txt")
    usage = state["usage"]
    assert usage == {
        "fetches": pages,
        "searches": len(search_server.state.queries),
        "model_calls": len(llm_server.state.requests),
        "hubspot_calls": 0,
    }
    assert usage["fetches"] >= 3
    assert usage["searches"] >= 1
    assert usage["model_calls"] >= 3
    assert monthly == {"month": current_month(), "sessions": 1, "usage": usage}
    assert this_month == monthly
    assert empty == {"month": "2001-01", "sessions": 0, "usage": dict.fromkeys(usage, 0)}
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_request")
