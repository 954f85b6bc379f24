"""Usage through the running services: the estimate before start, and the counts the
worker records, against the requests the fake web, search and model servers saw."""

from __future__ import annotations

import httpx
import pytest

from shared.usage import current_month
from tests.pipeline.conftest import Server
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.fakes.site_farm import SERVED
from tests.pipeline.services_steps import start, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = (
    "Company,Website\n"
    "Acme Rockets,acme-rockets.com\n"
    "Zenith Analytics,\n"
    "Blue Widgets,blue-widgets.com\n"
    "Acme Rockets Inc.,https://www.acme-rockets.com\n"
)


async def test_the_counted_usage_matches_the_requests_the_outside_servers_saw(
    search_llm_stack: Stack, search_server: Server[SearchState], llm_server: Server[LlmState]
) -> None:
    SERVED.clear()
    async with httpx.AsyncClient(
        base_url=search_llm_stack.api, headers=search_llm_stack.headers
    ) as client:
        session_id = await upload(client, CSV.encode())
        estimate = (await client.get(f"/api/sessions/{session_id}/preview")).json()["estimate"]
        await start(client, session_id)
        state = await wait_final(client, session_id)
        assert state["status"] == "completed", search_llm_stack.logs()
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
