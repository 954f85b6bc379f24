"""The name and website columns a user picked before starting, in place of the detected
ones: checked against the columns the file really has."""

from __future__ import annotations

from dataclasses import dataclass, replace

from gateway.ingest.columns import ColumnChoice
from shared.errors import InvalidInput


@dataclass(frozen=True)
class ColumnPick:
    """`None` for the name: detect it. For the website: `None` reads no website column,
    `detect` leaves the detected one."""

    name: str | None = None
    website: str | None = None
    detect_website: bool = True


def apply_pick(choice: ColumnChoice, pick: ColumnPick | None) -> ColumnChoice:
    if pick is None:
        return choice
    name_index = choice.name_index if pick.name is None else _index(choice, pick.name)
    website_index = choice.website_index
    if not pick.detect_website:
        website_index = None if pick.website is None else _index(choice, pick.website)
    if website_index == name_index:
        if pick.detect_website:
            website_index = None  # the detected website column was picked for the names
        else:
            raise InvalidInput(
                "same_column", "the company names and the websites cannot be the same column"
            )
    return replace(choice, name_index=name_index, website_index=website_index)


def _index(choice: ColumnChoice, column: str) -> int:
    if column not in choice.columns:
        raise InvalidInput(
            "column_not_found",
            f"the file has no column {column[:80]!r}; columns: {', '.join(choice.columns)[:300]}",
        )
    return choice.columns.index(column)
