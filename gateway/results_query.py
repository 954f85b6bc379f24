"""Which result rows a page shows, and in what order: row status, confidence band, a search
in the company name and website domain, and a sort column.

The filter reads every stored row of the session, so it holds over the whole session,
not only the rows of one page. Values are checked here, once; an unknown one is a 422
with its own code, never silently ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from shared.errors import InvalidInput
from shared.rows import RESULT_COLUMNS, RowStatus

QUERY_MAX = 200


class ConfidenceBand(StrEnum):
    """Bands of the row's confidence: `Website_Confidence` where the session has it,
    else `Match_Confidence`. `high` sits at the default acceptance line."""

    HIGH = "high"  # 0.8 and above
    MEDIUM = "medium"  # 0.6 up to 0.8
    LOW = "low"  # below 0.6
    NONE = "none"  # no confidence (no website found, a failed row)


HIGH_FROM = 0.8
MEDIUM_FROM = 0.6


# A row as the filter reads it: its stored cells (by column name) that the filters and the
# sort look at, the first occurrence's for a duplicate (see `gateway.results_scan`).
Facts = dict[str, Any]


def row_confidence(facts: Facts) -> float | None:
    website: float | None = facts.get("Website_Confidence")
    return website if website is not None else facts.get("Match_Confidence")


def band_of(confidence: float | None) -> ConfidenceBand:
    if confidence is None:
        return ConfidenceBand.NONE
    if confidence >= HIGH_FROM:
        return ConfidenceBand.HIGH
    if confidence >= MEDIUM_FROM:
        return ConfidenceBand.MEDIUM
    return ConfidenceBand.LOW


def _text(column: str) -> Callable[[Facts], Any]:
    return lambda facts: str(facts.get(column) or "").casefold() or None


def _number(column: str) -> Callable[[Facts], Any]:
    return lambda facts: facts.get(column)


# Sortable columns and how each reads its value; empty values sort last either way.
_SORTABLE: dict[str, Callable[[Facts], Any]] = {
    "row": lambda facts: facts["row"],
    **{
        column: _text(column)
        for column in (
            "Company_Name",
            "Official_Website",
            "LinkedIn_URL",
            "Row_Status",
            "Description_Source",
            "Timestamp",
        )
    },
    "Match_Confidence": _number("Match_Confidence"),
}
if "Website_Confidence" in RESULT_COLUMNS:
    _SORTABLE["Website_Confidence"] = _number("Website_Confidence")
SORT_COLUMNS: tuple[str, ...] = tuple(_SORTABLE)
# Every cell the filters and the sort read.
FACT_COLUMNS: tuple[str, ...] = (*SORT_COLUMNS, "Website_Confidence")


def _domain(website: str) -> str:
    host = website.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host.removeprefix("www.").casefold()


@dataclass(frozen=True)
class ResultsQuery:
    statuses: frozenset[RowStatus] = frozenset()
    bands: frozenset[ConfidenceBand] = frozenset()
    text: str = ""
    sort: str = "row"
    descending: bool = False

    @property
    def filters(self) -> bool:
        return bool(self.statuses or self.bands or self.text)

    @property
    def plain(self) -> bool:
        """Every row, in input order: the page can be read straight from its chunks."""
        return not self.filters and self.sort == "row" and not self.descending

    def matches(self, facts: Facts) -> bool:
        if self.statuses and facts.get("Row_Status", "ok") not in self.statuses:
            return False
        if self.bands and band_of(row_confidence(facts)) not in self.bands:
            return False
        if self.text:
            name = str(facts.get("Company_Name") or "").casefold()
            website = str(facts.get("Official_Website") or "")
            return self.text in name or self.text in _domain(website)
        return True

    def sort_key(self, facts: Facts) -> tuple[Any, ...]:
        """Ascending: smallest first. Descending pages take the largest of the same key,
        so empties are flagged low there and the input position is negated."""
        value = _SORTABLE[self.sort](facts)
        if self.descending:
            return (value is not None, value if value is not None else 0, -facts["row"])
        return (value is None, value if value is not None else 0, facts["row"])


def parse_query(
    statuses: list[str], bands: list[str], text: str | None, sort: str | None
) -> ResultsQuery:
    known_statuses = {status.value for status in RowStatus}
    bad = [s for s in statuses if s not in known_statuses]
    if bad:
        raise InvalidInput(
            "unknown_row_status",
            f"unknown row status {bad[0][:40]!r} (known: {', '.join(sorted(known_statuses))})",
        )
    known_bands = {band.value for band in ConfidenceBand}
    bad = [b for b in bands if b not in known_bands]
    if bad:
        raise InvalidInput(
            "unknown_confidence_band",
            f"unknown confidence band {bad[0][:40]!r} (known: {', '.join(known_bands)})",
        )
    column = (sort or "row").removeprefix("-")
    if column not in _SORTABLE:
        raise InvalidInput(
            "unknown_sort_column",
            f"cannot sort by {column[:60]!r} (sortable: {', '.join(SORT_COLUMNS)})",
        )
    return ResultsQuery(
        statuses=frozenset(RowStatus(s) for s in statuses),
        bands=frozenset(ConfidenceBand(b) for b in bands),
        text=(text or "").strip().casefold(),
        sort=column,
        descending=bool(sort and sort.startswith("-")),
    )
