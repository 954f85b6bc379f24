"""`rows.jsonl`, the parsed input rows of a session, in each format it has been written in.

Format 3 (written now): a header line, then one JSON array per row.

    {"rows_format":3,"columns":["Company","Website","City"],"name":0,"website":1,"facts":{"city":2}}
    ["Acme Ltd","acme.com","Paris"]
    ["Beta GmbH"]

- A row's cells are the record as cleaned, without its trailing empty cells; its number is
  its position among the row lines (0-based).
- `original` is the cells under `columns`, padded with empty cells to the columns known so
  far. A row wider than them adds `Column_<n>` columns, as the parse itself named them: a
  reader that reads the lines in order gets the same maps the parse had.
- `name` and `website` are indices into the cells (`website` null: no website column);
  `facts` the recognised columns' indices by role, a fact being kept only when its cell is
  not empty. A header with `name` null (a session made from another session's results,
  whose names and websites are not among the user's columns) puts each row's name and
  website first in its array, before the cells.
- A row line that is a JSON object is a whole `InputRow` (below), taken as it is.

Formats 1 and 2 (sessions stored before): no header, one `InputRow` object a line, each
with its `row`, `name`, `website` and `original` map (format 2 adds `facts`). Every row
repeats every column name, and the name and website are stored twice: about three times
the size of the upload it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
from pydantic import ValidationError

from shared.rows import InputRow

ROWS_FORMAT = 3
_INPUT_FIELDS = frozenset(InputRow.model_fields)


@dataclass(frozen=True)
class RowsHeader:
    columns: list[str]
    # Index of the name cell; None: each row gives its name and website before its cells.
    name: int | None
    website: int | None = None
    facts: dict[str, int] = field(default_factory=dict)

    def line(self) -> bytes:
        fields = {"rows_format": ROWS_FORMAT, "columns": self.columns, "name": self.name}
        return orjson.dumps(fields | {"website": self.website, "facts": self.facts}) + b"\n"


def generated_column(position: int) -> str:
    """The name of a column past the header's, as the upload names it (1-based)."""
    return f"Column_{position}"


def _text_map(value: object) -> bool:
    """A map of text to text. Its keys are text already: JSON's keys can be nothing else.
    A loop, not `all()` over a generator: half the cost, on every row's two maps."""
    if not isinstance(value, dict):
        return False
    for cell in value.values():  # noqa: SIM110 (all() over a generator: twice the cost)
        if cell.__class__ is not str:
            return False
    return True


def _text_list(value: object) -> bool:
    if value.__class__ is not list:
        return False
    for cell in value:  # noqa: SIM110 (as above)
        if cell.__class__ is not str:
            return False
    return True


def unreadable(why: str) -> ValueError:
    # A stored row that does not read is not an unreadable message: it fails the planning
    # like any other error, not the command that asked for it.
    return ValueError(f"unreadable row in rows.jsonl: {why}")


def object_fields(line: bytes, data: Any) -> tuple[dict[str, Any], bool]:
    """A format 1 or 2 line's `InputRow` fields (`data`: the line decoded, None if it is
    not JSON), and whether the line holds them all as they are (its bytes can then be
    carried on as they are)."""
    whole = data.__class__ is dict and data.keys() == _INPUT_FIELDS and line.endswith(b"}")
    if (
        isinstance(data, dict)
        and data.keys() <= _INPUT_FIELDS
        and data.get("row").__class__ is int
        and data.get("name").__class__ is str
        and data.get("website").__class__ in (str, type(None))
        and _text_map(data.setdefault("original", {}))
        and _text_map(data.setdefault("facts", {}))
    ):
        return data, whole
    try:
        return InputRow.model_validate_json(line).model_dump(), False
    except ValidationError as exc:
        raise unreadable(exc.errors()[0]["msg"]) from None


class RowsReader:
    """`rows.jsonl` lines of any format, in order, to `InputRow` fields.

    Holds what a format 3 file's header says and the columns its rows added so far, so one
    reader reads one file from its first line on."""

    def __init__(self) -> None:
        self.header: RowsHeader | None = None
        self._started = False
        self._row = 0
        self._columns: list[str] = []
        self._given = False
        self._name = 0
        self._website: int | None = None
        self._facts: list[tuple[str, int]] = []

    def fields(self, line: bytes) -> tuple[dict[str, Any], bool] | None:
        """The row's `InputRow` fields and whether the line is a whole format 2 row (its
        bytes hold them all as they are); None for a format 3 header. ValueError if the
        line is no row."""
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError:
            data = None
        if not self._started:
            self._started = True
            if data.__class__ is dict and "rows_format" in data:
                self._start(data)
                return None
        if data.__class__ is list and self.header is not None:
            return self._cells(data), False
        row = object_fields(line, data)
        self._row += 1
        return row

    def rows(self, lines: Iterable[bytes]) -> Iterator[InputRow]:
        for line in lines:
            if line.strip():
                read = self.fields(line)
                if read is not None:
                    yield InputRow(**read[0])

    def _start(self, data: dict[str, Any]) -> None:
        if data.get("rows_format") != ROWS_FORMAT:
            raise unreadable(f"rows format {data.get('rows_format')!r} is not known")
        try:
            header = RowsHeader(
                columns=list(data["columns"]),
                name=data["name"],
                website=data.get("website"),
                facts=dict(data.get("facts") or {}),
            )
        except (KeyError, TypeError):
            raise unreadable("a header without its columns") from None
        if not _text_list(header.columns) or not all(
            i is None or (i.__class__ is int and i >= 0)
            for i in (header.name, header.website, *header.facts.values())
        ):
            raise unreadable("a header with columns or indices of the wrong type")
        self.header = header
        self._columns = list(header.columns)
        self._given = header.name is None
        self._name = header.name if header.name is not None else 0
        self._website = header.website
        self._facts = list(header.facts.items())

    def _cells(self, cells: list[Any]) -> dict[str, Any]:
        if self._given:
            if len(cells) < 2 or cells[0].__class__ is not str:
                raise unreadable("a row without its name")
            name, website, cells = cells[0], cells[1], cells[2:]
            if website is not None and website.__class__ is not str:
                raise unreadable("a website that is not text")
        if not _text_list(cells):
            raise unreadable("a cell that is not text")
        columns, width = self._columns, len(cells)
        while width > len(columns):
            columns.append(generated_column(len(columns) + 1))
        if width < len(columns):
            cells += [""] * (len(columns) - width)
        if not self._given:
            name = cells[self._name] if self._name < width else ""
            website = None
            if self._website is not None and self._website < width:
                website = cells[self._website] or None
        row = {
            "row": self._row,
            "name": name,
            "website": website,
            # As long as `columns`, just padded: strict=True would cost 0.2 us a row.
            "original": dict(zip(columns, cells)),  # noqa: B905
            "facts": {role: cells[i] for role, i in self._facts if i < len(cells) and cells[i]},
        }
        self._row += 1
        return row


def given_line(row: InputRow, columns: list[str]) -> bytes:
    """A row's line under a header with `name` null: its name, website and cells when its
    cells are under `columns` and it has no facts, else the whole row as an object."""
    if list(row.original) == columns and not row.facts:
        return orjson.dumps([row.name, row.website, *row.original.values()]) + b"\n"
    return row.model_dump_json().encode() + b"\n"


def read_rows(data: bytes) -> list[InputRow]:
    """A whole `rows.jsonl`, any format."""
    return list(RowsReader().rows(data.splitlines()))
