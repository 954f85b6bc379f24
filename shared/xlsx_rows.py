"""Worksheet rows of text cells as SpreadsheetML, written straight to a file.

openpyxl builds an element per cell and serialises it, 30-60 us a cell: most of the time
of finalizing a large session. Rows of text need none of that. This writes the markup
openpyxl writes for the same values (inline strings, `xml:space="preserve"` around
padded text, error codes as error cells, text cut at 32,767 characters, the same refusal
of control characters), and `splice_rows` puts it into the sheet openpyxl saved.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from typing import IO, BinaryIO, cast
from xml.sax.saxutils import escape

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError

MAX_CELL_CHARS = 32_767
_END_OF_ROWS = b"</sheetData>"
_EMPTY_ROWS = b"<sheetData/>"


class SheetRows:
    """Appends rows to `sink`, numbered from `first_row`."""

    def __init__(self, sink: BinaryIO, first_row: int) -> None:
        self._sink = sink
        self._next = first_row
        self._letters: list[str] = []

    def append(self, rows: Iterable[Sequence[object]]) -> None:
        parts: list[str] = []
        for cells in rows:
            number = str(self._next)
            self._next += 1
            while len(self._letters) < len(cells):
                self._letters.append(get_column_letter(len(self._letters) + 1))
            parts.append(f'<row r="{number}">')
            if not _plain_text_row(cells):
                for letter, value in zip(self._letters, cells, strict=False):
                    parts.append(_cell(letter + number, value))
            else:
                # Text with nothing to escape, refuse or cut (nearly every row): the cells
                # `_cell` would write, without its checks on each cell.
                for letter, value in zip(self._letters, cast(Sequence[str], cells), strict=False):
                    if not value:
                        parts.append(f'<c r="{letter}{number}" t="inlineStr"></c>')
                    elif value in ERROR_CODES:
                        parts.append(f'<c r="{letter}{number}" t="e"><v>{value}</v></c>')
                    elif value[0].isspace() or value[-1].isspace():
                        parts.append(_cell(letter + number, value))
                    else:
                        parts.append(
                            f'<c r="{letter}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
                        )
            parts.append("</row>")
        self._sink.write("".join(parts).encode())


def _plain_text_row(cells: Sequence[object]) -> bool:
    """Every cell is text without markup characters or characters a sheet refuses, and
    none is longer than a cell holds."""
    try:
        joined = "\t".join(cells)  # type: ignore[arg-type]
    except TypeError:  # numbers, booleans or empty cells of a typed custom field
        return False
    if "&" in joined or "<" in joined or ">" in joined:
        return False
    if len(joined) > MAX_CELL_CHARS and max(map(len, cells)) > MAX_CELL_CHARS:  # type: ignore[arg-type]
        return False
    return ILLEGAL_CHARACTERS_RE.search(joined) is None


def _cell(reference: str, value: object) -> str:
    # Numbers and booleans (typed custom fields) are written as openpyxl writes them.
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}" t="n"><v>{value!r}</v></c>'
    value = "" if value is None else str(value)
    if not value:
        return f'<c r="{reference}" t="inlineStr"></c>'
    if value in ERROR_CODES:
        return f'<c r="{reference}" t="e"><v>{escape(value)}</v></c>'
    value = value[:MAX_CELL_CHARS]
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise IllegalCharacterError(f"{value} cannot be used in worksheets.")
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    return f'<c r="{reference}" t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'


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
