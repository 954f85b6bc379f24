"""Bad input through the running gateway and worker: a column of garbage countries, names
mixing scripts, an empty context. Every request is answered without a 5xx, every row is
answered from what is usable, and its notes say what was ignored."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.pipeline.conftest import FarmServices, Server
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.services_steps import search_env, start, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = (
    "Company,Website,Country\n"
    "Acme Rockets,acme-rockets.com,Planet Mars\n"
    "S\u0435v\u0435rny V\u0435t\u0435r,,Russia\n"  # Cyrillic е typed into a Latin name
    "Nordlicht Нордлихт,,???\n"  # a name in both scripts, a country of question marks
    "Golden Ear,,12345\n"
)


@pytest.fixture
async def stack(
    search_server: Server[SearchState], farm_services: FarmServices
) -> AsyncIterator[Stack]:
    async with farm_services(
        {**search_env(search_server), "DOSSIER_FETCH_TIMEOUT_S": "2"}
    ) as running:
        yield running


async def test_garbage_countries_mixed_scripts_and_an_empty_context_are_answered(
    stack: Stack,
) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as c:
        session_id = await upload(c, CSV.encode(), {"context_text": ""})
        await start(c, session_id)
        state = await wait_final(c, session_id)
        assert state["status"] == "completed", state
        answer = await c.get(f"/api/sessions/{session_id}/results")
        assert answer.status_code == 200
    body = answer.json()
    rows = body["rows"] if isinstance(body, dict) else body
    by_row = {row["Company"]: row for row in rows}
    acme = by_row["Acme Rockets"]
    assert (acme["Row_Status"], acme["Official_Website"]) == ("ok", "https://acme-rockets.com/")
    assert "country 'Planet Mars' not recognised, ignored" in acme["Notes"]
    mixed = by_row["S\u0435v\u0435rny V\u0435t\u0435r"]
    assert (mixed["Row_Status"], mixed["Official_Website"]) == ("ok", "https://severny-veter.com/")
    assert "read as 'Severny Veter'" in mixed["Notes"]
    both = by_row["Nordlicht Нордлихт"]
    assert both["Row_Status"] in ("ok", "not_found")
    assert "country '???' not recognised, ignored" in both["Notes"]
    assert "country '12345' not recognised, ignored" in by_row["Golden Ear"]["Notes"]
    assert all(row["Row_Status"] != "failed" for row in rows)
