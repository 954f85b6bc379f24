"""The workbook's `Qualification` sheet, as a user opens it: its `Row` column is number
cells (to sort and filter by), in the final files however their chunks are rendered and in
the download of a running session; text from the user's file or a page that merely looks
like a number stays text, as the results sheet keeps it."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

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
from shared.exports import write_xlsx
from shared.layout import SessionKeys
from shared.rows import ResultRow
from shared.storage.memory import MemoryStore
from worker.checkpoint import encode_results
from worker.chunk_exports import layout_tag
from worker.final_files import ResultFiles
from worker.final_render import PROCESS_ROWS

pytestmark = pytest.mark.unit

KEYS = SessionKeys("acme", "2" * 32)
CREATED_AT = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
CRITERIA = SessionCriteria(
    files=[
        CriteriaFile(
            name="sales",
            criteria=[Criterion(id="r2", product="CDN", type=CriterionType.GENERAL, text="10")],
        )
    ]
)
LAYOUT = ExportLayout(["Name"], qualification=True, criteria=CRITERIA)


def qualified(n: int, name: str) -> ResultRow:
    cdn = ProductResult(
        product="CDN",
        qualified=True,
        audiences=[],
        nth_score=0,
        nth_total=0,
        reason="qualified",
        criteria=[
            CriterionResult(
                criterion_id="r2",
                verdict=Verdict.PASSED,
                quote="42",
                source_url="https://a.example/",
            )
        ],
    )
    return ResultRow(
        row=n,
        original={"Name": name},
        company_name=name,
        qualified_products=["CDN"],
        qualification=[cdn],
        qualification_status="ok",
    )


# Company names that read as numbers: a row number of their own would be confused with them.
ROWS = [qualified(0, "1999"), qualified(1, "Acme"), qualified(9, "007")]


def evidence_cells(workbook: bytes) -> list[list[tuple[object, str]]]:
    sheet = load_workbook(io.BytesIO(workbook), read_only=True)["Qualification"]
    return [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows(min_row=2)]


def assert_typed(lines: list[list[tuple[object, str]]]) -> None:
    assert [line[0] for line in lines] == [(1, "n"), (2, "n"), (10, "n")]
    # The user's names, criterion and the page's quote stay the text they were.
    assert [line[1] for line in lines] == [("1999", "s"), ("Acme", "s"), ("007", "s")]
    assert {(line[6], line[8]) for line in lines} == {(("10", "s"), ("42", "s"))}


@pytest.mark.parametrize("rows", [0, PROCESS_ROWS], ids=["thread", "process"])
async def test_final_files_write_the_row_column_as_numbers(tmp_path: Path, rows: int) -> None:
    store = MemoryStore()
    files = ResultFiles(store, KEYS, LAYOUT, CREATED_AT, tmp_path, rows)
    await files.open()
    await files.write(encode_results(ROWS[:2]))
    await files.write(encode_results(ROWS[2:]))
    await files.close()

    assert_typed(evidence_cells(await store.get_bytes(KEYS.final_results("xlsx"))))


def test_no_stored_rendering_holds_the_evidence_sheet() -> None:
    # Chunks of a session with criteria are never rendered ahead: the evidence sheet's
    # cells, numbers or text, are written from the rows at finalization, whatever the
    # version that stored them.
    assert layout_tag(LAYOUT) is None


def test_the_download_of_a_running_session_writes_them_as_numbers(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "q.xlsx", LAYOUT, ROWS)
    assert_typed(evidence_cells((tmp_path / "q.xlsx").read_bytes()))
