"""HubSpot write-back refusals through the running services: each row HubSpot refused says
why in `HubSpot_Status`, and the session's errors log names the rows and the reason."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.pipeline.conftest import FarmServices, Server
from tests.pipeline.fakes.hubspot import TOKEN, HubSpotState
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.services_steps import llm_env, start, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

# The fake refuses to create a company whose name says "rejected"; the other is created.
CSV = b"Company,Website\nAcme Rockets,acme-rockets.com\nRejected Widgets,blue-widgets.com\n"


@pytest.fixture
async def stack(
    hubspot_server: Server[HubSpotState],
    llm_server: Server[LlmState],
    farm_services: FarmServices,
) -> AsyncIterator[Stack]:
    env = {
        **llm_env(llm_server),
        "DOSSIER_HUBSPOT_BASE_URL": hubspot_server.url,
        "DOSSIER_HUBSPOT_TOKEN": TOKEN,
        "DOSSIER_FETCH_TIMEOUT_S": "2",
    }
    async with farm_services(env) as running:
        yield running


async def test_rows_hubspot_refused_are_in_the_errors_log(stack: Stack) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        session_id = await upload(client, CSV, {"write_to_hubspot": "true"})
        await start(client, session_id)
        state = await wait_final(client, session_id)
        assert state["status"] == "completed", stack.logs()
        rows = (await client.get(f"/api/sessions/{session_id}/results")).json()["rows"]
        errors = (await client.get(f"/api/sessions/{session_id}/logs/errors")).text

    statuses = [row["HubSpot_Status"] for row in rows]
    assert statuses == ["created", "failed: Property values were not valid: name"], rows
    [line] = [line for line in errors.splitlines() if "hubspot.write.failed" in line]
    assert "WARNING" in line
    assert "action=create count=1 rows=[1] reason=Property values were not valid: name" in line
