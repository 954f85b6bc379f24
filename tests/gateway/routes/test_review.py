"""Accepting or rejecting a row left for review: stored beside the results, shown by
result pages, filters and every download; every refusal changes nothing."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

import httpx
import orjson
import pytest
from openpyxl import load_workbook

from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import Counters, FinalStatus
from shared.rows import ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.seed import result_row, seed_chunk, seed_final
from tests.gateway.steps import new_session
from tests.sessions import seed_plan

pytestmark = pytest.mark.unit

CSV = b"Company\nAcme\nGlobex\nInitech\nUmbrella\nAcme\n"
ACME_SITE = "https://acme-corp.example/"
ACME_LINKEDIN = "https://www.linkedin.com/company/acme-corp"


def in_review(row: int, name: str, candidates: str, **extra: object) -> ResultRow:
    return result_row(
        row,
        name,
        Official_Website="",
        Row_Status=RowStatus.NEEDS_REVIEW,
        Review_Candidates=candidates,
        Error="website needs review",
        **extra,
    )


ROWS = [
    in_review(
        0,
        "Acme",
        f"website: {ACME_SITE} (0.71; title matches) | LinkedIn: {ACME_LINKEDIN} (0.66; named)",
        Match_Confidence=0.71,
    ),
    in_review(1, "Globex", "website: https://globex.example/ (0.65; text mentions the name)"),
    result_row(2, "Initech"),
    result_row(
        3,
        "Umbrella",
        Row_Status=RowStatus.NEEDS_REVIEW,
        Review_Candidates="LinkedIn: https://www.linkedin.com/company/umbrella (0.7; named)",
    ),
    result_row(4, "Acme", Official_Website="", Row_Status=RowStatus.DUPLICATE, duplicate_of=0),
]


@pytest.fixture
async def session(client: httpx.AsyncClient, store: MemoryStore, owner: Caller) -> SessionKeys:
    """A completed session with its final files: three rows left for review, and a
    duplicate of the first."""
    session_id = await new_session(client, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=5, chunk_size=2)
    await seed_chunk(store, keys, 0, ROWS[:2])
    await seed_chunk(store, keys, 1, ROWS[2:4])
    await seed_chunk(store, keys, 2, ROWS[4:])
    columns = ["Company"]
    await seed_final(store, keys, SessionStatus.COMPLETED, ROWS, columns)
    return keys


async def decide(
    client: httpx.AsyncClient, keys: SessionKeys, row: int, body: Any
) -> httpx.Response:
    url = f"/api/sessions/{keys.session_id}/rows/{row}/review"
    headers = {"Content-Type": "application/json"}
    return await client.post(url, content=json.dumps(body), headers=headers)


async def rows_of(client: httpx.AsyncClient, keys: SessionKeys, **params: str) -> list[Any]:
    response = await client.get(f"/api/sessions/{keys.session_id}/results", params=params)
    assert response.status_code == 200, response.text
    rows: list[Any] = response.json()["rows"]
    return rows


async def test_accept_fills_the_fields_from_the_candidates_everywhere(
    client: httpx.AsyncClient, session: SessionKeys
) -> None:
    response = await decide(client, session, 0, {"decision": "accept"})
    assert response.status_code == 200, response.text
    row = response.json()
    assert (row["Row_Status"], row["Official_Website"]) == ("ok", ACME_SITE)
    assert row["LinkedIn_URL"] == ACME_LINKEDIN
    assert row["Error"] == ""
    assert "review: a person accepted" in row["Notes"]

    page = await rows_of(client, session)
    assert (page[0]["Row_Status"], page[0]["Official_Website"]) == ("ok", ACME_SITE)
    assert [r["Company_Name"] for r in await rows_of(client, session, status="needs_review")] == [
        "Globex",
        "Umbrella",
    ]
    found = await rows_of(client, session, q="acme-corp")
    assert [r["Company_Name"] for r in found] == ["Acme"] * 2

    url = f"/api/sessions/{session.session_id}/results"
    as_csv = (await client.get(url, params={"format": "csv"})).text.lstrip("\ufeff")
    table = list(csv.DictReader(io.StringIO(as_csv)))
    assert (table[0]["Row_Status"], table[0]["Official_Website"]) == ("ok", ACME_SITE)
    assert table[1]["Row_Status"] == "needs_review"
    as_json = orjson.loads((await client.get(url, params={"format": "json"})).content)
    assert as_json[0]["LinkedIn_URL"] == ACME_LINKEDIN
    xlsx = await client.get(url, params={"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[0])
    assert values[1][header.index("Official_Website")] == ACME_SITE


async def test_reject_keeps_the_fields_empty_and_marks_the_row_reviewed(
    client: httpx.AsyncClient, session: SessionKeys
) -> None:
    response = await decide(client, session, 1, {"decision": "reject"})
    assert response.status_code == 200, response.text
    assert response.json()["Row_Status"] == "not_found"
    assert response.json()["Official_Website"] == ""
    assert "review: a person rejected https://globex.example/" in response.json()["Notes"]
    # A LinkedIn candidate rejected leaves a row that has its website as it was: ok.
    umbrella = await decide(client, session, 3, {"decision": "reject"})
    assert (umbrella.json()["Row_Status"], umbrella.json()["LinkedIn_URL"]) == ("ok", "")
    assert umbrella.json()["Official_Website"] == "https://umbrella.example"

    page = await rows_of(client, session)
    assert [r["Row_Status"] for r in page] == ["needs_review", "not_found", "ok", "ok", "duplicate"]


@pytest.mark.parametrize(
    ("row", "body", "status", "code"),
    [
        (2, {"decision": "accept"}, 409, "row_not_in_review"),
        (9, {"decision": "accept"}, 404, "row_not_found"),
        (0, {"decision": "maybe"}, 422, "invalid_request"),
        (0, {"decision": "accept", "website": "https://x.example"}, 422, "invalid_request"),
        (0, "accept", 422, "invalid_request"),
        (0, {"decision": "accept", "pad": "x" * 2000}, 413, "body_too_large"),
    ],
)
async def test_refusals_change_nothing(
    client: httpx.AsyncClient,
    session: SessionKeys,
    store: MemoryStore,
    row: int,
    body: Any,
    status: int,
    code: str,
) -> None:
    before = await rows_of(client, session)
    response = await decide(client, session, row, body)
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert await rows_of(client, session) == before
    assert await store.list_objects(session.reviews_prefix) == []


async def test_a_row_is_decided_once(client: httpx.AsyncClient, session: SessionKeys) -> None:
    assert (await decide(client, session, 0, {"decision": "reject"})).status_code == 200
    again = await decide(client, session, 0, {"decision": "accept"})
    assert (again.status_code, again.json()["code"]) == (409, "row_not_in_review")
    assert (await rows_of(client, session))[0]["Official_Website"] == ""


async def test_another_tenant_cannot_decide(
    other_client: httpx.AsyncClient, session: SessionKeys
) -> None:
    response = await decide(other_client, session, 0, {"decision": "accept"})
    assert (response.status_code, response.json()["code"]) == (404, "session_not_found")


async def test_a_duplicate_follows_the_decision_on_its_first_occurrence(
    client: httpx.AsyncClient, session: SessionKeys
) -> None:
    assert (await decide(client, session, 0, {"decision": "accept"})).status_code == 200
    duplicate = (await rows_of(client, session))[4]
    assert (duplicate["Row_Status"], duplicate["Official_Website"]) == ("duplicate", ACME_SITE)
    assert "a person accepted" in duplicate["Notes"]
    assert [r["row"] for r in await rows_of(client, session, q="acme-corp")] == [0, 4]
    url = f"/api/sessions/{session.session_id}/results"
    as_json = orjson.loads((await client.get(url, params={"format": "json"})).content)
    assert as_json[4]["LinkedIn_URL"] == ACME_LINKEDIN
    # The duplicate itself is no row to decide.
    again = await decide(client, session, 4, {"decision": "reject"})
    assert (again.status_code, again.json()["code"]) == (409, "row_not_in_review")


async def test_decisions_survive_refinalizing_and_a_retry_round(
    client: httpx.AsyncClient, session: SessionKeys, store: MemoryStore
) -> None:
    assert (await decide(client, session, 0, {"decision": "accept"})).status_code == 200
    assert (await decide(client, session, 1, {"decision": "reject"})).status_code == 200
    # A retry round stored its copy of chunk 0 (a reviewed row is kept as it was), then
    # the finalizer wrote the result files anew, from rows without the decisions.
    initech = result_row(2, "Initech", Attempts=2)
    await seed_chunk(store, session.in_round(1), 0, ROWS[:2])
    await seed_chunk(store, session.in_round(1), 1, [initech, ROWS[3]])
    await seed_final(store, session, SessionStatus.COMPLETED, ROWS, ["Company"])
    page = await rows_of(client, session)
    assert (page[0]["Row_Status"], page[0]["Official_Website"]) == ("ok", ACME_SITE)
    assert (page[1]["Row_Status"], page[1]["Official_Website"]) == ("not_found", "")
    assert page[2]["Attempts"] == 2
    url = f"/api/sessions/{session.session_id}/results"
    table = list(
        csv.DictReader(io.StringIO((await client.get(url, params={"format": "csv"})).text))
    )
    assert [row["Row_Status"] for row in table][:2] == ["ok", "not_found"]


async def test_no_decision_while_the_session_runs(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id = await new_session(client, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=5, chunk_size=2)
    await seed_chunk(store, keys, 0, ROWS[:2])
    response = await decide(client, keys, 0, {"decision": "accept"})
    assert (response.status_code, response.json()["code"]) == (409, "session_running")
    assert await store.list_objects(keys.reviews_prefix) == []


async def test_decisions_move_their_rows_in_the_session_counters_once(
    client: httpx.AsyncClient, session: SessionKeys, store: MemoryStore
) -> None:
    # As the finalizer counted the rows: three left for review, one duplicate.
    final = await store.get_model(session.final_status, FinalStatus)
    stored = Counters(total=5, done=5, needs_review=3, duplicates=1)
    await store.put_model(session.final_status, final.model_copy(update={"counters": stored}))
    url = f"/api/sessions/{session.session_id}"

    async def counters() -> tuple[int, int]:
        one = (await client.get(url)).json()["counters"]
        listed = (await client.get("/api/sessions")).json()["items"]
        assert [s["counters"] for s in listed if s["session_id"] == session.session_id] == [one]
        return one["needs_review"], one["not_found"]

    assert await counters() == (3, 0)
    assert (await decide(client, session, 0, {"decision": "accept"})).status_code == 200
    assert await counters() == (2, 0)
    # Rejected without a website: not found.
    assert (await decide(client, session, 1, {"decision": "reject"})).status_code == 200
    assert await counters() == (1, 1)
    # Rejected with a website of its own (only its LinkedIn page was doubtful): ok.
    assert (await decide(client, session, 3, {"decision": "reject"})).status_code == 200
    assert await counters() == (0, 1)
    for row, decision in ((0, "reject"), (1, "accept"), (3, "accept")):
        again = await decide(client, session, row, {"decision": decision})
        assert again.status_code == 409
    assert await counters() == (0, 1)
    # The row now not found was rejected by a person: a retry would run nothing.
    retried = await client.post(f"{url}/retry", json={"statuses": ["not_found", "needs_review"]})
    assert (retried.status_code, retried.json()["code"]) == (409, "nothing_to_retry")
    archive = await client.get(f"{url}/download_archive")
    with zipfile.ZipFile(io.BytesIO(archive.content)) as members:
        summary = json.loads(members.read("session.json"))
    assert (summary["counters"]["needs_review"], summary["counters"]["not_found"]) == (0, 1)
    assert summary["counters"]["duplicates"] == 1
