"""The results sheet's rows, written as markup, read back as openpyxl's own rows do."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from shared.export_layout import ExportLayout, workbook_values
from shared.exports import XlsxExport
from shared.rows import ResultRow
from shared.xlsx_rows import SheetRows, _cell

pytestmark = pytest.mark.unit

AWKWARD = [
    "plain", "", " padded ", "tab\tinside", "x<&>\"'y", "Ромашка", "東京", "emoji 🚀", "#N/A",
    "#DIV/0!", "'=SUM(A1)", "line\nbreak", "a" * 40_000, "  ", "trailing ",
]  # fmt: skip


def openpyxl_sheet(path: Path, rows: list[list[object]]) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Results")
    for row in rows:
        sheet.append(row)
    book.save(path)


def cells(path: Path) -> list[tuple[object, ...]]:
    book = load_workbook(path, read_only=True)
    try:
        return [tuple((c.value, c.data_type) for c in row) for row in book["Results"].iter_rows()]
    finally:
        book.close()


def test_rows_read_back_as_openpyxl_writes_them(tmp_path: Path) -> None:
    layout = ExportLayout(["Name"])
    rows = [
        ResultRow(row=n, original={"Name": value}, company_name=value, notes=value)
        for n, value in enumerate(AWKWARD)
    ]
    ours = tmp_path / "ours.xlsx"
    export = XlsxExport(layout, datetime(2026, 1, 1, tzinfo=UTC))
    export.rows(rows[:5])
    export.rows(rows[5:])
    export.save(ours)
    theirs = tmp_path / "theirs.xlsx"
    header: list[object] = list(layout.columns)
    # Numbers (here `Attempts`) are numbers, in ours as in openpyxl's.
    openpyxl_sheet(theirs, [header, *(workbook_values(r, layout) for r in rows)])
    ours_cells, their_cells = cells(ours), cells(theirs)
    assert len(ours_cells) == len(AWKWARD) + 1
    assert ours_cells == their_cells, "the sheets differ"


def test_two_saves_of_the_same_rows_are_byte_identical(tmp_path: Path) -> None:
    layout = ExportLayout(["Name"])
    rows = [ResultRow(row=n, original={"Name": f"N{n}"}, company_name=f"N{n}") for n in range(50)]
    for name in ("a.xlsx", "b.xlsx"):
        export = XlsxExport(layout, datetime(2026, 1, 1, tzinfo=UTC))
        export.rows(rows)
        export.save(tmp_path / name)
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_control_characters_are_refused_as_openpyxl_refuses_them(tmp_path: Path) -> None:
    with (tmp_path / "rows").open("wb") as sink, pytest.raises(IllegalCharacterError):
        SheetRows(sink).append([["fine", "bell\x07"]])
    book = Workbook(write_only=True)
    with pytest.raises(IllegalCharacterError):
        book.create_sheet("Results").append(["fine", "bell\x07"])


def test_plain_text_rows_are_the_markup_of_each_cell_written_alone() -> None:
    rows = [
        ["Acme", "", "#N/A", " padded ", "https://acme.com/?a=1", "ok", "x" * 40],
        ["Tom & Jerry", "<b>", "plain", "", "", "", ""],
        ["tab\tinside", "   ", "#DIV/0!", "Ромашка", "中文", "end ", "\u00a0nbsp"],
    ]
    sink = io.BytesIO()

    SheetRows(sink).append(rows)

    def markup(row: list[str]) -> str:
        return "<row>" + "".join(map(_cell, row)) + "</row>"

    expected = "".join(markup(row) for row in rows)
    assert sink.getvalue().decode() == expected
