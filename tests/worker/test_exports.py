"""Exports: CSV with BOM, JSON, XLSX; spreadsheet cells never run as formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook

from shared.export_layout import ExportLayout, neutralise, output_columns
from shared.exports import stream_csv, stream_json, write_xlsx
from shared.rows import RESULT_COLUMNS, ResultRow, RowStatus

pytestmark = pytest.mark.unit

ROWS = [
    ResultRow(
        row=0,
        original={"Name": "=1+2", "Note": "@SUM(A1)"},
        company_name="Acme",
        description="-cmd|' /C calc'!A0",
        sources=["https://a.example", "https://b.example"],
        match_confidence=0.876,
    ),
    ResultRow(
        row=1,
        original={"Name": "Плюс", "Note": "+7 495"},
        company_name="Плюс",
        row_status=RowStatus.FAILED,
        error="\tTimeout",
    ),
]
LAYOUT = ExportLayout(["Name", "Note"])
COLUMNS = LAYOUT.columns


async def batches(rows: Sequence[ResultRow]) -> AsyncIterator[Sequence[ResultRow]]:
    yield rows[:1]
    yield rows[1:]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1", "'=1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Acme", "Acme"),
        ("", ""),
    ],
)
def test_neutralise_prefixes_formula_triggers_only(value: str, expected: str) -> None:
    assert neutralise(value) == expected


def test_output_columns_are_the_input_columns_then_the_result_columns() -> None:
    assert output_columns(["Name", "Note"]) == ["Name", "Note", *RESULT_COLUMNS]


async def test_csv_has_a_bom_and_neutralised_cells() -> None:
    data = b"".join([chunk async for chunk in stream_csv(LAYOUT, batches(ROWS))])
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == COLUMNS
    first = dict(zip(COLUMNS, table[1], strict=True))
    assert first["Name"] == "'=1+2"
    assert first["Note"] == "'@SUM(A1)"
    assert first["Description"] == "'-cmd|' /C calc'!A0"
    assert first["Sources"] == "https://a.example https://b.example"
    assert first["Match_Confidence"] == "0.88"
    second = dict(zip(COLUMNS, table[2], strict=True))
    assert (second["Name"], second["Note"], second["Error"]) == ("Плюс", "'+7 495", "'\tTimeout")


async def test_json_is_one_array_of_objects_with_values_unchanged() -> None:
    data = b"".join([chunk async for chunk in stream_json(LAYOUT, batches(ROWS))])
    items = orjson.loads(data)
    assert [item["Name"] for item in items] == ["=1+2", "Плюс"]
    assert items[0]["Sources"] == ["https://a.example", "https://b.example"]
    assert items[1]["Row_Status"] == "failed"
    assert list(items[0]) == COLUMNS


async def test_json_of_no_rows_is_an_empty_array() -> None:
    async def nothing() -> AsyncIterator[Sequence[ResultRow]]:
        empty: list[Sequence[ResultRow]] = []
        for batch in empty:
            yield batch

    assert orjson.loads(b"".join([c async for c in stream_json(LAYOUT, nothing())])) == []


def test_xlsx_opens_with_neutralised_cells_and_fixed_dates(tmp_path: Path) -> None:
    created = datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC)
    write_xlsx(tmp_path / "a.xlsx", LAYOUT, ROWS, created)

    book = load_workbook(tmp_path / "a.xlsx")
    sheet = book.active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == COLUMNS
    assert values[1][:2] == ("'=1+2", "'@SUM(A1)")
    assert values[2][0] == "Плюс"
    assert book.properties.created == book.properties.modified == created.replace(tzinfo=None)


def test_output_cells_are_what_a_dump_of_the_row_gives() -> None:
    row = ResultRow.model_validate(
        {
            "row": 3,
            "original": {"Company": "Acme", "Website": "acme.com"},
            "Company_Name": "Acme",
            "Row_Status": "needs_review",
            "Match_Confidence": 0.42,
            "Sources": ["https://acme.com/", "https://acme.com/about"],
            "Qualified_Products": ["CRM"],
            "Attempts": 2,
            "Website_Confidence": None,
            "duplicate_of": 1,
        }
    )
    dumped = row.model_dump(by_alias=True)

    cells = row.output_cells()

    assert list(cells) == ["Company", "Website", *RESULT_COLUMNS]
    assert cells == {**row.original, **{column: dumped[column] for column in RESULT_COLUMNS}}
