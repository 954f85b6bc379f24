"""A qualification session through the running services: seeded in storage as the gateway
stores it (options and criteria snapshot), started over RabbitMQ, qualified by a worker
process against the fakes, and downloaded from the gateway."""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from openpyxl import load_workbook

from shared.broker.rabbit import RabbitBroker
from shared.ids import new_session_id
from shared.messages import StartSession
from shared.rows import RESULT_COLUMNS, InputRow
from shared.storage.s3 import MinioStore
from tests.pipeline.conftest import Server
from tests.pipeline.criteria import CRITERIA, qualifying
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.services_steps import wait_final
from tests.stack import Stack
from tests.worker.sessions import seed_session

pytestmark = pytest.mark.e2e


def row(n: int, name: str, website: str) -> InputRow:
    original = {"Company": name, "Website": website, "Group": "g"}
    return InputRow(row=n, name=name, website=website, original=original)


ROWS = [
    row(0, "StreamForge", "streamforge.com"),
    row(1, "Acme Rockets", "acme-rockets.com"),
    row(2, "Gone Site", "gone-site.com"),
    row(3, "StreamForge SAS", "https://www.streamforge.com/"),
]


async def test_a_qualification_session_is_qualified_and_downloaded_through_the_services(
    search_llm_stack: Stack, store: MinioStore, rabbitmq: str, llm_server: Server[LlmState]
) -> None:
    keys = await seed_session(
        store, search_llm_stack.tenant, new_session_id(), ROWS, qualifying(), CRITERIA
    )
    broker = RabbitBroker(rabbitmq, search_llm_stack.topology)
    await broker.connect()
    try:
        await broker.publish_start(StartSession(tenant=keys.tenant, session_id=keys.session_id))
    finally:
        await broker.close()

    async with httpx.AsyncClient(
        base_url=search_llm_stack.api, headers=search_llm_stack.headers
    ) as client:
        state = await wait_final(client, keys.session_id)
        assert state["status"] == "completed", search_llm_stack.logs()
        results = f"/api/sessions/{keys.session_id}/results"
        page = (await client.get(results)).json()
        exported = (await client.get(results, params={"format": "json"})).json()
        table = (await client.get(results, params={"format": "csv"})).content
        workbook = (await client.get(results, params={"format": "xlsx"})).content

    streamforge, acme, gone, duplicate = page["rows"]
    assert (streamforge["Qualified_Products"], streamforge["Qualification_Status"]) == (
        ["CDN"],
        "ok",
    )
    assert [p["product"] for p in streamforge["Qualification"]] == ["CDN", "Security", "Ads"]
    assert acme["Qualification_Status"] == "ok"
    assert gone["Qualification_Status"] == "skipped: no website to qualify (dead_url)"
    assert duplicate["Qualified_Products"] == ["CDN"]
    # Two companies, three products each; the dead site and the duplicate ask nothing.
    assert llm_server.state.qualification_asked == 6

    scores = [(r["Score: CDN"], r["Score: Security"], r["Score: Ads"]) for r in exported]
    assert scores == [(2, None, None), (None, None, None), (None, None, None), (2, None, None)]
    assert exported[0]["Qualification"][0]["nth_score"] == 2
    header = next(csv.reader(io.StringIO(table.decode("utf-8-sig"))))
    # The score columns follow every result column, the newest ones included.
    assert header[-(len(RESULT_COLUMNS) + 3) :] == [
        *RESULT_COLUMNS,
        "Score: CDN",
        "Score: Security",
        "Score: Ads",
    ]
    book = load_workbook(io.BytesIO(workbook))
    assert book.sheetnames == ["Results", "Qualification"]
    evidence = list(book["Qualification"].iter_rows(values_only=True))[1:]
    assert {line[0] for line in evidence} == {1, 2, 4}  # row numbers as numbers
    quotes = [line[8] for line in evidence if line[0] == 1 and line[2] == "Ads"]
    assert "'=cmd|' /C calc'!A0 is not a formula here, only text on a page." in quotes
