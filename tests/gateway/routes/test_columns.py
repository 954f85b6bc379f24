"""Changing the name and website columns, or the sheet, before the start: the upload is
read again; every refusal leaves the session as it was."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.gateway.conftest import upload
from tests.gateway.corpus import xlsx
from tests.gateway.steps import new_session

pytestmark = pytest.mark.unit

CSV = (
    b"Company,Website,Brand\n"
    b"Capcom Co Ltd,capcom.com,Capcom\n"
    b"Krafton Inc,krafton.com,PUBG Studios\n"
    b"Sega Sammy Holdings,sega.com,Sega\n"
)
BOOK = xlsx(
    {
        "Summary": [["Company", "Website"], ["Acme", "acme.example"]],
        "Leads": [
            ["Firm", "Homepage", "Owner"],
            ["Northwind", "northwind.example", "Ann"],
            ["Globex", "globex.example", "Bob"],
            ["Initech", "", "Cy"],
        ],
    }
)


async def put_columns(
    client: httpx.AsyncClient, session_id: str, body: dict[str, Any]
) -> httpx.Response:
    return await client.put(f"/api/sessions/{session_id}/columns", json=body)


async def preview(client: httpx.AsyncClient, session_id: str) -> dict[str, Any]:
    response = await client.get(f"/api/sessions/{session_id}/preview")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_names_from_another_column_and_no_website_column(
    client: httpx.AsyncClient,
) -> None:
    session_id = await new_session(client, CSV)
    body = {"name_column": "Brand", "website_column": None}
    response = await put_columns(client, session_id, body)
    assert response.status_code == 200, response.text
    assert response.json()["input"]["name_column"] == "Brand"
    assert response.json()["input"]["website_column"] is None
    shown = await preview(client, session_id)
    assert [row["name"] for row in shown["rows"]] == ["Capcom", "PUBG Studios", "Sega"]
    assert [row["website"] for row in shown["rows"]] == [None, None, None]
    # The original cells are kept as they were.
    assert shown["rows"][0]["original"]["Company"] == "Capcom Co Ltd"


async def test_left_out_columns_are_detected_again(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client, CSV)
    await put_columns(client, session_id, {"name_column": "Brand", "website_column": None})
    response = await put_columns(client, session_id, {})
    assert response.status_code == 200, response.text
    summary = response.json()["input"]
    assert (summary["name_column"], summary["website_column"]) == ("Company", "Website")
    assert (await preview(client, session_id))["rows"][2]["website"] == "sega.com"


async def test_another_sheet_is_read_with_its_own_columns(client: httpx.AsyncClient) -> None:
    created = await upload(client, BOOK, "leads.xlsx")
    assert created.status_code == 201, created.text
    session_id = created.json()["session_id"]
    assert created.json()["input"]["sheets"] == ["Summary", "Leads"]
    assert created.json()["input"]["sheet"] == "Summary"

    response = await put_columns(client, session_id, {"sheet": "Leads"})
    assert response.status_code == 200, response.text
    summary = response.json()["input"]
    assert summary["sheet"] == "Leads"
    assert summary["rows"] == 3
    assert (summary["name_column"], summary["website_column"]) == ("Firm", "Homepage")
    assert summary["columns"] == ["Firm", "Homepage", "Owner"]
    session = (await client.get(f"/api/sessions/{session_id}")).json()
    assert session["input"]["rows"] == 3
    rows = (await preview(client, session_id))["rows"]
    assert [row["name"] for row in rows] == ["Northwind", "Globex", "Initech"]

    both = await put_columns(client, session_id, {"sheet": "Leads", "name_column": "Owner"})
    assert both.json()["input"]["name_column"] == "Owner"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"name_column": "Firm"}, "column_not_found"),
        ({"website_column": "Homepage"}, "column_not_found"),
        ({"name_column": "Website", "website_column": "Website"}, "same_column"),
        ({"sheet": "Leads"}, "sheet_not_found"),
        ({"name_column": "Company", "colour": "red"}, "invalid_request"),
        ({"name_column": "x" * 301}, "invalid_request"),
    ],
)
async def test_a_refused_choice_changes_nothing(
    client: httpx.AsyncClient, body: dict[str, Any], code: str
) -> None:
    session_id = await new_session(client, CSV)
    before = (await client.get(f"/api/sessions/{session_id}")).json()
    rows_before = (await preview(client, session_id))["rows"]
    response = await put_columns(client, session_id, body)
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert (await client.get(f"/api/sessions/{session_id}")).json() == before
    assert (await preview(client, session_id))["rows"] == rows_before


async def test_an_unknown_sheet_is_refused_and_the_sheet_kept(client: httpx.AsyncClient) -> None:
    session_id = (await upload(client, BOOK, "leads.xlsx")).json()["session_id"]
    response = await put_columns(client, session_id, {"sheet": "Archive"})
    assert response.status_code == 422
    assert response.json()["code"] == "sheet_not_found"
    assert "Summary, Leads" in response.json()["message"]
    assert (await client.get(f"/api/sessions/{session_id}")).json()["input"]["sheet"] == "Summary"


async def test_a_sheet_without_company_names_is_refused(client: httpx.AsyncClient) -> None:
    book = xlsx({"Names": [["Company"], ["Acme"]], "Numbers": [["Id", "Score"], [1, 2], [3, 4]]})
    session_id = (await upload(client, book, "mixed.xlsx")).json()["session_id"]
    response = await put_columns(client, session_id, {"sheet": "Numbers"})
    assert response.status_code == 422
    assert response.json()["code"] == "no_company_column"
    assert (await client.get(f"/api/sessions/{session_id}")).json()["input"]["sheet"] == "Names"


async def test_after_the_start_the_columns_cannot_change(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client, CSV)
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    before = (await client.get(f"/api/sessions/{session_id}")).json()["input"]
    response = await put_columns(client, session_id, {"name_column": "Brand"})
    assert response.status_code == 409
    assert response.json()["code"] == "session_started"
    assert (await client.get(f"/api/sessions/{session_id}")).json()["input"] == before


async def test_another_tenants_session_is_not_found(
    client: httpx.AsyncClient, other_client: httpx.AsyncClient
) -> None:
    session_id = await new_session(client, CSV)
    response = await put_columns(other_client, session_id, {"name_column": "Brand"})
    assert response.status_code == 404
    assert response.json()["code"] == "session_not_found"


async def test_a_body_that_is_not_json_or_too_large_is_refused(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client, CSV)
    url = f"/api/sessions/{session_id}/columns"
    plain = {"Content-Type": "text/plain"}
    garbled = await client.put(url, content=b"\x1b{not json", headers=plain)
    assert (garbled.status_code, garbled.json()["code"]) == (422, "invalid_request")
    huge = await client.put(url, json={"sheet": "x" * 20_000})
    assert (huge.status_code, huge.json()["code"]) == (413, "body_too_large")
    assert (await preview(client, session_id))["name_column"] == "Company"
