"""The real pipeline inside the running gateway, notifier and worker processes, every
provider configured through the environment and reached over the network."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.pipeline.conftest import FarmServices, Server
from tests.pipeline.fakes.hubspot import TOKEN, HubSpotState
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.services_steps import llm_env, search_env, start, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = (
    "Company,Website,Owner\n"
    "Acme Rockets,acme-rockets.com,ann\n"
    "Zenith Analytics,,bob\n"
    "Acquired Startup,acquired-startup.com,cid\n"
    "Acme Rockets Inc.,https://www.acme-rockets.com,dan\n"
)


@pytest.fixture
async def stack(
    search_server: Server[SearchState],
    llm_server: Server[LlmState],
    hubspot_server: Server[HubSpotState],
    farm_services: FarmServices,
) -> AsyncIterator[Stack]:
    env = {
        **search_env(search_server),
        **llm_env(llm_server),
        "DOSSIER_HUBSPOT_BASE_URL": hubspot_server.url,
        "DOSSIER_HUBSPOT_TOKEN": TOKEN,
        "DOSSIER_FETCH_TIMEOUT_S": "2",
    }
    async with farm_services(env) as running:
        yield running


async def test_session_with_every_option_is_enriched_by_the_running_worker(
    stack: Stack, hubspot_server: Server[HubSpotState], llm_server: Server[LlmState]
) -> None:
    form = {
        "context_text": "Which of these companies run their own game launcher?",
        "run_llm_deep_search_pipeline": "true",
        "use_hubspot_integration": "true",
        "write_to_hubspot": "true",
    }
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as c:
        session_id = await upload(c, CSV.encode(), form)
        await start(c, session_id)
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
    assert by_name["Acquired Startup"]["Row_Status"] == "needs_review"
    assert by_name["Acme Rockets Inc."]["Row_Status"] == "duplicate"
    assert any("launcher" in str(r["messages"]) for r in llm_server.state.requests)
    domains = {p.get("domain") for p in hubspot_server.state.companies.values()}
    assert {"acme-rockets.com", "zenith-analytics.com"} <= domains
