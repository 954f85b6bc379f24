"""A criteria file's table (header and rows, already decoded) into a `CriteriaFile`.

Spreadsheets written by people merge cells: a blank Product or Target Audience repeats
the one above. Every refusal names the file row (1-based, as a spreadsheet program numbers
it) and column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shared.criteria.model import CriteriaFile, Criterion, CriterionType
from shared.errors import InvalidInput

COLUMNS = (
    "Product",
    "Target Audience",
    "Criteria Type",
    "Criteria",
    "Place",
    "Search Query",
    "Signals",
)
REQUIRED = ("Product", "Criteria Type", "Criteria")
TYPES = {
    "general": CriterionType.GENERAL,
    "qualification": CriterionType.QUALIFICATION,
    "mandatory": CriterionType.MANDATORY,
    "nth": CriterionType.NTH,
    "nicetohave": CriterionType.NTH,
}
MAX_CRITERIA = 500
MAX_CELL = 2000
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


class CriteriaInvalid(InvalidInput):
    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        where = ", ".join(
            part
            for part in (f"row {row}" if row else "", f"column {column!r}" if column else "")
            if part
        )
        super().__init__("invalid_criteria", f"{where}: {message}" if where else message)
        self.row = row
        self.column = column


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise InvalidInput(
            "invalid_criteria_name",
            "a criteria name is 1-64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit",
        )
    return name


def _positions(header: Sequence[str], line: int) -> dict[str, int]:
    wanted = {_key(column): column for column in COLUMNS}
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = wanted.get(_key(cell))
        if column is not None and column not in found:
            found[column] = index
    missing = [column for column in REQUIRED if column not in found]
    if missing:
        raise CriteriaInvalid(
            f"missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}", row=line
        )
    return found


def criteria_from_table(
    name: str, header: Sequence[str], rows: Sequence[Sequence[str]], header_row: int = 1
) -> CriteriaFile:
    """`rows` follow the header directly, blank ones included, so that every refusal names
    the row a spreadsheet program shows; `header_row` is the header's own (1-based)."""
    positions = _positions(header, header_row)
    criteria: list[Criterion] = []
    product = audience = ""
    for offset, cells in enumerate(rows):
        line = offset + header_row + 1

        def cell(column: str, cells: Sequence[str] = cells, line: int = line) -> str:
            index = positions.get(column)
            value = cells[index].strip() if index is not None and index < len(cells) else ""
            if len(value) > MAX_CELL:
                raise CriteriaInvalid(f"longer than {MAX_CELL} characters", line, column)
            return value

        if not any(str(value).strip() for value in cells):
            continue
        if cell("Product") and cell("Product") != product:
            product, audience = cell("Product"), ""
        audience = cell("Target Audience") or audience
        if not product:
            raise CriteriaInvalid("a criterion needs its product", line, "Product")
        kind = TYPES.get(_key(cell("Criteria Type")))
        if kind is None:
            raise CriteriaInvalid(
                f"unknown type {cell('Criteria Type')!r}: use General, Qualification, "
                "Mandatory or NTH (Nice to Have)",
                line,
                "Criteria Type",
            )
        if not cell("Criteria"):
            raise CriteriaInvalid("the criterion is empty", line, "Criteria")
        criteria.append(
            Criterion(
                id=f"r{line}",
                product=product,
                audience=audience if kind is not CriterionType.GENERAL else "",
                type=kind,
                text=cell("Criteria"),
                place=cell("Place"),
                search_query=cell("Search Query"),
                signals=cell("Signals"),
            )
        )
        if len(criteria) > MAX_CRITERIA:
            raise CriteriaInvalid(f"more than {MAX_CRITERIA} criteria", line)
    if not criteria:
        raise CriteriaInvalid("the file holds no criteria")
    return CriteriaFile(name=check_name(name), criteria=criteria)
