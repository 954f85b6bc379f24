"""Layouts spreadsheet programs and exports produce around the table itself: a report
title above the header, Excel's `sep=` line, hidden sheets, headers in East Asian
languages. The rows parsed must be the companies, never those lines."""

from __future__ import annotations

import io
from typing import Any

import httpx
import openpyxl
import pytest

from shared.storage.memory import MemoryStore
from tests.gateway import corpus
from tests.gateway.conftest import Caller
from tests.gateway.ingest.test_corpus import created, stored_rows

pytestmark = pytest.mark.unit


async def names_of(store: MemoryStore, owner: Caller, body: Any) -> list[str]:
    return [row["name"] for row in await stored_rows(store, owner, body["session_id"])]


@pytest.mark.parametrize(
    "sheet",
    [
        pytest.param(
            [["Leads export 2026-12-01"], [None], ["Company", "Website"],
             ["Alpha", "alpha.com"], ["Beta", "beta.com"]],
            id="title-and-blank-row",
        ),
        pytest.param(
            [["Prospects", None, None], ["Company", "Website", "Notes"],
             ["Alpha", "alpha.com", "n"], ["Beta", "beta.com", "m"]],
            id="title-row",
        ),
        pytest.param(
            [["Report:", "Q4 leads"], [None, None], ["Owner: sales", None],
             ["Company", "Website", "Country"], ["Alpha", "alpha.com", "Germany"],
             ["Beta", "beta.com", "France"]],
            id="two-line-preamble",
        ),
    ],
)  # fmt: skip
async def test_lines_above_the_header_are_not_companies(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, sheet: list[list[object]]
) -> None:
    body = await created(client, corpus.xlsx({"Leads": sheet}), "leads.xlsx")
    assert body["input"]["has_header"] is True
    assert body["input"]["name_column"] == "Company"
    assert body["input"]["website_column"] == "Website"
    assert body["input"]["rows"] == 2
    assert await names_of(store, owner, body) == ["Alpha", "Beta"]


async def test_a_title_row_is_not_taken_for_a_header_below_data(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    # A header-less list whose third row happens to be named like a header keeps every row.
    content = b"Alpha,alpha.com\nBeta,beta.com\nName,name.com\nGamma,gamma.com\n"
    body = await created(client, content, "plain.csv")
    assert body["input"]["has_header"] is False
    assert body["input"]["rows"] == 4


async def test_excel_sep_line_is_not_a_company(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    content = b"sep=;\r\nCompany;Website\r\nAlpha;alpha.com\r\nBeta;beta.com\r\n"
    body = await created(client, content, "excel.csv")
    assert body["input"]["delimiter"] == ";"
    assert body["input"]["has_header"] is True
    assert body["input"]["columns"] == ["Company", "Website"]
    assert await names_of(store, owner, body) == ["Alpha", "Beta"]


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        pytest.param(["公司名称", "网站"], [["腾讯", "tencent.com"], ["阿里巴巴", "alibaba.com"]],
                     id="chinese"),
        pytest.param(["公司名稱", "網站"], [["台積電", "tsmc.com"], ["鴻海", "foxconn.com"]],
                     id="chinese-traditional"),
        pytest.param(["会社名", "ウェブサイト"],
                     [["任天堂", "nintendo.co.jp"], ["ソニー", "sony.co.jp"]], id="japanese"),
        pytest.param(["회사명", "웹사이트"], [["삼성전자", "samsung.com"], ["네이버", "naver.com"]],
                     id="korean"),
    ],
)  # fmt: skip
async def test_east_asian_headers_are_recognised(
    client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    header: list[str],
    rows: list[list[str]],
) -> None:
    content = "\n".join(",".join(line) for line in [header, *rows]).encode()
    body = await created(client, content, "asia.csv")
    assert body["input"]["has_header"] is True
    assert (body["input"]["name_column"], body["input"]["website_column"]) == tuple(header)
    assert await names_of(store, owner, body) == [row[0] for row in rows]


def workbook_with_hidden_first_sheet() -> bytes:
    book = openpyxl.Workbook()
    hidden = book.active
    assert hidden is not None
    hidden.title = "Lookup"
    hidden.append(["Code", "Label"])
    hidden.append(["X1", "Internal list"])
    hidden.sheet_state = "hidden"
    visible = book.create_sheet("Companies")
    visible.append(["Company", "Website"])
    visible.append(["Alpha", "alpha.com"])
    book.active = 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_a_hidden_sheet_is_not_read_before_a_visible_one(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    body = await created(client, workbook_with_hidden_first_sheet(), "book.xlsx")
    assert body["input"]["sheet"] == "Companies"
    assert await names_of(store, owner, body) == ["Alpha"]
    # Named, it is still read.
    named = await created(client, workbook_with_hidden_first_sheet(), "book.xlsx", sheet="Lookup")
    assert named["input"]["sheet"] == "Lookup"
