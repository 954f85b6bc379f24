"""Worksheet rows of text cells as SpreadsheetML, written straight to a file.

openpyxl builds an element per cell and serialises it, 30-60 us a cell: most of the time
of finalizing a large session. Rows of text need none of that. This writes the markup
openpyxl writes for the same values (inline strings, `xml:space="preserve"` around
padded text, error codes as error cells, text cut at 32,767 characters, the same refusal
of control characters), and `splice_rows` puts it into the sheet openpyxl saved.

Rows and cells carry no `r` reference (optional in SpreadsheetML: a reader counts rows
and cells in order): so a chunk's rows are the same markup wherever they land in the
sheet, and can be written when the chunk is stored (worker/chunk_exports.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from typing import IO, BinaryIO, cast
from xml.sax.saxutils import escape

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.utils.exceptions import IllegalCharacterError

MAX_CELL_CHARS = 32_767
_END_OF_ROWS = b"</sheetData>"
_EMPTY_ROWS = b"<sheetData/>"
_EMPTY = '<c t="inlineStr"></c>'
_NUMBERS = (int, float)


class SheetRows:
    """Appends rows to `sink`, in order."""

    def __init__(self, sink: BinaryIO) -> None:
        self._sink = sink

    def append(self, rows: Iterable[Sequence[object]]) -> None:
        self._sink.write(sheet_markup(rows))

    def append_markup(self, markup: bytes) -> None:
        """Rows already written as markup (`sheet_markup`)."""
        self._sink.write(markup)


def sheet_markup(rows: Iterable[Sequence[object]]) -> bytes:
    """The `<row>` elements of `rows` (cells in column order)."""
    parts: list[str] = []
    for cells in rows:
        parts.append("<row>")
        if not _plain_text_row(cells):
            parts.extend(map(_cell, cells))
        else:
            # Text with nothing to escape, refuse or cut, and numbers (nearly every row):
            # the cells `_cell` would write, without its checks on each text cell.
            for value in cast(Sequence[str], cells):
                if value.__class__ is not str:
                    parts.append(_cell(value))
                elif not value:
                    parts.append(_EMPTY)
                elif value in ERROR_CODES:
                    parts.append(f'<c t="e"><v>{value}</v></c>')
                elif value[0].isspace() or value[-1].isspace():
                    parts.append(_cell(value))
                else:
                    parts.append(f'<c t="inlineStr"><is><t>{value}</t></is></c>')
        parts.append("</row>")
    return "".join(parts).encode()


def _plain_text_row(cells: Sequence[object]) -> bool:
    """Every cell is a number, or text without markup characters or characters a sheet
    refuses, and none is longer than a cell holds."""
    try:
        joined = "\t".join(cells)  # type: ignore[arg-type]
    except TypeError:  # numbers (confidences, attempts), booleans or empty typed cells
        texts = [cell for cell in cells if cell.__class__ is str]
        if any(cell.__class__ not in _NUMBERS for cell in cells if cell.__class__ is not str):
            return False
        return _plain_text_row(texts)
    if "&" in joined or "<" in joined or ">" in joined:
        return False
    if len(joined) > MAX_CELL_CHARS and max(map(len, cells)) > MAX_CELL_CHARS:  # type: ignore[arg-type]
        return False
    return ILLEGAL_CHARACTERS_RE.search(joined) is None


def _cell(value: object) -> str:
    # Numbers and booleans (typed custom fields) are written as openpyxl writes them.
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c t="n"><v>{value!r}</v></c>'
    value = "" if value is None else str(value)
    if not value:
        return _EMPTY
    if value in ERROR_CODES:
        return f'<c t="e"><v>{escape(value)}</v></c>'
    value = value[:MAX_CELL_CHARS]
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise IllegalCharacterError(f"{value} cannot be used in worksheets.")
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    return f'<c t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'


def splice_rows(sheet_xml: bytes, rows: IO[bytes], target: IO[bytes]) -> None:
    """The sheet openpyxl wrote (its header rows only) with `rows` after them."""
    if _END_OF_ROWS in sheet_xml:
        head, tail = sheet_xml.split(_END_OF_ROWS, 1)
        tail = _END_OF_ROWS + tail
    else:
        head, tail = sheet_xml.split(_EMPTY_ROWS, 1)
        head, tail = head + b"<sheetData>", _END_OF_ROWS + tail
    target.write(head)
    rows.seek(0)
    shutil.copyfileobj(rows, target, 1024 * 1024)
    target.write(tail)
