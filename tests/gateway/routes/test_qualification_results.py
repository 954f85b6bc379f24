"""Results of a session with criteria while it runs: the page carries each row's evidence,
and downloads built from the chunks get the products from the session's snapshot."""

from __future__ import annotations

import csv
import io

import httpx
import orjson
import pytest
from openpyxl import load_workbook

from shared.criteria.model import CriterionResult, ProductResult, Verdict
from shared.layout import SessionKeys
from shared.models import SessionManifest
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.seed import result_row, seed_chunk
from tests.gateway.steps import new_session
from tests.pipeline.criteria import ONLY_CDN, qualifying
from tests.sessions import seed_plan

pytestmark = pytest.mark.unit

CSV = b"Company,Website\nStreamForge,streamforge.com\nGone,gone.example\n"
CDN = ProductResult(
    product="CDN",
    qualified=True,
    audiences=["Game studios"],
    nth_score=2,
    nth_total=3,
    reason="qualified for Game studios",
    criteria=[
        CriterionResult(
            criterion_id="r2",
            verdict=Verdict.PASSED,
            quote="@SUM(1) streams video",
            source_url="https://streamforge.com/",
        )
    ],
)


async def running_qualification(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> str:
    """As the gateway stores a session with criteria; its first chunk is done."""
    session_id = await new_session(client, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    manifest = await store.get_model(keys.manifest, SessionManifest)
    await store.put_model(keys.manifest, manifest.model_copy(update={"options": qualifying()}))
    await store.put_model(keys.criteria, ONLY_CDN)
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=2, chunk_size=1)
    qualified = result_row(
        0,
        "StreamForge",
        Qualified_Products=["CDN"],
        Qualification=[CDN],
        Qualification_Status="ok",
    )
    await seed_chunk(store, keys, 0, [qualified])
    return session_id


async def test_a_running_qualification_session_shows_and_downloads_its_evidence(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    url = f"/api/sessions/{await running_qualification(client, store, owner)}/results"

    (row,) = (await client.get(url)).json()["rows"]
    assert (row["Qualified_Products"], row["Qualification_Status"]) == (["CDN"], "ok")
    assert row["Qualification"][0]["criteria"][0]["quote"] == "@SUM(1) streams video"

    (item,) = orjson.loads((await client.get(url, params={"format": "json"})).content)
    assert (item["Score: CDN"], item["Qualification"][0]["nth_total"]) == (2, 3)

    table = (await client.get(url, params={"format": "csv"})).content.decode("utf-8-sig")
    header, line = csv.reader(io.StringIO(table))
    assert dict(zip(header, line, strict=True))["Score: CDN"] == "2"

    content = (await client.get(url, params={"format": "xlsx"})).content
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Results", "Qualification"]
    (_, evidence) = list(book["Qualification"].iter_rows(values_only=True))
    assert evidence[6] == "Delivers video to end users"
    assert evidence[8] == "'@SUM(1) streams video"


async def test_a_row_without_evidence_has_no_qualification_key_on_the_page(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id = await new_session(client, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=2, chunk_size=2)
    await seed_chunk(store, keys, 0, [result_row(0, "StreamForge"), result_row(1, "Gone")])

    rows = (await client.get(f"/api/sessions/{session_id}/results")).json()["rows"]
    assert all("Qualification" not in r for r in rows)
    assert [(r["Qualified_Products"], r["Qualification_Status"]) for r in rows] == [([], "")] * 2
