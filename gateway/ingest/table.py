"""Raw records (lists of cell strings) to `InputRow`s and `rows.jsonl` lines (format 3,
`shared/rows_format.py`), with the input summary."""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import NoReturn

import orjson

from gateway.ingest.column_pick import ColumnPick, apply_pick
from gateway.ingest.columns import (
    ColumnChoice,
    choose_from_data,
    choose_from_header,
    has_letters,
    is_header,
    looks_like_url,
)
from gateway.ingest.fact_columns import detect_fact_columns
from gateway.ingest.summary_rows import SUMMARY_ROWS, summary_tail
from shared.company_keys import registered_domain
from shared.errors import InvalidInput
from shared.rows import InputRow
from shared.rows_format import RowsHeader, generated_column

# Domain hashes are kept in this many arrays (a power of two), by their lowest bits.
DOMAIN_BUCKETS = 64
BUCKET_MASK = DOMAIN_BUCKETS - 1
# Rows looked at to choose columns when the file has no header.
SAMPLE_ROWS = 50
# Most lines above a header (a title, a date, an owner) that are skipped to reach it.
PREAMBLE_ROWS = 5


def clean_cell(value: object) -> str:
    """Trimmed text: inner runs of whitespace (newlines, NBSP) become one space."""
    if value.__class__ is str:
        # str.split() splits on exactly the characters `\s` matches, ten times faster.
        return " ".join(value.split())
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def clean_record(record: Iterable[object], max_cell: int) -> list[str]:
    """The record's cells cleaned, without its trailing empty ones (none: a blank row)."""
    joined: str | None = None
    try:
        joined = "\x00".join(record)  # type: ignore[arg-type]
    except TypeError:  # a workbook's numbers, dates and empty cells
        cells = [clean_cell(value) for value in record]
    else:
        # Text cells (every CSV record): the record joined with NULs (not white space)
        # tells at once whether any cell needs trimming; most need none.
        if " ".join(joined.split()) == joined and not (" \x00" in joined or "\x00 " in joined):
            cells = record if record.__class__ is list else list(record)  # type: ignore[arg-type]
        else:
            cells = [" ".join(value.split()) for value in record]  # type: ignore[attr-defined]
    while cells and not cells[-1]:
        cells.pop()
    # The joined record is at least as long as its longest cell.
    if cells and (joined is None or len(joined) > max_cell) and max(map(len, cells)) > max_cell:
        raise InvalidInput("field_too_large", f"a cell is longer than {max_cell} characters")
    return cells


def _header_position(sample: list[list[str]]) -> int:
    """Where a recognised header sits below lines that are no table rows (a report title,
    Excel's `sep=;` line): each of those has fewer cells than the header and no web
    address. 0 when the first row is the header, or there is none."""
    if is_header(sample[0]):
        return 0
    for index, record in enumerate(sample[1 : PREAMBLE_ROWS + 1], start=1):
        if not is_header(record):
            continue
        width = sum(1 for cell in record if cell)
        above = sample[:index]
        if all(
            sum(1 for cell in line if cell) < width and not any(map(looks_like_url, line))
            for line in above
        ):
            return index
        return 0
    return 0


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """An `InputRow`'s fields, kept plain: building a million models costs seconds."""

    row: int
    name: str
    website: str | None
    original: dict[str, str]
    facts: dict[str, str]

    def model(self) -> InputRow:
        return InputRow(
            row=self.row,
            name=self.name,
            website=self.website,
            original=self.original,
            facts=self.facts,
        )


@dataclass
class TableStats:
    has_header: bool = False
    columns: list[str] = field(default_factory=list)
    name_column: str = ""
    website_column: str | None = None
    rows: int = 0
    blank_rows_skipped: int = 0
    # Trailing "Total" rows left out (`gateway/ingest/summary_rows.py`).
    summary_rows_skipped: int = 0
    duplicate_domains: int = 0
    any_named_row: bool = False
    # Role -> column name of the recognised country, city, region and industry columns.
    fact_columns: dict[str, str] = field(default_factory=dict)


class TableReader:
    def __init__(self, max_rows: int, max_cell_chars: int, pick: ColumnPick | None = None) -> None:
        self.stats = TableStats()
        self._pick = pick
        self._max_rows = max_rows
        self._max_cell = max_cell_chars
        # Hashes of the domains, in arrays by their low bits, counted at the end: a million
        # domains as strings hold ~100 MB, their hashes in a set ~64 MB, in arrays 8 MB.
        self._domains = [array("q") for _ in range(DOMAIN_BUCKETS)]
        self._facts: dict[str, int] = {}
        # The position of the first row with a name: were it a summary row left out at the
        # end, no row kept has one.
        self._first_named = 0
        # Summary rows are told only at the end: up to that many rows more are read
        # before the row limit is enforced on the rows kept.
        self._row_cap = max_rows + SUMMARY_ROWS

    def rows(self, records: Iterable[Iterable[object]]) -> Iterator[InputRow]:
        for parsed in self.parsed(records):
            yield parsed.model()

    def jsonl(self, records: Iterable[Iterable[object]]) -> Iterator[bytes]:
        """`rows.jsonl` lines (the header first), the rows `rows` gives."""
        for block in self.jsonl_blocks(records, 1000):
            # JSON escapes line breaks inside strings: every break ends a line.
            yield from block.splitlines(keepends=True)

    def jsonl_blocks(self, records: Iterable[Iterable[object]], lines: int) -> Iterator[bytes]:
        """`rows.jsonl` lines, about `lines` at a time, the first block led by the header; one
        loop with no model per row, as a million rows through the general path cost
        seconds of function calls. A row's line is its cells as cleaned: the reader pads
        them, names them and picks the name, website and facts out of them."""
        records = iter(records)
        choice, sample = self._start(records)
        dumps = orjson.dumps
        header = RowsHeader(
            list(self.stats.columns), choice.name_index, choice.website_index, dict(self._facts)
        )
        # The header leads the first block; the last `SUMMARY_ROWS` lines of every block
        # wait for the next, so that summary rows at the very end can still be left out.
        block = [header.line()]
        header_held = True
        for record in sample:
            self._row(record, choice)  # the counts and the columns, as any row
            block.append(dumps(record) + b"\n")
        stats, columns, domains = self.stats, self.stats.columns, self._domains
        name_index, website_index = choice.name_index, choice.website_index
        row_cap, max_cell, flush_at = self._row_cap, self._max_cell, lines + SUMMARY_ROWS
        # Counted in locals: an attribute's update costs more than the count itself.
        rows, named, width_seen = stats.rows, stats.any_named_row, len(columns)
        # Each line serialised at once: dicts held for a block would keep the collector busy.
        for raw in records:
            record = clean_record(raw, max_cell)
            if not record:
                stats.blank_rows_skipped += 1
                continue
            if rows >= row_cap:
                self._too_many()
            width = len(record)
            if width > width_seen:
                while width > len(columns):
                    columns.append(generated_column(len(columns) + 1))
                width_seen = width
            name = record[name_index] if name_index < width else ""
            website = None
            if website_index is not None and website_index < width:
                website = record[website_index] or None
            if not named and has_letters(name):
                named = stats.any_named_row = True
                self._first_named = rows
            domain = registered_domain(website)
            if domain is not None:
                key = hash(domain)
                domains[key & BUCKET_MASK].append(key)
            rows += 1
            block.append(dumps(record) + b"\n")
            if len(block) >= flush_at:
                stats.rows = rows
                yield b"".join(block[:-SUMMARY_ROWS])
                del block[:-SUMMARY_ROWS]
                header_held = False
        stats.rows = rows
        # Every line still in the block is unyielded; the header is never a summary row.
        tail = block[-SUMMARY_ROWS:] if not header_held else block[1:][-SUMMARY_ROWS:]
        cut = summary_tail([orjson.loads(line) for line in tail], name_index, website_index)
        if cut:
            del block[-cut:]
            self._leave_out(cut)
        if block:
            yield b"".join(block)
        self._check_end()

    def parsed(self, records: Iterable[Iterable[object]]) -> Iterator[ParsedRow]:
        records = iter(records)
        choice, sample = self._start(records)
        held: deque[ParsedRow] = deque()
        for record in chain(sample, self._non_blank(records)):
            held.append(self._row(record, choice))
            if len(held) > SUMMARY_ROWS:
                yield held.popleft()
        cells = [list(parsed.original.values()) for parsed in held]
        cut = summary_tail(cells, choice.name_index, choice.website_index)
        for _ in range(cut):
            held.pop()
        self._leave_out(cut)
        yield from held
        self._check_end()

    def _leave_out(self, count: int) -> None:
        """The last `count` rows counted were summary rows: uncount them."""
        if not count:
            return
        self.stats.rows -= count
        self.stats.summary_rows_skipped = count
        if self._first_named >= self.stats.rows:
            self.stats.any_named_row = False

    def _start(self, records: Iterator[Iterable[object]]) -> tuple[ColumnChoice, list[list[str]]]:
        """The columns, chosen from the first rows; those rows (less the header) to parse."""
        sample: list[list[str]] = []
        for record in self._non_blank(records):
            sample.append(record)
            if len(sample) >= SAMPLE_ROWS:
                break
        if not sample:
            raise InvalidInput("empty_file", "the file has no rows with data")
        sample = sample[_header_position(sample) :]
        choice = self._choose(sample)
        return choice, sample[1:] if self.stats.has_header else sample

    def _check_end(self) -> None:
        if self.stats.rows > self._max_rows:
            self._too_many()
        # A bucket at a time, so only a bucket's set is ever held.
        self.stats.duplicate_domains = sum(len(b) - len(set(b)) for b in self._domains)
        if self.stats.rows == 0:
            raise InvalidInput("no_rows", "the file has a header but no data rows")
        if not self.stats.any_named_row:
            raise InvalidInput(
                "no_company_column",
                "no column holds company names (every name cell is empty or a number)",
            )

    def _too_many(self) -> NoReturn:
        raise InvalidInput(
            "too_many_rows", f"the file has more than {self._max_rows} rows (the limit)", 413
        )

    def _non_blank(self, records: Iterable[Iterable[object]]) -> Iterator[list[str]]:
        for record in records:
            cells = clean_record(record, self._max_cell)
            if cells:
                yield cells
            else:
                self.stats.blank_rows_skipped += 1

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
        choice = apply_pick(choice, self._pick)
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

    def _row(self, record: list[str], choice: ColumnChoice) -> ParsedRow:
        if self.stats.rows >= self._row_cap:
            self._too_many()
        columns = self.stats.columns
        while len(record) > len(columns):
            # Extra cells beyond the header are kept under generated column names.
            columns.append(generated_column(len(columns) + 1))
        name = record[choice.name_index] if choice.name_index < len(record) else ""
        website = None
        if choice.website_index is not None and choice.website_index < len(record):
            website = record[choice.website_index] or None
        if not self.stats.any_named_row and has_letters(name):
            self.stats.any_named_row = True
            self._first_named = self.stats.rows
        domain = registered_domain(website)
        if domain is not None:
            key = hash(domain)
            self._domains[key & BUCKET_MASK].append(key)
        if len(record) < len(columns):
            record = record + [""] * (len(columns) - len(record))
        facts = {role: record[i] for role, i in self._facts.items() if record[i]}
        row = ParsedRow(
            self.stats.rows, name, website, dict(zip(columns, record, strict=True)), facts
        )
        self.stats.rows += 1
        return row
