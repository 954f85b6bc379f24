"""An upload with country, city and industry columns reports them and keeps them per row."""

from __future__ import annotations

import httpx
import pytest

from tests.gateway.conftest import upload

pytestmark = pytest.mark.unit

CSV = """Company,Website,HQ Country,Город,Industry
Capcom,capcom.com,Japan,Osaka,Games
Яндекс,,Россия,Москва,Internet
Acme,,xyz,,
""".encode()


async def test_the_summary_and_the_preview_report_the_detected_columns(
    client: httpx.AsyncClient,
) -> None:
    response = await upload(client, CSV)
    assert response.status_code == 201, response.text
    summary = response.json()["input"]
    expected = {"country": "HQ Country", "city": "Город", "industry": "Industry"}
    assert summary["fact_columns"] == expected
    preview = (await client.get(f"/api/sessions/{response.json()['session_id']}/preview")).json()
    assert preview["input"]["fact_columns"] == summary["fact_columns"]
    facts = [row["facts"] for row in preview["rows"]]
    assert facts[0] == {"country": "Japan", "city": "Osaka", "industry": "Games"}
    assert facts[1] == {"country": "Россия", "city": "Москва", "industry": "Internet"}
    # An unreadable country is kept as typed: the worker says it ignored it.
    assert facts[2] == {"country": "xyz"}


async def test_a_file_without_such_columns_reports_none(client: httpx.AsyncClient) -> None:
    response = await upload(client, b"Company,Website\nCapcom,capcom.com\n")
    assert response.status_code == 201, response.text
    assert response.json()["input"]["fact_columns"] == {}


async def test_a_column_of_garbage_countries_is_kept_as_typed_and_never_refused(
    client: httpx.AsyncClient,
) -> None:
    garbage = "Company,Country\nAcme,xyz\nBolt,???\nCera,12345\nDune,Планета Земля\n"
    response = await upload(client, garbage.encode())
    assert response.status_code == 201, response.text
    assert response.json()["input"]["fact_columns"] == {"country": "Country"}
    preview = (await client.get(f"/api/sessions/{response.json()['session_id']}/preview")).json()
    assert [row["facts"]["country"] for row in preview["rows"]] == [
        "xyz", "???", "12345", "Планета Земля",
    ]  # fmt: skip


async def test_without_a_header_garbage_is_no_country_column(client: httpx.AsyncClient) -> None:
    response = await upload(client, "Acme,xyz\nBolt,qq\nCera,zz\nДюна Смешанная Dune,??\n".encode())
    assert response.status_code == 201, response.text
    assert response.json()["input"]["fact_columns"] == {}
