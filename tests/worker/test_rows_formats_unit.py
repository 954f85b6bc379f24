"""Sessions stored in every `rows.jsonl` format plan into the same chunk inputs and run to
the same results: the sessions stored before format 3 keep working."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest

from gateway.ingest.records import csv_records
from gateway.ingest.table import TableReader
from shared.lifecycle import SessionStatus
from shared.rows import InputRow, ResultRow
from tests.worker.engine import MemoryEngine
from worker.plan_stream import planned_chunks

pytestmark = pytest.mark.unit

# As users send them: a recognised City column, a short row, a row wider than the header
# past the first rows, a row with no website, repeated domains.
CSV = (
    "Company,Website,City,Ref\n"
    + "".join(f"Acme {n} Ltd,https://www.acme-{n % 45}.com,Paris,{n}\n" for n in range(70))
    + "Short Co\n"
    + "Beta GmbH,,Lyon,7,late extra\n"
    + "Gamma,gamma.io,,8\n"
).encode()


def upload() -> tuple[bytes, list[InputRow]]:
    """`rows.jsonl` as the upload writes it now, and its rows."""
    records = csv_records(io.BytesIO(CSV), "utf-8", ",")
    stored = b"".join(TableReader(1_000, 1_000).jsonl(records))
    rows = list(TableReader(1_000, 1_000).rows(csv_records(io.BytesIO(CSV), "utf-8", ",")))
    return stored, rows


def stored_before(rows: list[InputRow], facts: bool = True) -> bytes:
    """The same rows as earlier versions stored them: an `InputRow` object a line (format
    1 had no facts)."""
    exclude = None if facts else {"facts"}
    return b"".join(row.model_dump_json(exclude=exclude).encode() + b"\n" for row in rows)


async def pieces(data: bytes, size: int) -> AsyncIterator[bytes]:
    for begin in range(0, len(data), size):
        yield data[begin : begin + size]


async def chunks(data: bytes) -> list[bytes]:
    return [chunk async for chunk in planned_chunks(pieces(data, 97), 20)]


async def test_every_format_plans_into_the_same_chunk_inputs() -> None:
    stored, rows = upload()
    assert stored != stored_before(rows)

    planned = await chunks(stored)

    assert len(planned) == 4
    assert planned == await chunks(stored_before(rows))
    without_facts = await chunks(stored_before([r.model_copy(update={"facts": {}}) for r in rows]))
    assert await chunks(stored_before(rows, facts=False)) == without_facts


def comparable(results: dict[int, ResultRow]) -> list[dict[str, object]]:
    return [
        results[n].model_dump(exclude={"timestamp", "last_attempt_at"}) for n in sorted(results)
    ]


async def run(twin: MemoryEngine, rows: list[InputRow], stored: bytes) -> dict[int, ResultRow]:
    keys = await twin.seed(rows)
    await twin.store.put_bytes(keys.rows, stored, "application/x-ndjson")
    await twin.send_start(keys)
    final = await twin.final(keys)
    assert (final.status, final.counters.done) == (SessionStatus.COMPLETED, len(rows))
    assert final.counters.duplicates == 25
    return await twin.results_by_row(keys)


async def test_sessions_stored_in_every_format_run_to_the_same_results(
    twin: MemoryEngine,
) -> None:
    stored, rows = upload()
    await twin.start_workers(1, chunk_size=20)

    now = await run(twin, rows, stored)
    format_2 = await run(twin, rows, stored_before(rows))
    format_1 = await run(twin, rows, stored_before(rows, facts=False))

    assert comparable(now) == comparable(format_2) == comparable(format_1)
    assert now[71].original == {
        "Company": "Beta GmbH",
        "Website": "",
        "City": "Lyon",
        "Ref": "7",
        "Column_5": "late extra",
    }
    assert (now[72].company_name, now[72].original["Column_5"]) == ("Gamma", "")
