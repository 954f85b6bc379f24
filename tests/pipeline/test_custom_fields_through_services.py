"""Custom fields through the running services: uploaded to the gateway with the field
list, answered by a worker process against the fake OpenAI-compatible server (one answer
quoting text that is on no page, so dropped), and downloaded in every format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator

import httpx
import pytest
from openpyxl import load_workbook

from tests.pipeline.conftest import FarmServices, Server
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.services_steps import llm_env, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

FIELDS = [
    {"name": "countries", "description": "countries", "type": "number"},
    {"name": "founded", "description": "founded", "type": "date"},
    {"name": "moon_base", "description": "~made up", "type": "text"},
]
CSV = b"Company,Website\nStreamForge,streamforge.com\nGone Site,gone-site.com\n"


@pytest.fixture
async def stack(
    llm_server: Server[LlmState],
    farm_services: FarmServices,
) -> AsyncIterator[Stack]:
    env = {
        **llm_env(llm_server),
        "DOSSIER_FETCH_TIMEOUT_S": "2",
    }
    async with farm_services(env) as running:
        yield running


async def test_fields_are_answered_by_the_worker_and_exported(
    stack: Stack, llm_server: Server[LlmState]
) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        form = {"custom_fields": json.dumps(FIELDS)}
        session_id = await upload(client, CSV, form, filename="companies.csv")
        await client.post(f"/api/sessions/{session_id}/start")
        assert (await wait_final(client, session_id))["status"] == "completed", stack.logs()
        results = f"/api/sessions/{session_id}/results"
        exported = (await client.get(results, params={"format": "json"})).json()
        table = (await client.get(results, params={"format": "csv"})).content
        workbook = (await client.get(results, params={"format": "xlsx"})).content

    streamforge, gone = exported
    assert streamforge["Field: countries"] == 40.0
    assert streamforge["Field: countries (source)"] == "https://streamforge.com/"
    assert streamforge["Field: founded"] == "2015"
    assert streamforge["Field: founded (quote)"] == "StreamForge was founded in 2015 in Lyon."
    # The model's made-up quote is on no page: no value, and the row says why.
    assert streamforge["Field: moon_base"] is None
    assert "dropped (moon_base)" in streamforge["Notes"]
    assert [a["name"] for a in streamforge["Custom_Fields"]] == [f["name"] for f in FIELDS]
    assert gone["Field: countries"] is None
    # One model call for the one company with pages; the dead site asks nothing.
    asked = [
        r
        for r in llm_server.state.requests
        if r["response_format"]["json_schema"]["name"] == "custom_fields"
    ]
    assert len(asked) == 1

    header = next(csv.reader(io.StringIO(table.decode("utf-8-sig"))))
    assert header[-12:-8] == [
        "Field: countries",
        "Field: countries (quote)",
        "Field: countries (source)",
        "Field: countries (confidence)",
    ]
    sheet = load_workbook(io.BytesIO(workbook))["Results"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][rows[0].index("Field: founded")] == "2015"
    assert rows[1][rows[0].index("Field: countries")] == 40
