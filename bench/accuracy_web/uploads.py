"""How every labelled web writes its uploads: CSV bytes in the dialect a web's users save,
a workbook's first sheet and its bytes, and the file an upload kind is sent as. What the
files hold (headers, which cells are left out or pasted oddly) is each web's own."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from bench.accuracy_web.model import Company

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MakeUpload = Callable[[list[Company]], bytes]


def csv_bytes(
    rows: list[list[str]], *, delimiter: str = ",", line_end: str = "\n", encoding: str = "utf-8"
) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return out.getvalue().encode(encoding)


def new_sheet() -> tuple[Workbook, Worksheet]:
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    return book, sheet


def saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload_of(
    kind: str,
    companies: list[Company],
    *,
    prefix: str,
    sheet_name: str,
    with_website: MakeUpload,
    name_only: MakeUpload,
    mixed_xlsx: MakeUpload,
) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of input `kind`; any kind but the two CSVs is the
    workbook."""
    if kind == "with_website":
        return f"{prefix}with_website.csv", with_website(companies), "text/csv"
    if kind == "name_only":
        return f"{prefix}name_only.csv", name_only(companies), "text/csv"
    return f"{prefix}{sheet_name}.xlsx", mixed_xlsx(companies), XLSX
