"""Spreadsheets as users really have them parse into the expected rows."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from shared.layout import SessionKeys
from shared.rows_format import read_rows
from shared.storage.memory import MemoryStore
from tests.gateway import corpus
from tests.gateway.conftest import Caller, upload

pytestmark = pytest.mark.unit


async def created(http: httpx.AsyncClient, content: bytes, name: str, **fields: str) -> Any:
    response = await upload(http, content, name, **fields)
    assert response.status_code == 201, response.text
    return response.json()


async def stored_rows(store: MemoryStore, owner: Caller, session_id: str) -> list[Any]:
    data = await store.get_bytes(SessionKeys(owner.tenant, session_id).rows)
    return [row.model_dump() for row in read_rows(data)]


@pytest.mark.parametrize(
    ("content", "encoding", "delimiter", "columns", "names", "websites"),
    [
        pytest.param(
            corpus.RUSSIAN_CP1251,
            "cp1251",
            ";",
            ["Компания", "Сайт", "Группа"],
            ["Яндекс", "Лаборатория Касперского"],
            ["yandex.ru", "https://www.kaspersky.ru/"],
            id="cp1251-semicolon-russian-headers",
        ),
        pytest.param(
            corpus.UTF8_BOM,
            "utf-8-sig",
            ",",
            ["Company Name", "Website"],
            ["CD Projekt", "Krafton"],
            ["cdprojekt.com", "krafton.com"],
            id="utf8-bom",
        ),
        pytest.param(
            corpus.UTF16_TAB,
            "utf-16",
            "\t",
            ["Company", "Website"],
            ["Sega Sammy Holdings", "Capcom"],
            ["segasammy.co.jp", "capcom.com"],
            id="utf16-tab",
        ),
        pytest.param(
            corpus.QUOTED_NEWLINES_CRLF,
            "utf-8",
            ",",
            ["name", "website", "notes"],
            ["Bandai Namco Entertainment", "NBC News"],
            ["https://en.bandainamcoent.eu", "nbcnews.com"],
            id="quoted-newlines-crlf",
        ),
        pytest.param(
            corpus.PIPE_CP1252,
            "cp1252",
            "|",
            ["Organisation", "URL"],
            ["Soci\u00e9t\u00e9 G\u00e9n\u00e9rale"],
            ["societegenerale.com"],
            id="cp1252-pipe",
        ),
    ],
)
async def test_csv_variants_are_decoded_split_and_trimmed(
    client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    content: bytes,
    encoding: str,
    delimiter: str,
    columns: list[str],
    names: list[str],
    websites: list[str],
) -> None:
    session = await created(client, content, "list.csv")
    summary = session["input"]
    assert summary["format"] == "csv"
    assert (summary["encoding"], summary["delimiter"]) == (encoding, delimiter)
    assert summary["has_header"] is True
    assert summary["columns"] == columns
    assert summary["rows"] == len(names)
    rows = await stored_rows(store, owner, session["session_id"])
    assert [row["name"] for row in rows] == names
    assert [row["website"] for row in rows] == websites
    assert [row["row"] for row in rows] == list(range(len(names)))


async def test_name_only_file_without_header_keeps_its_first_row(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session = await created(client, corpus.NAME_ONLY, "names.csv")
    assert session["input"]["has_header"] is False
    assert session["input"]["columns"] == ["Column_1"]
    assert session["input"]["website_column"] is None
    rows = await stored_rows(store, owner, session["session_id"])
    assert [row["name"] for row in rows] == ["Activision Blizzard", "Capcom", "CD Projekt"]
    assert all(row["website"] is None for row in rows)


async def test_headerless_file_finds_the_website_column_by_its_values(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session = await created(client, b"Capcom,capcom.com\nSega,https://sega.com\n", "x.csv")
    assert session["input"]["has_header"] is False
    assert session["input"]["name_column"] == "Column_1"
    assert session["input"]["website_column"] == "Column_2"
    rows = await stored_rows(store, owner, session["session_id"])
    assert [(r["name"], r["website"]) for r in rows] == [
        ("Capcom", "capcom.com"),
        ("Sega", "https://sega.com"),
    ]


async def test_extra_columns_are_kept_with_their_values(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session = await created(client, corpus.EXTRA_COLUMNS, "gaming.csv")
    summary = session["input"]
    assert summary["columns"] == ["GAMING", "Website", "group", "predator"]
    assert (summary["name_column"], summary["website_column"]) == ("GAMING", "Website")
    rows = await stored_rows(store, owner, session["session_id"])
    assert rows[0]["original"] == {
        "GAMING": "Electronic Arts (EA)",
        "Website": "https://www.ea.com/en-gb",
        "group": "AAA",
        "predator": "p-17",
    }
    assert rows[1]["website"] == "epicgames.com/en-US"


async def test_blank_rows_are_skipped_and_counted(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session = await created(client, corpus.BLANK_ROWS, "blank.csv")
    assert session["input"]["rows"] == 2
    assert session["input"]["blank_rows_skipped"] == 4
    rows = await stored_rows(store, owner, session["session_id"])
    assert [row["name"] for row in rows] == ["Capcom", "Krafton"]


async def test_duplicates_by_domain_are_counted_but_kept(client: httpx.AsyncClient) -> None:
    session = await created(client, corpus.DUPLICATES, "dupes.csv")
    assert session["input"]["rows"] == 4
    assert session["input"]["duplicate_domains"] == 2


async def test_result_column_names_in_the_input_are_renamed_to_stay_distinct(
    client: httpx.AsyncClient,
) -> None:
    session = await created(client, corpus.ORIGINAL_TOOL_HEADER, "original.csv")
    assert session["input"]["columns"] == [
        "Company_Name (input)",
        "Official_Website (input)",
    ]
    assert session["input"]["website_column"] == "Official_Website (input)"


async def test_xlsx_uses_the_first_non_empty_sheet_or_the_named_one(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    book = corpus.xlsx(
        {
            "Empty": [],
            "Gaming": [["Company", "Website"], ["Krafton", "krafton.com"], [None, None]],
            "Media": [["Название", "Сайт"], ["NEP Group", "nepgroup.com"], ["NBC News", None]],
        }
    )
    first = await created(client, book, "book.bin")
    assert first["input"]["format"] == "xlsx"
    assert first["input"]["sheet"] == "Gaming"
    assert first["input"]["rows"] == 1
    named = await created(client, book, "book.xlsx", sheet="Media")
    assert named["input"]["sheet"] == "Media"
    assert named["input"]["columns"] == ["Название", "Сайт"]
    rows = await stored_rows(store, owner, named["session_id"])
    assert [(r["name"], r["website"]) for r in rows] == [
        ("NEP Group", "nepgroup.com"),
        ("NBC News", None),
    ]


async def test_unknown_sheet_is_refused_with_the_sheet_names(client: httpx.AsyncClient) -> None:
    book = corpus.xlsx({"One": [["Company"], ["Capcom"]]})
    response = await upload(client, book, "book.xlsx", sheet="Nope")
    assert response.status_code == 422
    assert response.json()["code"] == "sheet_not_found"
    assert "One" in response.json()["message"]


async def test_legacy_xls_is_read(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    content = corpus.xls(
        [
            ["Company", "Website"],
            ["Fraunhofer Institute Fokus", "fokus.fraunhofer.de"],
            ["1&1 Telecommunication SE", "1und1.net"],
        ]
    )
    session = await created(client, content, "legacy.xls")
    assert session["input"]["format"] == "xls"
    rows = await stored_rows(store, owner, session["session_id"])
    assert [r["name"] for r in rows] == ["Fraunhofer Institute Fokus", "1&1 Telecommunication SE"]


async def test_extension_does_not_decide_the_format(client: httpx.AsyncClient) -> None:
    session = await created(client, corpus.UTF8_BOM, "companies.xlsx")
    assert session["input"]["format"] == "csv"
    assert session["input"]["filename"] == "companies.xlsx"


async def test_preview_shows_columns_and_first_twenty_rows(client: httpx.AsyncClient) -> None:
    lines = "Company,Website\n" + "".join(f"Company {i},c{i}.com\n" for i in range(30))
    session = await created(client, lines.encode(), "many.csv")
    response = await client.get(f"/api/sessions/{session['session_id']}/preview")
    assert response.status_code == 200
    body = response.json()
    assert body["input"]["columns"] == body["columns"] == ["Company", "Website"]
    assert (body["name_column"], body["website_column"]) == ("Company", "Website")
    assert [row["name"] for row in body["rows"]] == [f"Company {i}" for i in range(20)]


async def test_legacy_encoding_is_found_even_after_a_long_ascii_start(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    english = "".join(f"Company {i};company{i}.com\r\n" for i in range(4000))
    text = "Company;Website\r\n" + english + "Яндекс;yandex.ru\r\n"
    session = await created(client, text.encode("cp1251"), "mixed.csv")
    assert session["input"]["rows"] == 4001
    rows = await stored_rows(store, owner, session["session_id"])
    assert rows[-1]["name"] == "Яндекс"
