"""Planning and merging as streams, on the in-memory store: every row exactly once and in
input order, duplicates linked and filled across chunks, including first occurrences whose
duplicates come many chunks later (the merge drops a first occurrence only after its last
duplicate)."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from shared.company_keys import name_key, registered_domain
from shared.layout import SessionKeys
from shared.models import ChunkSummary
from shared.results import duplicate_targets, merged_results
from shared.rows import InputRow, PlannedRow, ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from worker.checkpoint import encode_results, unenriched_row, write_chunk
from worker.plan_stream import planned_batches

pytestmark = pytest.mark.unit

KEYS = SessionKeys("acme", "0" * 32)
AT = datetime(2026, 1, 2, tzinfo=UTC)


def input_rows(count: int, seed: int) -> list[InputRow]:
    """Rows whose websites repeat at random distances: near, across chunks, far apart."""
    rng = random.Random(seed)
    domains = [f"company-{n}.com" for n in range(count // 3)]
    rows = []
    for n in range(count):
        website = rng.choice(domains) if rng.random() < 0.7 else None
        name = f"Company {rng.randrange(count)}" if website is None else f"Name {n}"
        rows.append(InputRow(row=n, name=name, website=website, original={"Ref": str(n)}))
    return rows


async def stream(data: bytes, piece: int) -> AsyncIterator[bytes]:
    for start in range(0, len(data), piece):
        yield data[start : start + piece]


async def plan(rows: list[InputRow], chunk_size: int, piece: int) -> list[list[PlannedRow]]:
    data = b"".join(row.model_dump_json().encode() + b"\n" for row in rows)
    return [batch async for batch in planned_batches(stream(data, piece), chunk_size)]


def expected_first(rows: list[InputRow]) -> dict[int, int | None]:
    """Each row's first occurrence, by the rule: same registered domain, else same name."""
    first: dict[str, int] = {}
    out: dict[int, int | None] = {}
    for row in rows:
        domain = registered_domain(row.website)
        key = f"domain:{domain}" if domain else f"name:{name_key(row.name)}"
        seen = first.setdefault(key, row.row)
        out[row.row] = None if seen == row.row else seen
    return out


def result_of(row: PlannedRow) -> ResultRow:
    if row.duplicate_of is not None:
        return unenriched_row(row, RowStatus.DUPLICATE)
    return ResultRow(
        row=row.row,
        original=row.original,
        company_name=row.name,
        official_website=row.website or "",
        description=f"found for row {row.row}",
    )


@pytest.mark.parametrize(("chunk_size", "piece"), [(7, 13), (50, 4096), (1, 1)])
async def test_planning_streams_every_row_once_in_order_with_duplicates_across_chunks(
    chunk_size: int, piece: int
) -> None:
    rows = input_rows(300, seed=chunk_size)
    batches = await plan(rows, chunk_size, piece)
    planned = [row for batch in batches for row in batch]
    assert [row.row for row in planned] == list(range(300))
    assert all(len(batch) == chunk_size for batch in batches[:-1])
    links = expected_first(rows)
    assert {row.row: row.duplicate_of for row in planned} == links
    links_across = [(first, r.row) for r in planned if (first := r.duplicate_of) is not None]
    assert any(first // chunk_size != row // chunk_size for first, row in links_across)


async def stored_session(chunk_size: int) -> tuple[MemoryStore, list[PlannedRow], int]:
    store = MemoryStore()
    batches = await plan(input_rows(400, seed=11), chunk_size, 997)
    for number, batch in enumerate(batches):
        await write_chunk(
            store, KEYS, number, [result_of(r) for r in batch], b"", started_at=AT, finished_at=AT
        )
    return store, [row for batch in batches for row in batch], len(batches)


@pytest.mark.parametrize("chunk_size", [3, 40, 400])
async def test_merged_results_give_every_row_once_in_order_with_duplicates_filled(
    chunk_size: int,
) -> None:
    store, planned, chunks = await stored_session(chunk_size)
    merged = [row async for batch in merged_results(store, KEYS, chunks) for row in batch]
    assert [row.row for row in merged] == list(range(len(planned)))
    by_row = {row.row: row for row in planned}
    for row in merged:
        first = by_row[row.row].duplicate_of
        if first is None:
            assert row.description == f"found for row {row.row}"
            assert row.row_status is RowStatus.OK
        else:
            # The first occurrence's findings, however many chunks back it was stored.
            assert row.description == f"found for row {first}"
            assert row.row_status is RowStatus.DUPLICATE
            assert row.duplicate_of == first
            assert row.original == by_row[row.row].original


async def test_the_first_pass_over_only_the_chunks_counting_duplicates_merges_the_same() -> None:
    store, _, chunks = await stored_session(3)
    summaries = [await store.get_model(KEYS.chunk_done(n), ChunkSummary) for n in range(chunks)]
    duplicated = [s.chunk for s in summaries if s.counters.duplicates]
    assert 0 < len(duplicated) < chunks

    everything = [row async for batch in merged_results(store, KEYS, chunks) for row in batch]
    limited = merged_results(store, KEYS, chunks, with_duplicates=duplicated)

    assert [row async for batch in limited for row in batch] == everything


async def test_a_first_occurrence_used_again_far_later_is_still_filled() -> None:
    store = MemoryStore()
    rows = [InputRow(row=n, name=f"N{n}", website=f"site-{n % 5}.com") for n in range(5)]
    rows += [InputRow(row=n, name=f"N{n}", website=f"other-{n}.com") for n in range(5, 40)]
    rows += [InputRow(row=40, name="Again", website="https://www.site-0.com/x")]
    planned = [row for batch in await plan(rows, 5, 64) for row in batch]
    for number in range(9):
        batch = planned[number * 5 : number * 5 + 5]
        await write_chunk(
            store, KEYS, number, [result_of(r) for r in batch], b"", started_at=AT, finished_at=AT
        )
    merged = [row async for batch in merged_results(store, KEYS, 9) for row in batch]
    assert len(merged) == 41
    assert merged[40].description == "found for row 0"
    assert merged[40].company_name == "Again"


async def test_a_chunk_not_stored_yet_is_an_empty_batch_while_running() -> None:
    store, planned, chunks = await stored_session(40)
    await store.delete_prefix(KEYS.chunk_results(2))
    batches = [batch async for batch in merged_results(store, KEYS, chunks, missing_ok=True)]
    assert [len(batch) for batch in batches][2] == 0
    assert sum(len(batch) for batch in batches) == len(planned) - 40


def test_duplicate_targets_read_only_the_two_fields_they_need() -> None:
    first = PlannedRow(row=3, name="A", website="a.com", original={}, name_key="a", domain="a.com")
    twin = first.model_copy(update={"row": 9, "duplicate_of": 3})
    data = encode_results([result_of(first), result_of(twin)])
    assert list(duplicate_targets(data)) == [(3, 9)]
