"""Raw records (lists of cell strings) to `InputRow`s, with the input summary."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from gateway.ingest.columns import (
    ColumnChoice,
    choose_from_data,
    choose_from_header,
    has_letters,
    is_header,
)
from gateway.ingest.fact_columns import detect_fact_columns
from shared.company_keys import registered_domain
from shared.errors import InvalidInput
from shared.rows import InputRow

# Rows looked at to choose columns when the file has no header.
SAMPLE_ROWS = 50
_SPACE = re.compile(r"\s+")


def clean_cell(value: object) -> str:
    """Trimmed text: inner runs of whitespace (newlines, NBSP) become one space."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _SPACE.sub(" ", str(value)).strip()


@dataclass
class TableStats:
    has_header: bool = False
    columns: list[str] = field(default_factory=list)
    name_column: str = ""
    website_column: str | None = None
    rows: int = 0
    blank_rows_skipped: int = 0
    duplicate_domains: int = 0
    named_rows: int = 0
    # Role -> column name of the recognised country, city, region and industry columns.
    fact_columns: dict[str, str] = field(default_factory=dict)


class TableReader:
    def __init__(self, max_rows: int, max_cell_chars: int) -> None:
        self.stats = TableStats()
        self._max_rows = max_rows
        self._max_cell = max_cell_chars
        self._domains: set[str] = set()
        self._facts: dict[str, int] = {}

    def rows(self, records: Iterable[Iterable[object]]) -> Iterator[InputRow]:
        cleaned = self._non_blank(records)
        sample: list[list[str]] = []
        for record in cleaned:
            sample.append(record)
            if len(sample) >= SAMPLE_ROWS:
                break
        if not sample:
            raise InvalidInput("empty_file", "the file has no rows with data")
        choice = self._choose(sample)
        if self.stats.has_header:
            sample = sample[1:]
        for record in sample:
            yield self._row(record, choice)
        for record in cleaned:
            yield self._row(record, choice)
        if self.stats.rows == 0:
            raise InvalidInput("no_rows", "the file has a header but no data rows")
        if self.stats.named_rows == 0:
            raise InvalidInput(
                "no_company_column",
                "no column holds company names (every name cell is empty or a number)",
            )

    def _non_blank(self, records: Iterable[Iterable[object]]) -> Iterator[list[str]]:
        for record in records:
            cells = [clean_cell(value) for value in record]
            while cells and not cells[-1]:
                cells.pop()
            if not cells:
                self.stats.blank_rows_skipped += 1
                continue
            if any(len(cell) > self._max_cell for cell in cells):
                raise InvalidInput(
                    "field_too_large", f"a cell is longer than {self._max_cell} characters"
                )
            yield cells

    def _choose(self, sample: list[list[str]]) -> ColumnChoice:
        width = max(len(record) for record in sample)
        if is_header(sample[0]):
            self.stats.has_header = True
            header = sample[0] + [""] * (width - len(sample[0]))
            choice = choose_from_header(header)
        elif len(sample) > 1 and not any(has_letters(c) for row in sample[1:] for c in row):
            # Words over rows of numbers: an unrecognised header over a table without names.
            self.stats.has_header = True
            choice = choose_from_header(sample[0] + [""] * (width - len(sample[0])))
        else:
            choice = choose_from_data(sample, width)
        taken = {choice.name_index}
        if choice.website_index is not None:
            taken.add(choice.website_index)
        if self.stats.has_header:
            self._facts = detect_fact_columns(sample[0], sample[1:], taken)
        else:
            self._facts = detect_fact_columns(None, sample, taken)
        self.stats.fact_columns = {role: choice.columns[i] for role, i in self._facts.items()}
        self.stats.columns = list(choice.columns)
        self.stats.name_column = choice.columns[choice.name_index]
        if choice.website_index is not None:
            self.stats.website_column = choice.columns[choice.website_index]
        return choice

    def _row(self, record: list[str], choice: ColumnChoice) -> InputRow:
        if self.stats.rows >= self._max_rows:
            raise InvalidInput(
                "too_many_rows", f"the file has more than {self._max_rows} rows (the limit)", 413
            )
        columns = self.stats.columns
        while len(record) > len(columns):
            # Extra cells beyond the header are kept under generated column names.
            columns.append(f"Column_{len(columns) + 1}")
        name = record[choice.name_index] if choice.name_index < len(record) else ""
        website = None
        if choice.website_index is not None and choice.website_index < len(record):
            website = record[choice.website_index] or None
        if has_letters(name):
            self.stats.named_rows += 1
        domain = registered_domain(website)
        if domain is not None:
            if domain in self._domains:
                self.stats.duplicate_domains += 1
            self._domains.add(domain)
        original = {
            column: record[i] if i < len(record) else "" for i, column in enumerate(columns)
        }
        cells = {role: record[i] for role, i in self._facts.items() if i < len(record)}
        facts = {role: cell for role, cell in cells.items() if cell}
        row = InputRow(
            row=self.stats.rows, name=name, website=website, original=original, facts=facts
        )
        self.stats.rows += 1
        return row
