"""Listing the caller's sessions: newest first, filtered by status, cursor-paged."""

from __future__ import annotations

import httpx
import pytest

from tests.gateway.steps import new_session

pytestmark = pytest.mark.unit


async def test_list_is_newest_first_with_cursor_paging(client: httpx.AsyncClient) -> None:
    made = [await new_session(client) for _ in range(5)]
    first = (await client.get("/api/sessions", params={"limit": 2})).json()
    assert [s["session_id"] for s in first["items"]] == made[::-1][:2]
    item = first["items"][0]
    assert set(item["counters"]) >= {"total", "done", "failed", "duplicates", "dead_links"}
    assert item["options"] == {
        "run_llm_deep_search_pipeline": False,
        "write_to_hubspot": False,
        "use_hubspot_integration": False,
        "qualification": None,
        "custom_fields": [],
        "webhook_url": None,
        "use_cache": True,
    }
    assert item["created_at"]
    seen = [s["session_id"] for s in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        page = (await client.get("/api/sessions", params={"limit": 2, "cursor": cursor})).json()
        seen += [s["session_id"] for s in page["items"]]
        cursor = page["next_cursor"]
    assert seen == made[::-1]


async def test_list_filters_by_status(client: httpx.AsyncClient) -> None:
    created, started = await new_session(client), await new_session(client)
    assert (await client.post(f"/api/sessions/{started}/start")).status_code == 202
    queued = (await client.get("/api/sessions", params={"status": "queued"})).json()
    assert [s["session_id"] for s in queued["items"]] == [started]
    fresh = (await client.get("/api/sessions", params={"status": "created"})).json()
    assert [s["session_id"] for s in fresh["items"]] == [created]


async def test_list_refuses_bad_and_unknown_query_parameters(client: httpx.AsyncClient) -> None:
    for params in ({"status": "done"}, {"limit": "0"}, {"limit": "x"}, {"cursor": "../x"}):
        response = await client.get("/api/sessions", params=params)
        assert response.status_code == 422, params
        assert response.json()["code"] == "invalid_request"
    unknown = await client.get("/api/sessions", params={"colour": "blue"})
    assert (unknown.status_code, unknown.json()["code"]) == (422, "unknown_parameter")
