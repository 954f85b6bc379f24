"""A sheet's trailing "Total" rows are no companies: left out and counted; a company that
is called "Total" stays one."""

from __future__ import annotations

import io

import httpx
import pytest

from gateway.ingest.records import csv_records
from gateway.ingest.summary_rows import is_summary_row
from gateway.ingest.table import TableReader
from shared.errors import InvalidInput
from shared.layout import SessionKeys
from shared.rows_format import read_rows
from shared.storage.memory import MemoryStore
from tests.gateway import corpus
from tests.gateway.conftest import Caller, upload

pytestmark = pytest.mark.unit

LABELS = [
    "Total", "TOTAL", "total:", "Totals", "Grand Total", "Grand total:", "Sum", "Subtotal",
    "Gesamt", "Summe", "Gesamtergebnis", "Insgesamt", "Total général", "Total geral",
    "Totale", "Totaal", "Razem", "Suma", "Toplam", "Итого", "Итого:", "ВСЕГО",
    "Общий итог", "Разом", "合计", "合計", "总计", "總計", "総計", "합계", "총계",
    "*Total*", "(Total)", "Total：",
]  # fmt: skip


def reader_rows(data: bytes, max_rows: int = 1_000, lines: int = 1000) -> tuple[list[str], int]:
    """The names the block loop keeps, and the summary rows it left out; the model path
    must agree on both."""
    blocks = TableReader(max_rows, 1_000)
    jsonl = b"".join(blocks.jsonl_blocks(csv_records(io.BytesIO(data), "utf-8", ","), lines))
    models = TableReader(max_rows, 1_000)
    names = [row.name for row in models.rows(csv_records(io.BytesIO(data), "utf-8", ","))]
    assert [row.name for row in read_rows(jsonl)] == names
    assert blocks.stats == models.stats
    assert blocks.stats.rows == len(names)
    return names, blocks.stats.summary_rows_skipped


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize(
    "cells",
    [
        ["{label}", "", "1200", "37"],
        ["{label}", "", "1,200.50", ""],
        ["{label}", "", "$1,200", "15%"],
        ["{label}", "", "(300)", "1 234 567"],
        ["", "", "1200", "{label}"],
        ["{label}", "", "12"],
    ],
    ids=["sums", "decimal", "currency-percent", "accounting", "label-elsewhere", "short-row"],
)  # fmt: skip
def test_a_total_row_is_a_summary_row(label: str, cells: list[str]) -> None:
    record = [cell.format(label=label) for cell in cells]
    assert is_summary_row(record, 0, 1)


@pytest.mark.parametrize(
    "record",
    [
        ["Total", "total.com", "1200", "37"],
        ["Total", "", "", ""],
        ["Total"],
        ["Total", "", "Paris", "37"],
        ["Total", "", "1200", "2024-01-01"],
        ["TotalEnergies", "", "1200", "37"],
        ["Total Produce", "", "", ""],
        ["Summit", "", "1200", ""],
        ["", "", "Total", "Grand total"],
        ["", "", "1200", "37"],
        ["Acme", "", "1200", "37"],
    ],
    ids=["website", "name-only", "short-name-only", "text-cell", "date-cell", "totalenergies",
         "longer-name", "summit", "two-labels", "no-label", "company"],
)  # fmt: skip
def test_a_company_is_no_summary_row(record: list[str]) -> None:
    assert not is_summary_row(record, 0, 1)


HEADER = "Company,Website,Revenue,Employees"
COMPANIES = ["Acme,acme.com,1000,30", "Globex,,200,7", "Initech,initech.io,,"]


@pytest.mark.parametrize("label", LABELS)
def test_a_trailing_total_row_is_left_out_and_counted(label: str) -> None:
    data = csv(HEADER, *COMPANIES, f'"{label}",,1200,37')
    assert reader_rows(data) == (["Acme", "Globex", "Initech"], 1)


@pytest.mark.parametrize(
    ("tail", "kept", "skipped"),
    [
        pytest.param(["Subtotal,,1200,37", "", "Grand total,,1200,37"], [], 2, id="two-and-blank"),
        pytest.param([",,1200,37", "Total,,1200,37"], [""], 1, id="after-a-nameless-row"),
        pytest.param(["Total,total.com,1200,37"], ["Total"], 0, id="total-with-website"),
        pytest.param(["TOTAL,,Energy,100000"], ["TOTAL"], 0, id="total-with-text"),
        pytest.param(["Total,,1200,37", "Zeta,zeta.io,1,1"], ["Total", "Zeta"], 0,
                     id="total-not-last"),
        pytest.param(["Total,,1200,37", "Average,,400,12"], ["Total", "Average"], 0,
                     id="other-row-after"),
        pytest.param(["TotalEnergies,,1200,37"], ["TotalEnergies"], 0, id="totalenergies"),
    ],
)  # fmt: skip
def test_only_total_rows_after_the_last_company_are_left_out(
    tail: list[str], kept: list[str], skipped: int
) -> None:
    names, left_out = reader_rows(csv(HEADER, *COMPANIES, *tail))
    assert (names, left_out) == (["Acme", "Globex", "Initech", *kept], skipped)


def test_a_lone_company_called_total_in_the_middle_stays() -> None:
    data = csv(HEADER, "Acme,acme.com,1,1", "Total,,5,5", "Globex,,3,3")
    assert reader_rows(data) == (["Acme", "Total", "Globex"], 0)


def test_a_headerless_list_of_names_keeps_a_last_company_called_total() -> None:
    data = csv("Acme,acme.com", "Globex,globex.com", "Total,total.com")
    assert reader_rows(data) == (["Acme", "Globex", "Total"], 0)
    # A name and nothing else: nothing says it sums anything, and a row left out is lost.
    assert reader_rows(csv("Acme,acme.com", "Globex,globex.com", "Итого,")) == (
        ["Acme", "Globex", "Итого"],
        0,
    )


@pytest.mark.parametrize("lines", [1, 3, 7, 1000])
@pytest.mark.parametrize("companies", [3, 49, 50, 51, 60, 2_500])
def test_the_total_row_is_found_wherever_the_blocks_end(lines: int, companies: int) -> None:
    body = [f"Firm {n},firm{n}.example,{n},1" for n in range(companies)]
    data = csv(HEADER, *body, "Subtotal,,9,9", "", "Total,,9,9")
    names, skipped = reader_rows(data, max_rows=10_000, lines=lines)
    assert (len(names), skipped) == (companies, 2)
    assert names[-1] == f"Firm {companies - 1}"


def test_a_total_row_does_not_count_against_the_row_limit() -> None:
    assert reader_rows(csv(HEADER, *COMPANIES, "Total,,1200,37"), max_rows=3)[1] == 1
    with pytest.raises(InvalidInput) as refused:
        reader_rows(csv(HEADER, *COMPANIES, "Hooli,,1,1", "Total,,1200,37"), max_rows=3)
    assert refused.value.code == "too_many_rows"


def test_a_list_of_only_a_total_row_has_no_rows() -> None:
    with pytest.raises(InvalidInput) as refused:
        reader_rows(csv(HEADER, "Total,,1200,37"))
    assert refused.value.code == "no_rows"


def test_names_only_in_the_total_row_is_no_company_column() -> None:
    with pytest.raises(InvalidInput) as refused:
        reader_rows(csv("Company,Amount", "1,20", "2,30", "Total,50"))
    assert refused.value.code == "no_company_column"


async def created(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, content: bytes, name: str
) -> tuple[dict[str, object], list[str]]:
    response = await upload(client, content, name)
    assert response.status_code == 201, response.text
    session = response.json()
    keys = SessionKeys(owner.tenant, session["session_id"])
    rows = read_rows(await store.get_bytes(keys.rows))
    return session["input"], [row.name for row in rows]


@pytest.mark.parametrize(
    "total",
    [
        ["Total", None, 1230, 37],
        ["Grand Total", None, 1230.0, None],
        ["Итого", None, 1230, "=SUM(D2:D4)"],
        ["合计", None, 1230, 37],
        [None, None, 1230, "Gesamt"],
    ],
    ids=["total", "grand-total-floats", "a-formula", "chinese", "label-in-another-column"],
)
async def test_an_xlsx_total_row_is_left_out_of_the_session(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, total: list[object]
) -> None:
    sheet: list[list[object]] = [
        ["Company", "Website", "Revenue", "Employees"],
        ["Acme", "acme.com", 1000, 30],
        ["Globex", None, 200.5, 7],
        ["Total", "total.com", 29.5, None],
        total,
    ]
    summary, names = await created(client, store, owner, corpus.xlsx({"S": sheet}), "s.xlsx")
    assert names == ["Acme", "Globex", "Total"]
    assert (summary["rows"], summary["summary_rows_skipped"]) == (3, 1)


async def test_a_csv_total_row_is_left_out_of_the_session_and_stays_out_on_reread(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    data = csv("Firma;Webseite;Umsatz", "Siemens;siemens.de;100", "SAP;;50", "", "Summe:;;150")
    summary, names = await created(client, store, owner, data.replace(b",", b";"), "de.csv")
    assert names == ["Siemens", "SAP"]
    assert (summary["rows"], summary["summary_rows_skipped"]) == (2, 1)
    session_id = (await client.get("/api/sessions")).json()["items"][0]["session_id"]
    changed = await client.put(f"/api/sessions/{session_id}/columns", json={"name_column": "Firma"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["input"]["summary_rows_skipped"] == 1
    assert changed.json()["input"]["rows"] == 2
