"""Criteria files per tenant: upload, list, read, replace, delete, and every refusal."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from gateway.settings import GatewaySettings
from shared.criteria.model import CriteriaFile
from shared.layout import criteria_key, criteria_source_key, tenant_criteria_prefix
from shared.storage.memory import MemoryStore
from tests.gateway import corpus
from tests.gateway.conftest import AppOnTwins, Caller, MakeSettings, client_for
from tests.gateway.ingest.test_workbook_bombs import workbook_with_sheet
from tests.gateway.steps import CRITERIA_CSV, CRITERIA_HEADER, send_criteria

pytestmark = pytest.mark.unit

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "criteria"


async def stored(store: MemoryStore, tenant: str) -> list[str]:
    return [info.key for info in await store.list_objects(tenant_criteria_prefix(tenant))]


async def test_an_uploaded_file_is_stored_listed_and_read_whole(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    created = await send_criteria(client, CRITERIA_CSV, "cdn.csv")
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["name"], body["filename"], body["criteria_count"]) == ("cdn", "cdn.csv", 5)
    assert body["products"] == [
        {
            "name": "CDN",
            "audiences": ["Studios", "Broadcasters"],
            "counts": {"general": 1, "qualification": 2, "mandatory": 1, "nth": 1},
        }
    ]
    assert await store.get_bytes(criteria_source_key(owner.tenant, "cdn")) == CRITERIA_CSV
    kept = await store.get_model(criteria_key(owner.tenant, "cdn"), CriteriaFile)
    assert [c.id for c in kept.criteria] == ["r2", "r3", "r4", "r5", "r6"]

    listed = (await client.get("/api/criteria")).json()
    summary = {key: value for key, value in body.items() if key != "criteria"}
    assert listed == {"items": [summary]}
    one = (await client.get("/api/criteria/cdn")).json()
    assert one == body
    assert one["criteria"][2] == {
        "id": "r4",
        "product": "CDN",
        "audience": "Studios",
        "type": "mandatory",
        "text": "Runs servers",
        "place": "search",
        "search_query": "site:{website} servers",
        "signals": "servers",
    }


async def test_the_list_is_sorted_by_name(client: httpx.AsyncClient) -> None:
    for name in ("zeta", "alpha", "alpha.2", "Mid"):
        assert (await send_criteria(client, CRITERIA_CSV, name=name)).status_code == 201
    names = [item["name"] for item in (await client.get("/api/criteria")).json()["items"]]
    assert names == ["Mid", "alpha", "alpha.2", "zeta"]


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("CDN criteria (v2).csv", "CDN-criteria-v2"),
        ("критерии cdn.csv", "cdn"),
        ("café.xlsx", "cafe"),
        ("..security.csv", "security"),
    ],
)
async def test_without_a_name_the_file_names_stem_is_made_safe(
    client: httpx.AsyncClient, filename: str, name: str
) -> None:
    response = await send_criteria(client, CRITERIA_CSV, filename)
    assert response.status_code == 201, response.text
    assert response.json()["name"] == name


@pytest.mark.parametrize(
    ("filename", "fields"),
    [
        ("критерии.csv", {}),
        ("cdn.csv", {"name": "-cdn"}),
        ("cdn.csv", {"name": "cdn/other"}),
        ("cdn.csv", {"name": "x" * 65}),
    ],
)
async def test_a_name_that_cannot_be_a_criteria_name_is_refused(
    client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    filename: str,
    fields: dict[str, str],
) -> None:
    response = await send_criteria(client, CRITERIA_CSV, filename, **fields)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_criteria_name"
    assert await stored(store, owner.tenant) == []


async def test_a_taken_name_is_409_and_the_file_is_unchanged(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    assert (await send_criteria(client, CRITERIA_CSV, name="cdn")).status_code == 201
    other = CRITERIA_CSV.replace(b"Serves video", b"Serves music")
    response = await send_criteria(client, other, "other.csv", name="cdn")
    assert response.status_code == 409, response.text
    assert response.json()["code"] == "criteria_exists"
    assert await store.get_bytes(criteria_source_key(owner.tenant, "cdn")) == CRITERIA_CSV


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (CRITERIA_HEADER.encode() + b"CDN,,Sometimes,x,,,\n", "row 2, column 'Criteria Type'"),
        (CRITERIA_CSV + b",,NTH,,website,,\n", "row 7, column 'Criteria': the criterion is empty"),
        (b"Product,Criteria\nCDN,x\n", "row 1: missing column(s) Criteria Type"),
        # Rows keep the numbers a spreadsheet program shows, blank rows and all.
        (b"\n\n" + CRITERIA_CSV + b"\n\n,,Sometimes,x,,,\n", "row 11, column 'Criteria Type'"),
        (CRITERIA_HEADER.encode() + b",,General,x,,,\n", "row 2, column 'Product'"),
    ],
)
async def test_a_file_with_errors_is_refused_naming_the_row_and_column(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, content: bytes, message: str
) -> None:
    response = await send_criteria(client, content)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_criteria"
    assert message in response.json()["message"]
    assert await stored(store, owner.tenant) == []


async def test_a_workbook_is_read_from_its_first_sheet_with_data(client: httpx.AsyncClient) -> None:
    rows: list[list[object]] = [
        ["Product", "Target Audience", "Criteria Type", "Criteria", "Place", "Search Query"],
        ["WAF", None, "General", "Sells online", "website", None],
        [None, "Banks", "Qualification", "Is a bank", "website", "site:{website} bank"],
        [None, None, "Mandatory", 42, None, None],
    ]
    workbook = corpus.xlsx({"Empty": [], "Criteria": rows})
    response = await send_criteria(client, workbook, "security.xlsx")
    assert response.status_code == 201, response.text
    criteria = response.json()["criteria"]
    assert [(c["audience"], c["text"]) for c in criteria] == [
        ("", "Sells online"),
        ("Banks", "Is a bank"),
        ("Banks", "42"),
    ]
    assert criteria[1]["search_query"] == "site:{website} bank"


async def test_a_legacy_workbook_is_read_too(client: httpx.AsyncClient) -> None:
    rows: list[list[object]] = [["Product", "Criteria Type", "Criteria"], ["WAF", "NTH", "x"]]
    response = await send_criteria(client, corpus.xls(rows), "old.xls")
    assert response.status_code == 201, response.text


async def test_a_windows_1251_csv_with_semicolons_is_decoded(client: httpx.AsyncClient) -> None:
    content = (
        "Product;Target Audience;Criteria Type;Criteria;Place;Search Query;Signals\r\n"
        "CDN;Игровые студии;Qualification;Разрабатывает игры;website;site:{website} игры;"
        "игры, студия\r\n"
        ";;Mandatory;Есть сетевые игры;search;;мультиплеер\r\n"
    ).encode("cp1251")
    response = await send_criteria(client, content, "cdn-ru.csv")
    assert response.status_code == 201, response.text
    criteria = response.json()["criteria"]
    assert [c["text"] for c in criteria] == ["Разрабатывает игры", "Есть сетевые игры"]
    assert criteria[1]["audience"] == "Игровые студии"
    assert response.json()["products"][0]["audiences"] == ["Игровые студии"]


@pytest.mark.parametrize(
    ("content", "filename", "status", "code"),
    [
        (b"%PDF-1.7\n\x00" + bytes(range(256)), "cdn.pdf", 415, "unsupported_format"),
        (b"", "cdn.csv", 422, "empty_file"),
        (b"\n\n,,,\n", "cdn.csv", 422, "empty_file"),
        (b"PK\x03\x04 not really a zip", "cdn.xlsx", 422, "corrupt_file"),
    ],
)
async def test_files_that_are_no_criteria_table_are_refused(
    client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    content: bytes,
    filename: str,
    status: int,
    code: str,
) -> None:
    response = await send_criteria(client, content, filename)
    assert (response.status_code, response.json()["code"]) == (status, code), response.text
    assert await stored(store, owner.tenant) == []


async def test_the_form_must_carry_a_file(client: httpx.AsyncClient) -> None:
    missing = await client.post("/api/criteria", files={"name": (None, "cdn")})
    assert (missing.status_code, missing.json()["code"]) == (422, "missing_file")
    not_a_form = await client.post("/api/criteria", content=CRITERIA_CSV)
    assert (not_a_form.status_code, not_a_form.json()["code"]) == (415, "invalid_form")


async def test_files_over_the_criteria_limit_are_413(
    make_settings: MakeSettings, app_on_twins: AppOnTwins, owner: Caller, store: MemoryStore
) -> None:
    settings: GatewaySettings = make_settings(max_criteria_bytes=len(CRITERIA_CSV) - 1)
    async with app_on_twins(settings) as app, client_for(app, owner) as http:
        response = await send_criteria(http, CRITERIA_CSV)
        assert (response.status_code, response.json()["code"]) == (413, "file_too_large")
        assert str(len(CRITERIA_CSV) - 1) in response.json()["message"]
        caps = (await http.get("/api/capabilities")).json()
        assert caps["limits"]["max_criteria_bytes"] == len(CRITERIA_CSV) - 1
    assert await stored(store, owner.tenant) == []


async def test_a_workbook_that_inflates_far_beyond_its_size_is_413(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    bomb = workbook_with_sheet(20)  # 20 MB of sheet, more than 200 times the archive
    assert len(bomb) * 200 < 20 * 1024 * 1024
    response = await send_criteria(client, bomb, "bomb.xlsx")
    assert (response.status_code, response.json()["code"]) == (413, "archive_too_large")
    assert await stored(store, owner.tenant) == []


async def test_replacing_a_file_rewrites_it_whole(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    assert (await send_criteria(client, CRITERIA_CSV, "cdn.csv")).status_code == 201
    newer = CRITERIA_HEADER.encode() + b"Edge,,General,Runs a website,website,,\n"
    replaced = await send_criteria(client, newer, "cdn-2.csv", "PUT", "/api/criteria/cdn")
    assert replaced.status_code == 200, replaced.text
    body = replaced.json()
    assert (body["name"], body["filename"], body["criteria_count"]) == ("cdn", "cdn-2.csv", 1)
    assert (await client.get("/api/criteria/cdn")).json() == body
    assert await store.get_bytes(criteria_source_key(owner.tenant, "cdn")) == newer


async def test_a_replacement_that_is_refused_keeps_the_file(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    assert (await send_criteria(client, CRITERIA_CSV, "cdn.csv")).status_code == 201
    bad = CRITERIA_HEADER.encode() + b"CDN,,Sometimes,x,,,\n"
    refused = await send_criteria(client, bad, "cdn.csv", "PUT", "/api/criteria/cdn")
    assert (refused.status_code, refused.json()["code"]) == (422, "invalid_criteria")
    renamed = await send_criteria(
        client, CRITERIA_CSV, "cdn.csv", "PUT", "/api/criteria/cdn", name="other"
    )
    assert (renamed.status_code, renamed.json()["code"]) == (422, "invalid_criteria_name")
    assert await store.get_bytes(criteria_source_key(owner.tenant, "cdn")) == CRITERIA_CSV
    assert await stored(store, owner.tenant) == [
        criteria_key(owner.tenant, "cdn"),
        criteria_source_key(owner.tenant, "cdn"),
    ]


async def test_deleting_a_file_removes_both_objects(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    assert (await send_criteria(client, CRITERIA_CSV, "cdn.csv")).status_code == 201
    deleted = await client.delete("/api/criteria/cdn")
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert await stored(store, owner.tenant) == []
    assert (await client.get("/api/criteria")).json() == {"items": []}
    again = await send_criteria(client, CRITERIA_CSV, "cdn.csv")
    assert again.status_code == 201  # the name is free again


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/api/criteria/cdn"), ("DELETE", "/api/criteria/cdn"), ("PUT", "/api/criteria/cdn")],
)
async def test_an_absent_file_is_404(client: httpx.AsyncClient, method: str, path: str) -> None:
    if method == "PUT":
        response = await send_criteria(client, CRITERIA_CSV, method=method, path=path)
    else:
        response = await client.request(method, path)
    assert (response.status_code, response.json()["code"]) == (404, "criteria_not_found")
    assert "'cdn'" in response.json()["message"]


@pytest.mark.parametrize("name", ["-cdn", "c%20dn", "x" * 65, "%D0%BA"])
@pytest.mark.parametrize("method", ["GET", "DELETE", "PUT"])
async def test_a_malformed_name_in_the_path_is_422(
    client: httpx.AsyncClient, method: str, name: str
) -> None:
    response = await client.request(method, f"/api/criteria/{name}")
    assert (response.status_code, response.json()["code"]) == (422, "invalid_criteria_name")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/criteria"),
        ("POST", "/api/criteria"),
        ("GET", "/api/criteria/cdn"),
        ("PUT", "/api/criteria/cdn"),
        ("DELETE", "/api/criteria/cdn"),
    ],
)
async def test_every_criteria_route_needs_a_key(
    anonymous: httpx.AsyncClient, method: str, path: str
) -> None:
    response = await anonymous.request(method, path)
    assert (response.status_code, response.json()["code"]) == (401, "unauthorized")


async def test_another_tenants_files_do_not_exist_for_a_caller(
    client: httpx.AsyncClient,
    other_client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    stranger: Caller,
) -> None:
    assert (await send_criteria(client, CRITERIA_CSV, "cdn.csv")).status_code == 201
    before = await stored(store, owner.tenant)
    assert (await other_client.get("/api/criteria")).json() == {"items": []}
    for method in ("GET", "DELETE"):
        response = await other_client.request(method, "/api/criteria/cdn")
        assert (response.status_code, response.json()["code"]) == (404, "criteria_not_found")
    replaced = await send_criteria(
        other_client, CRITERIA_CSV, method="PUT", path="/api/criteria/cdn"
    )
    assert (replaced.status_code, replaced.json()["code"]) == (404, "criteria_not_found")
    assert await stored(store, owner.tenant) == before
    theirs = await send_criteria(
        other_client, CRITERIA_CSV.replace(b"Serves video", b"Other"), "cdn.csv"
    )
    assert theirs.status_code == 201  # the same name, their own file
    assert (await client.get("/api/criteria/cdn")).json()["criteria"][0]["text"] == "Serves video"
    assert await stored(store, stranger.tenant) == [
        criteria_key(stranger.tenant, "cdn"),
        criteria_source_key(stranger.tenant, "cdn"),
    ]


SHIPPED = sorted(path for path in EXAMPLES.iterdir() if path.suffix in (".csv", ".xlsx"))


def test_examples_are_shipped_in_both_formats() -> None:
    assert {path.suffix for path in SHIPPED} == {".csv", ".xlsx"}


@pytest.mark.parametrize(
    ("filename", "content"),
    [pytest.param(path.name, path.read_bytes(), id=path.name) for path in SHIPPED],
)
async def test_every_shipped_example_is_accepted(
    client: httpx.AsyncClient, filename: str, content: bytes
) -> None:
    response = await send_criteria(client, content, filename)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == Path(filename).stem
    for product in body["products"]:
        assert product["audiences"], product
        assert all(product["counts"].values()), product
    queries = [c["search_query"] for c in body["criteria"] if c["search_query"]]
    assert any("site:{website}" in query for query in queries)
