"""The upload summary's duplicate domains are exactly the rows the planner marks by domain."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest

from gateway.ingest import table
from gateway.ingest.records import csv_records
from gateway.ingest.table import TableReader
from shared import company_keys
from shared.rows import InputRow, PlannedRow
from worker import dedupe
from worker.plan_stream import planned_batches

pytestmark = pytest.mark.unit

# Each group is one company spelled several ways; the IPv6 and malformed hosts have none.
TRICKY_CSV = """Company,Website
Acme,https://www.Acme.com/about
Acme Inc,ACME.COM
Acme Labs,acme.com:8080
Example,ｅｘａｍｐｌｅ．ｃｏｍ
Example Two,example.com.
Bücher,https://www.BÜCHER.de
Buecher,bücher.de
Shop UK,https://shop.example.co.uk/x
Example UK,example.co.uk
Router,http://192.168.0.1:8080/admin
Router Two,192.168.0.1
Bad Host,999.1.1.1
Bad Host Two,0.1.1
Loopback,http://[::1]/
Loopback Two,http://[::1]:8080/
Unknown,n/a
Unknown Two,n/a
"""
DUPLICATES_BY_DOMAIN = 6  # acme.com x2, example.com, bücher.de, example.co.uk, 192.168.0.1


def summarized(content: str) -> tuple[int, list[InputRow]]:
    reader = TableReader(max_rows=1_000, max_cell_chars=1_000)
    records = csv_records(io.BytesIO(content.encode()), "utf-8", ",")
    rows = list(reader.rows(records))
    return reader.stats.duplicate_domains, rows


async def planned(rows: list[InputRow]) -> list[PlannedRow]:
    async def stored() -> AsyncIterator[bytes]:
        yield b"".join(row.model_dump_json().encode() + b"\n" for row in rows)

    return [row async for batch in planned_batches(stored(), 4) for row in batch]


def test_gateway_and_planner_key_domains_with_the_same_function() -> None:
    # Looked up in each module's namespace: neither re-exports the name.
    assert vars(table)["registered_domain"] is company_keys.registered_domain
    assert vars(dedupe)["registered_domain"] is company_keys.registered_domain


async def test_summary_counts_the_rows_the_planner_marks_duplicate_by_domain() -> None:
    duplicate_domains, rows = summarized(TRICKY_CSV)

    marked = [row for row in await planned(rows) if row.duplicate_of is not None and row.domain]

    assert duplicate_domains == len(marked) == DUPLICATES_BY_DOMAIN


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://www.Acme.com/about", "ACME.COM"),
        ("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com."),
        ("https://shop.example.co.uk/x", "example.co.uk"),
        ("192.168.0.1", "http://192.168.0.1:8080/"),
        ("999.1.1.1", "1.1"),
        ("http://[::1]/", "http://[::1]:8080/"),
        ("bücher.de", "xn--bcher-kva.de"),
    ],
)
async def test_a_pair_of_websites_is_a_duplicate_for_both_or_for_neither(
    first: str, second: str
) -> None:
    duplicate_domains, rows = summarized(f"Company,Website\nOne,{first}\nTwo,{second}\n")

    (_, later) = await planned(rows)

    assert duplicate_domains == int(later.duplicate_of is not None and later.domain is not None)
