"""Exports of a session with criteria: a score column per product, the evidence as JSON
and as a second XLSX sheet, quotes from websites neutralised like every other cell."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook

from shared.criteria.model import (
    CriteriaFile,
    Criterion,
    CriterionResult,
    CriterionType,
    ProductResult,
    SessionCriteria,
    Verdict,
)
from shared.export_layout import ExportLayout
from shared.exports import stream_csv, stream_json, write_xlsx
from shared.rows import RESULT_COLUMNS, ResultRow, RowStatus

pytestmark = pytest.mark.unit

CRITERIA = SessionCriteria(
    files=[
        CriteriaFile(
            name="sales",
            criteria=[
                Criterion(id="r2", product="CDN", type=CriterionType.GENERAL, text="Streams video"),
                Criterion(
                    id="r3",
                    product="CDN",
                    audience="Game studios",
                    type=CriterionType.NTH,
                    text="Runs live events",
                ),
                Criterion(
                    id="r4", product="Cloud Security", type=CriterionType.GENERAL, text="Has logins"
                ),
            ],
        )
    ]
)
CDN = ProductResult(
    product="CDN",
    qualified=True,
    audiences=["Game studios"],
    nth_score=1,
    nth_total=1,
    reason="qualified for Game studios",
    criteria=[
        CriterionResult(
            criterion_id="r2",
            verdict=Verdict.PASSED,
            quote='=HYPERLINK("http://evil") we stream video',
            source_url="https://acme.example/",
        ),
        CriterionResult(
            criterion_id="r3",
            verdict=Verdict.PASSED,
            quote="Live events every week.",
            source_url="https://acme.example/about",
        ),
    ],
)
SECURITY = ProductResult(
    product="Cloud Security",
    qualified=False,
    audiences=[],
    nth_score=0,
    nth_total=0,
    reason="general criteria: 0 of 1 passed (more than half needed)",
    criteria=[CriterionResult(criterion_id="r4", verdict=Verdict.NO_DATA)],
)
ROWS = [
    ResultRow(
        row=0,
        original={"Name": "Acme"},
        company_name="Acme",
        qualified_products=["CDN"],
        qualification=[CDN, SECURITY],
        qualification_status="ok",
    ),
    ResultRow(
        row=1,
        original={"Name": "Gone"},
        company_name="Gone",
        row_status=RowStatus.DEAD_URL,
        qualification_status="skipped: the row has no live website",
    ),
]
LAYOUT = ExportLayout(["Name"], qualification=True, criteria=CRITERIA)
PLAIN = ExportLayout(["Name"])


async def batches(rows: Sequence[ResultRow]) -> AsyncIterator[Sequence[ResultRow]]:
    yield rows


def test_score_columns_follow_the_result_columns_in_product_order() -> None:
    assert LAYOUT.columns == ["Name", *RESULT_COLUMNS, "Score: CDN", "Score: Cloud Security"]
    assert PLAIN.columns == ["Name", *RESULT_COLUMNS]
    assert RESULT_COLUMNS[15:17] == ("Qualified_Products", "Qualification_Status")


async def test_csv_has_scores_and_qualified_products_but_no_evidence() -> None:
    data = b"".join([c async for c in stream_csv(LAYOUT, batches(ROWS))])
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == LAYOUT.columns
    acme = dict(zip(table[0], table[1], strict=True))
    assert (acme["Qualified_Products"], acme["Qualification_Status"]) == ("CDN", "ok")
    assert (acme["Score: CDN"], acme["Score: Cloud Security"]) == ("1", "")
    gone = dict(zip(table[0], table[2], strict=True))
    assert gone["Score: CDN"] == ""
    assert gone["Qualification_Status"] == "skipped: the row has no live website"
    assert b"HYPERLINK" not in data


async def test_json_rows_carry_scores_and_the_evidence_unchanged() -> None:
    items = orjson.loads(b"".join([c async for c in stream_json(LAYOUT, batches(ROWS))]))
    acme, gone = items
    assert list(acme) == [*LAYOUT.columns, "Qualification"]
    assert (acme["Score: CDN"], acme["Score: Cloud Security"]) == (1, None)
    assert acme["Qualified_Products"] == ["CDN"]
    evidence = acme["Qualification"][0]
    assert (evidence["product"], evidence["qualified"], evidence["nth_score"]) == ("CDN", True, 1)
    assert evidence["criteria"][0] == {
        "criterion_id": "r2",
        "verdict": "passed",
        "quote": '=HYPERLINK("http://evil") we stream video',
        "source_url": "https://acme.example/",
    }
    assert gone["Qualification"] == []
    assert gone["Score: CDN"] is None


async def test_a_session_without_criteria_only_gains_the_two_empty_columns() -> None:
    items = orjson.loads(b"".join([c async for c in stream_json(PLAIN, batches(ROWS[1:]))]))
    assert list(items[0]) == PLAIN.columns
    assert "Qualification" not in items[0]


def test_xlsx_has_an_evidence_sheet_line_per_company_and_criterion(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "q.xlsx", LAYOUT, ROWS)

    book = load_workbook(tmp_path / "q.xlsx")
    assert book.sheetnames == ["Results", "Qualification"]
    results = list(book["Results"].iter_rows(values_only=True))
    assert results[0][-2:] == ("Score: CDN", "Score: Cloud Security")
    assert results[1][-2:] == (1, None)  # a number, to sort and filter on
    header, *lines = list(book["Qualification"].iter_rows(values_only=True))
    assert header == (
        "Row",
        "Company_Name",
        "Product",
        "Product_Verdict",
        "Target_Audience",
        "Criteria_Type",
        "Criterion",
        "Verdict",
        "Quote",
        "Source_URL",
    )
    assert lines == [
        (
            1,
            "Acme",
            "CDN",
            "qualified (Game studios), NTH 1/1",
            None,
            "General",
            "Streams video",
            "passed",
            '\'=HYPERLINK("http://evil") we stream video',
            "https://acme.example/",
        ),
        (
            1,
            "Acme",
            "CDN",
            "qualified (Game studios), NTH 1/1",
            "Game studios",
            "NTH",
            "Runs live events",
            "passed",
            "Live events every week.",
            "https://acme.example/about",
        ),
        (
            1,
            "Acme",
            "Cloud Security",
            "not qualified — general criteria: 0 of 1 passed (more than half needed)",
            None,
            "General",
            "Has logins",
            "no_data",
            None,
            None,
        ),
    ]


def test_xlsx_without_criteria_has_one_sheet(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "p.xlsx", PLAIN, ROWS)
    assert load_workbook(tmp_path / "p.xlsx").sheetnames == ["Results"]
