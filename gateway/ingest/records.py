"""Raw records from the two kinds of upload: delimited text and workbooks."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from typing import Any, BinaryIO

from python_calamine import (
    CalamineError,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from shared.errors import InvalidInput


def csv_records(binary: BinaryIO, encoding: str, delimiter: str) -> Iterator[list[str]]:
    text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
    try:
        yield from csv.reader(text, delimiter=delimiter)
    except csv.Error as exc:
        raise InvalidInput("corrupt_file", f"the CSV file cannot be read: {exc}") from exc


def _open_workbook(data: bytes) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise InvalidInput(
            "password_protected", "the workbook is password-protected; remove the password"
        ) from exc
    except (CalamineError, ValueError, OSError) as exc:
        raise InvalidInput("corrupt_file", "the workbook is damaged and cannot be read") from exc


def sheet_names(data: bytes) -> list[str]:
    return list(_open_workbook(data).sheet_names)


def _reading_order(workbook: CalamineWorkbook) -> list[str]:
    """Visible worksheets first: a hidden sheet holds lookups and leftovers, not the list
    the user sees when they open the file. Hidden ones still count when nothing else has
    data; chart sheets never hold rows."""
    visible: list[str] = []
    hidden: list[str] = []
    for meta in workbook.sheets_metadata:
        if meta.typ != SheetTypeEnum.WorkSheet:
            continue
        (visible if meta.visible == SheetVisibleEnum.Visible else hidden).append(meta.name)
    return visible + hidden


def sheet_records(data: bytes, sheet: str | None) -> tuple[str, Iterator[list[Any]]]:
    """The chosen sheet's name and rows: `sheet` if given, else the first non-empty
    visible one (a hidden one when no visible sheet has data)."""
    workbook = _open_workbook(data)
    names: list[str] = list(workbook.sheet_names)
    if sheet is not None:
        if sheet not in names:
            raise InvalidInput(
                "sheet_not_found",
                f"the workbook has no sheet {sheet[:80]!r}; sheets: {', '.join(names)[:300]}",
            )
        candidates = [sheet]
    else:
        candidates = _reading_order(workbook)
    for name in candidates:
        try:
            rows = workbook.get_sheet_by_name(name).iter_rows()
            leading: list[Any] = []
            for row in rows:
                leading.append(row)
                if any(cell not in ("", None) for cell in row):
                    return name, itertools.chain(leading, rows)
        except (CalamineError, ValueError) as exc:
            raise InvalidInput("corrupt_file", f"sheet {name[:80]!r} cannot be read") from exc
    raise InvalidInput("empty_file", "the workbook has no sheet with data")


def guarded(records: Iterator[list[Any]]) -> Iterator[list[Any]]:
    """Workbook rows are decoded lazily: a damaged sheet may fail mid-way."""
    try:
        yield from records
    except CalamineError as exc:
        raise InvalidInput("corrupt_file", "the workbook is damaged and cannot be read") from exc
