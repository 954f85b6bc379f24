"""Running accepted rows again through the running services: a company whose website was
left for review is accepted by a person, then a retry of accepted rows runs it with that
website given, so it gets what any row with a website gets; the rejected row and the
enriched one stay as they were, and the counters move each row once."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from shared.layout import SessionKeys
from shared.storage.s3 import MinioStore
from tests.pipeline.fakes.site_farm import SERVED
from tests.pipeline.services_steps import start, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = b"Company,Website\nLumen Parcel,\nKestrel Logistics,\nAcme Rockets,acme-rockets.com\n"
FORM = {
    "context_text": "Which of these companies run their own game launcher?",
    "run_llm_deep_search_pipeline": "true",
}


@pytest.fixture
def stack(retry_stack: Stack) -> Stack:
    return retry_stack


async def _downloads(client: httpx.AsyncClient, session_id: str) -> dict[str, dict[str, Any]]:
    """Each download's view of every row, by company: JSON, CSV and XLSX."""
    results = f"/api/sessions/{session_id}/results"
    exported = (await client.get(results, params={"format": "json"})).json()
    text = (await client.get(results, params={"format": "csv"})).content.decode("utf-8-sig")
    book = load_workbook(
        io.BytesIO((await client.get(results, params={"format": "xlsx"})).content),
        read_only=True,
    )
    sheet = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    header = [str(c) for c in sheet[0]]
    return {
        "json": {row["Company_Name"]: row for row in exported},
        "csv": {row["Company_Name"]: row for row in csv.DictReader(io.StringIO(text))},
        "xlsx": {
            r[header.index("Company_Name")]: dict(zip(header, r, strict=True)) for r in sheet[1:]
        },
    }


async def test_an_accepted_row_runs_again_with_its_website_and_gets_the_rest(
    stack: Stack, store: MinioStore
) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        session_id = await upload(client, CSV, FORM)
        keys = SessionKeys(stack.tenant, session_id)
        await start(client, session_id)
        first = await wait_final(client, session_id)
        assert first["status"] == "completed", stack.logs()
        page = f"/api/sessions/{session_id}/results"
        before = {r["Company_Name"]: r for r in (await client.get(page)).json()["rows"]}
        lumen, kestrel = before["Lumen Parcel"], before["Kestrel Logistics"]
        assert lumen["Row_Status"] == "needs_review", lumen
        assert lumen["Review_Candidates"].startswith("website: https://lp-dispatch.net/")
        assert kestrel["Row_Status"] == "needs_review", kestrel
        assert first["counters"]["needs_review"] == 2

        retry = f"/api/sessions/{session_id}/retry"
        # Nobody decided yet: no accepted row to run.
        none = await client.post(retry, json={"reviewed": ["accepted"]})
        assert (none.status_code, none.json()["code"]) == (409, "nothing_to_retry"), none.text
        bad = await client.post(retry, json={"reviewed": ["rejected"]})
        assert (bad.status_code, bad.json()["code"]) == (422, "invalid_reviewed"), bad.text
        reviews = f"/api/sessions/{session_id}/rows"
        accepted = await client.post(f"{reviews}/0/review", json={"decision": "accept"})
        assert accepted.status_code == 200, accepted.text
        rejected = await client.post(f"{reviews}/1/review", json={"decision": "reject"})
        assert rejected.status_code == 200, rejected.text
        decided = (await client.get(f"/api/sessions/{session_id}")).json()
        assert decided["counters"]["needs_review"] == 0
        assert decided["counters"]["not_found"] == first["counters"]["not_found"] + 1
        shown = {r["Company_Name"]: r for r in (await client.get(page)).json()["rows"]}
        assert shown["Lumen Parcel"]["Official_Website"] == "https://lp-dispatch.net/"
        assert shown["Lumen Parcel"]["Description"] == ""
        before_files = await _downloads(client, session_id)

        SERVED.clear()
        await asyncio.sleep(1.1)  # attempt times have whole seconds
        retried = await client.post(retry, json={"reviewed": ["accepted"]})
        assert retried.status_code == 202, retried.text
        assert retried.json()["retry_round"] == 1
        second = await wait_final(client, session_id)
        assert second["status"] == "completed", stack.logs()
        after = {r["Company_Name"]: r for r in (await client.get(page)).json()["rows"]}
        files = await _downloads(client, session_id)
        # The accepted row is not taken again once it ran: nothing is left to run.
        again = await client.post(retry, json={"reviewed": ["accepted"]})
        assert (again.status_code, again.json()["code"]) == (409, "nothing_to_retry"), again.text
        plain = await client.post(retry, json={"statuses": ["needs_review"]})
        assert (plain.status_code, plain.json()["code"]) == (409, "nothing_to_retry"), plain.text

    redone = after["Lumen Parcel"]
    assert redone["Row_Status"] == "ok", redone
    assert redone["Attempts"] == 2
    assert redone["Official_Website"] == "https://lp-dispatch.net/"
    assert redone["Website_Source"] == "given"
    assert redone["Description"].startswith("Parcel tracking for small shops"), redone
    assert redone["LinkedIn_URL"] == "https://www.linkedin.com/company/lumen-parcel"
    assert redone["Deep_Search_Status"] == "ok", redone
    assert redone["Review_Candidates"] == ""
    for kind in ("json", "csv", "xlsx"):
        row = files[kind]["Lumen Parcel"]
        assert row["Description"] == redone["Description"], kind
        assert row["Row_Status"] == "ok", kind
        assert str(row["Attempts"]) == "2", kind
    # The rejected row and the enriched one were neither run again nor rewritten.
    assert after["Kestrel Logistics"]["Attempts"] == 1
    assert after["Kestrel Logistics"]["Official_Website"] == ""
    assert after["Acme Rockets"]["Attempts"] == 1
    for name in ("Kestrel Logistics", "Acme Rockets"):
        assert files["csv"][name] == before_files["csv"][name]
    served = {host.removeprefix("www.") for (host, _path), n in SERVED.items() if n}
    assert "lp-dispatch.net" in served
    assert not served & {"acme-rockets.com", "kestrel-group.com"}
    # Each row counted once: the accepted row as the run left it, the rejected as decided.
    counters = second["counters"]
    assert counters["needs_review"] == 0
    assert counters["not_found"] == decided["counters"]["not_found"]
    assert counters["done"] == counters["total"] == 3
    stored = json.loads(await store.get_bytes(keys.retry_request(1)))
    assert stored["reviewed"] == ["accepted"]
    assert stored["statuses"] == []
    assert json.loads(await store.get_bytes(keys.in_round(1).plan))["rows"] == 1
