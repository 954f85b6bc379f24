"""In-session dedupe, decided once per session at planning time over every row.

Duplicates across chunks are found too: a later row with the same registered domain (or,
without a website, the same name key) points at the first occurrence instead of being
looked up again. The keys come from `shared.company_keys`, as in the upload summary.
Two rows of one name in different countries (by the row's country column), in different
cities or regions of one country, or of different industries (by the industry column),
are two companies, not duplicates. A row without a city, region or industry cannot tell,
and is a duplicate of the first row of its name and country, as before. A website given as
a short link (`go.example.io/ha2e`: one path segment mixing letters and digits, as link
shorteners give) is keyed by its code too: two companies' links on one shortener are two
rows, while a deep link into a company's site (`/about`, `/en/contact`) keeps its domain's
key.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from hashlib import blake2b
from typing import TypeVar
from urllib.parse import urlsplit

from shared.company_keys import clean_text, fresh_name_key, place_key, registered_domain
from shared.countries import parse_country_cell
from shared.rows import InputRow, PlannedRow

_INDUSTRY_CELL = 200  # characters of an industry cell compared; a pasted paragraph is cut
CELL_MEMO = 4096  # distinct fact cells remembered per session, per kind of key
MEMO_CELL_CHARS = 200  # longer cells are keyed each time, not remembered
_Key = TypeVar("_Key")


def _memoized(key: Callable[[str], _Key]) -> Callable[[str], _Key]:
    """`key`, remembering its last `CELL_MEMO` answers for cells of at most
    `MEMO_CELL_CHARS` characters: a session of all-distinct cells (or pasted paragraphs)
    holds a few megabytes of them at most, not a column's worth."""
    remembered = functools.lru_cache(maxsize=CELL_MEMO)(key)

    def keyed(cell: str) -> _Key:
        return remembered(cell) if len(cell) <= MEMO_CELL_CHARS else key(cell)

    return keyed


def identity_digest(identity: str) -> int:
    """64 bits of the key: a million keys as strings would hold ~150 MB; as these, ~70 MB.
    Deterministic (unlike `hash`), so two planners of one session agree."""
    return int.from_bytes(blake2b(identity.encode(), digest_size=8).digest(), "big")


class FirstRows:
    """Each 64-bit digest's first row, in two flat arrays (open addressing, linear
    probing, at most half full): 16-32 bytes a key in two allocations, where a dict of int
    objects holds about 115 bytes a key in a million small objects. Those objects, spread
    over the allocator's arenas among the worker's other objects, kept a planning worker
    about 80 MiB larger after a million-row session than before it: the arenas are not
    given back while anything else in them lives."""

    def __init__(self, capacity: int = 1024) -> None:
        self._digests = array("Q", bytes(8 * capacity))  # 0: an empty slot
        self._rows = array("q", bytes(8 * capacity))
        self._mask = capacity - 1
        self._count = 0
        self._zero_row: int | None = None  # the digest 0 is kept apart from empty slots

    def __len__(self) -> int:
        return self._count + (self._zero_row is not None)

    def setdefault(self, digest: int, row: int) -> int:
        """The first row given for `digest`: `row` if this is the first."""
        if not digest:
            if self._zero_row is None:
                self._zero_row = row
            return self._zero_row
        digests, mask = self._digests, self._mask
        slot = digest & mask
        while True:
            found = digests[slot]
            if found == digest:
                return self._rows[slot]
            if not found:
                break
            slot = (slot + 1) & mask
        digests[slot] = digest
        self._rows[slot] = row
        self._count += 1
        if self._count * 2 > mask:
            self._grow()
        return row

    def _grow(self) -> None:
        old = zip(self._digests, self._rows, strict=True)
        capacity = (self._mask + 1) * 2
        self._digests = array("Q", bytes(8 * capacity))
        self._rows = array("q", bytes(8 * capacity))
        self._mask = capacity - 1
        digests, rows, mask = self._digests, self._rows, self._mask
        for digest, row in old:
            if digest:
                slot = digest & mask
                while digests[slot]:
                    slot = (slot + 1) & mask
                digests[slot] = digest
                rows[slot] = row


class Deduper:
    """Normalizes rows one at a time and remembers each key's first row: the state of one
    session's dedupe pass, kept as 64-bit digests."""

    def __init__(self) -> None:
        self._first_by_key = FirstRows()
        # A session's country, city, region and industry cells repeat (a column holds far
        # fewer distinct cells than rows), and keying a place transliterates it: 2-15 us a
        # cell. Each distinct cell is keyed once, in a memo of bounded size.
        self._place = _memoized(place_key)
        self._country = _memoized(parse_country_cell)

    def plan(
        self, row: int, name: str, website: str | None, facts: dict[str, str]
    ) -> tuple[str, str | None, str, str | None, int | None]:
        """(name, website, name_key, domain, duplicate_of) of the row numbered `row`."""
        name = clean_text(name)
        domain = registered_domain(website)
        key = fresh_name_key(name)
        if domain:
            duplicate_of = self._first_of_site(row, domain, _page_of(website or ""))
        else:
            duplicate_of = self._first_of_name(key, row, facts)
        return (
            name,
            clean_text(website) if website else None,
            key,
            domain,
            None if duplicate_of == row else duplicate_of,
        )

    def _first_of_site(self, row: int, domain: str, page: str) -> int:
        """The first row of the website's domain, or of its short link."""
        return self._first_by_key.setdefault(identity_digest(f"domain:{domain}{page}"), row)

    def _first_of_name(self, key: str, row: int, facts: dict[str, str]) -> int:
        first_by_key, place = self._first_by_key, self._place
        country = self._country(facts.get("country", ""))
        named = f"name:{key}@{country or ''}"
        first_of_country = first_by_key.setdefault(identity_digest(named), row)
        city = place(facts.get("city", ""))
        region = place(facts.get("region", ""))
        industry = place(facts.get("industry", "")[:_INDUSTRY_CELL])
        if not (city or region or industry):
            return first_of_country
        # A place (and an industry) must match in full: merging two companies costs more
        # than looking one up twice, so "Lyon" and "Lyon, Rhône" stay apart, a row with a
        # place never joins one without, and two namesakes of one city that the list tells
        # apart by their industry (the joiners and the accountants) are two rows.
        where = f"{named}@{region}/{city}#{industry}"
        return first_by_key.setdefault(identity_digest(where), row)


# A short link's code: one path segment of 4-16 letters and digits in which a digit comes
# before a letter (`/ha2e`, `/tor5c`) or upper and lower case mix with digits (`/3xYz9Qa`),
# as shorteners draw them, with no run of five letters; a site's own pages are words
# (`/about`, `/en/contact`, `/3d-printing`) or words numbered at their end (`/p19`,
# `/page19`, `/news2024`).
_SEGMENT = re.compile(r"/[a-z0-9_-]{4,16}", re.IGNORECASE)
_DIGIT_THEN_LETTER = re.compile(r"\d[_-]?[a-z]", re.IGNORECASE)
_WORD = re.compile(r"[a-z]{5,}", re.IGNORECASE)


def _is_short_code(path: str) -> bool:
    if not _SEGMENT.fullmatch(path) or _WORD.search(path) or sum(map(str.isalpha, path)) < 2:
        return False
    mixed_case = path != path.lower() and path != path.upper()
    return bool(_DIGIT_THEN_LETTER.search(path)) or (
        mixed_case and any(ch.isdigit() for ch in path)
    )


# A plain address: printable ASCII, a host of letters, digits, dots and hyphens after an
# optional `http(s)://` or `//`, an optional port, then its path, query and fragment. For
# these (nearly every website cell) the path `urlsplit` finds is the text from the first
# `/`, `?` or `#` after the host to the first `?` or `#`, read here at a sixth of its cost.
# Without a scheme, `//` further on makes `urlsplit` read the whole text as a path: such
# text goes through `urlsplit`, as does anything else.
_PLAIN_ADDRESS = re.compile(
    r"((?:https?:)?//)?[a-z0-9.-]+(?::[0-9]*)?([/?#][!-~]*)?", re.IGNORECASE | re.ASCII
)
_QUERY_OR_FRAGMENT = re.compile(r"[?#]")


def _path_of(text: str) -> str:
    """`urlsplit(text if "//" in text else f"//{text}").path` of a trimmed website."""
    plain = _PLAIN_ADDRESS.fullmatch(text)
    if plain is None or (plain.group(1) is None and "//" in text):
        try:
            return urlsplit(text if "//" in text else f"//{text}").path
        except ValueError:
            # An unmatched `[` or `]` (`http://[example.com/x`): no address to key by page;
            # its domain, if any, still keys it, and the row goes on like any other.
            return ""
    rest = plain.group(2)
    if not rest:
        return ""
    return _QUERY_OR_FRAGMENT.split(rest, 1)[0]


def _page_of(website: str) -> str:
    """The code of a website given as a short link (`go.example.io/ha2e`), as its path;
    "" for any other address, which its domain keys alone."""
    path = _path_of(website.strip()).rstrip("/")
    return path if path and _is_short_code(path) else ""


def plan_rows(rows: Iterable[InputRow]) -> Iterator[PlannedRow]:
    deduper = Deduper()
    for row in rows:
        name, website, key, domain, duplicate_of = deduper.plan(
            row.row, row.name, row.website, row.facts
        )
        yield PlannedRow(
            row=row.row,
            name=name,
            website=website,
            original=row.original,
            facts=row.facts,
            name_key=key,
            domain=domain,
            duplicate_of=duplicate_of,
        )
