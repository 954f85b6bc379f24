"""What the tenant's domain cache keeps, through the running services: a row a model
outage left short is not served again once the model is back, and a session with custom
fields is not answered by findings made without them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.pipeline.conftest import FarmServices, Server
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.services_steps import llm_env, search_env, start, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = b"Company,Website\nStreamForge,streamforge.com\nAcme Rockets,acme-rockets.com\n"
DEEP = {
    "context_text": "Which of these companies run their own game launcher?",
    "run_llm_deep_search_pipeline": "true",
}
FIELDS = {"custom_fields": '[{"name": "countries", "type": "number", "description": "countries"}]'}


@pytest.fixture
async def stack(
    search_server: Server[SearchState], llm_server: Server[LlmState], farm_services: FarmServices
) -> AsyncIterator[Stack]:
    env = {
        "DOSSIER_CACHE_DAYS": "30",
        **search_env(search_server),
        **llm_env(llm_server),
        "DOSSIER_FETCH_TIMEOUT_S": "2",
        "DOSSIER_RETRY_ATTEMPTS": "1",
    }
    async with farm_services(env) as running:
        yield running


async def _rows(stack: Stack, form: dict[str, str]) -> dict[str, dict[str, Any]]:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        session_id = await upload(client, CSV, form)
        await start(client, session_id)
        state = await wait_final(client, session_id)
        assert state["status"] == "completed", stack.logs()
        page = (await client.get(f"/api/sessions/{session_id}/results")).json()
    return {row["Company_Name"]: row for row in page["rows"]}


async def test_rows_a_model_outage_left_short_are_run_again_once_it_is_back(
    stack: Stack, llm_server: Server[LlmState]
) -> None:
    llm_server.state.failing = True
    during = await _rows(stack, DEEP)
    for row in during.values():
        assert row["Row_Status"] == "ok"
        assert row["Deep_Search_Status"].startswith("failed: "), row
        assert row["Description_Source"] != "llm"

    llm_server.state.failing = False
    after = await _rows(stack, DEEP)
    for row in after.values():
        assert row["Cached_At"] == "", row
        assert (row["Deep_Search_Status"], row["Description_Source"]) == ("ok", "llm"), row
    # Complete rows are remembered: the next session is answered from the cache.
    again = await _rows(stack, DEEP)
    assert all(row["Cached_At"] for row in again.values()), again


async def test_a_session_with_custom_fields_is_not_answered_by_findings_without_them(
    stack: Stack,
) -> None:
    plain = await _rows(stack, {})
    assert all(row["Cached_At"] == "" for row in plain.values())
    assert all(row["Cached_At"] for row in (await _rows(stack, {})).values())

    with_fields = await _rows(stack, FIELDS)
    streamforge = with_fields["StreamForge"]
    assert streamforge["Cached_At"] == ""
    [answer] = streamforge["Custom_Fields"]
    assert (answer["name"], answer["value"]) == ("countries", 40)
    # The same fields again: remembered with their answers.
    cached = (await _rows(stack, FIELDS))["StreamForge"]
    assert cached["Cached_At"]
    assert cached["Custom_Fields"] == streamforge["Custom_Fields"]
