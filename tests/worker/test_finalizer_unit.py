"""Finalization on the in-memory twins: deterministic final objects, the final status
rules, and the exported results and logs."""

from __future__ import annotations

import asyncio
import io
import zipfile
from datetime import UTC, datetime, timedelta

import orjson
import pytest
from openpyxl import load_workbook

from shared.export_layout import output_columns
from shared.layout import LOG_TYPES, SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import SessionStatusChanged
from shared.models import CancelRequest, ChunkSummary, Counters, FinalStatus, SessionManifest
from shared.reviews import ReviewDecision
from shared.rows import PlannedRow, ResultRow, RowStatus
from shared.storage.protocol import ObjectStore
from tests.sessions import csv_manifest
from tests.worker.engine import MemoryEngine
from tests.worker.sessions import COLUMNS, make_rows
from worker.checkpoint import unenriched_row, write_chunk
from worker.dedupe import plan_rows
from worker.finalizer import Finalizer, final_status

pytestmark = pytest.mark.unit

START = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def enriched(row: PlannedRow) -> ResultRow:
    if row.duplicate_of is not None:
        return unenriched_row(row, RowStatus.DUPLICATE)
    return ResultRow(
        row=row.row,
        original=row.original,
        company_name=row.name,
        official_website=f"https://{row.domain}",
        description='=HYPERLINK("http://evil")' if row.row == 0 else f"About {row.name}",
        match_confidence=0.9,
        sources=[f"https://{row.domain}/about"],
    )


async def store_chunks(store: ObjectStore, keys: SessionKeys, planned: list[PlannedRow]) -> int:
    """Chunks of four rows as workers store them, with log lines of three kinds each."""
    chunks = [planned[n : n + 4] for n in range(0, len(planned), 4)]
    for number, rows in enumerate(chunks):
        line = {"timestamp": "T", "level": "info", "event": "x", "chunk": number}
        lines = [
            {**line, "session_id": keys.session_id},
            {**line, "session_id": "another", "event": "leaked"},
            {**line, "session_id": keys.session_id, "level": "error", "channel": "hubspot"},
        ]
        await write_chunk(
            store,
            keys,
            number,
            [enriched(row) for row in rows],
            b"".join(orjson.dumps(item) + b"\n" for item in lines),
            started_at=START,
            finished_at=START + timedelta(seconds=number),
        )
    return len(chunks)


async def final_objects(store: ObjectStore, keys: SessionKeys) -> dict[str, bytes]:
    found = await store.list_objects(keys.prefix + "final/")
    return {info.key: await store.get_bytes(info.key) for info in found}


def finalizer(twin: MemoryEngine) -> Finalizer:
    return Finalizer(twin.store, twin.client)


async def test_finalizers_racing_and_repeating_write_identical_objects(
    twin: MemoryEngine,
) -> None:
    rows = make_rows(10, lambda n: f"https://site{n % 8}.com")  # rows 8, 9 repeat 0, 1
    keys = await twin.seed(rows)
    chunk_count = await store_chunks(twin.store, keys, list(plan_rows(rows)))

    finals = await asyncio.gather(
        finalizer(twin).finalize(keys, chunk_count), finalizer(twin).finalize(keys, chunk_count)
    )
    first = await final_objects(twin.store, keys)
    await finalizer(twin).finalize(keys, chunk_count)
    again = await final_objects(twin.store, keys)

    assert finals[0] == finals[1]
    assert first == again
    expected = {keys.final_results(f) for f in ("csv", "json", "xlsx")}
    expected |= {keys.final_log(t) for t in LOG_TYPES} | {keys.final_status}
    assert set(first) == expected
    status = FinalStatus.model_validate_json(first[keys.final_status])
    assert status.status is SessionStatus.COMPLETED
    assert sorted(status.outputs) == sorted(expected - {keys.final_status})
    assert (status.counters.done, status.counters.duplicates) == (10, 2)
    assert status.finished_at == START + timedelta(seconds=chunk_count - 1)
    archive = zipfile.ZipFile(io.BytesIO(first[keys.final_results("xlsx")]))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


async def test_final_exports_keep_input_order_columns_and_neutralise_formulas(
    twin: MemoryEngine,
) -> None:
    rows = make_rows(10, lambda n: f"https://site{n % 8}.com")
    keys = await twin.seed(rows)
    chunk_count = await store_chunks(twin.store, keys, list(plan_rows(rows)))

    await finalizer(twin).finalize(keys, chunk_count)

    csv_bytes = await twin.store.get_bytes(keys.final_results("csv"))
    assert csv_bytes.startswith(b"\xef\xbb\xbfCompany,Website,Group,Company_Name,")
    assert b"'=HYPERLINK" in csv_bytes
    book = load_workbook(io.BytesIO(await twin.store.get_bytes(keys.final_results("xlsx"))))
    sheet = book.active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("Company", "Website", "Group", "Company_Name")
    assert [v[0] for v in values[1:]] == [f"Company {n}" for n in range(10)]
    description = values[0].index("Description")
    assert values[1][description] == '\'=HYPERLINK("http://evil")'
    exported = orjson.loads(await twin.store.get_bytes(keys.final_results("json")))
    assert exported[0]["Description"] == '=HYPERLINK("http://evil")'  # JSON is not a sheet
    assert exported[8]["Row_Status"] == "duplicate"
    assert exported[8]["Official_Website"] == "https://site0.com"
    assert exported[8]["Website"] == "https://site0.com"
    assert exported[8]["Company"] == "Company 8"
    pipeline_log = (await twin.store.get_bytes(keys.final_log("pipeline"))).decode()
    assert pipeline_log.splitlines() == [f"T INFO x chunk={n}" for n in range(chunk_count)]
    hubspot_log = (await twin.store.get_bytes(keys.final_log("hubspot"))).decode()
    errors_log = (await twin.store.get_bytes(keys.final_log("errors"))).decode()
    assert hubspot_log == errors_log
    assert hubspot_log.splitlines() == [f"T ERROR x chunk={n}" for n in range(chunk_count)]


async def test_maybe_finalize_waits_for_every_chunk_then_finalizes_once(
    twin: MemoryEngine,
) -> None:
    rows = make_rows(10)
    keys = await twin.seed(rows)
    planned = list(plan_rows(rows))
    chunk_count = await store_chunks(twin.store, keys, planned)
    await twin.store.delete(keys.chunk_done(1))

    assert not await finalizer(twin).maybe_finalize(keys, chunk_count)
    assert not await twin.store.exists(keys.final_status)
    await store_chunks(twin.store, keys, planned)
    assert await finalizer(twin).maybe_finalize(keys, chunk_count)
    assert not await finalizer(twin).maybe_finalize(keys, chunk_count)
    await twin.wait(lambda: twin.session_events(keys), "the completed event")
    completed = [e for e in twin.session_events(keys) if e.kind == "session.status"]
    assert len(completed) == 1


def manifest(rows: int) -> SessionManifest:
    keys = SessionKeys("t", "s" * 32)
    return csv_manifest(keys, "in.csv", COLUMNS, rows, created_at=START)


def summary(
    chunk: int, done: int, failed: int = 0, *, dead: str | None = None, cancelled: bool = False
) -> ChunkSummary:
    return ChunkSummary(
        chunk=chunk,
        counters=Counters(total=done, done=done, failed=failed),
        started_at=START,
        finished_at=START + timedelta(seconds=chunk + 1),
        cancelled=cancelled,
        dead_letter_reason=dead,
    )


def test_a_session_with_failed_rows_and_a_dead_chunk_is_completed_with_them_counted() -> None:
    summaries = [summary(0, 10, 2), summary(1, 10, 10, dead="boom"), summary(2, 5)]

    final = final_status(manifest(25), summaries, None, ["out"])

    assert final.status is SessionStatus.COMPLETED
    assert final.counters == Counters(total=25, done=25, failed=12)
    assert final.reason == "1 chunk(s) failed: boom"
    assert final.finished_at == START + timedelta(seconds=3)
    assert final.outputs == ["out"]


def test_a_session_whose_every_chunk_is_dead_has_failed() -> None:
    summaries = [summary(0, 10, 10, dead="first"), summary(1, 10, 10, dead="second")]

    final = final_status(manifest(20), summaries, None, [])

    assert final.status is SessionStatus.FAILED
    assert final.reason == "2 chunk(s) failed: first"


def test_a_cancel_marker_or_a_cancelled_chunk_makes_the_session_cancelled() -> None:
    later = START + timedelta(minutes=5)
    marker = CancelRequest(requested_at=later)
    dead = [summary(0, 10, 10, dead="boom")]

    by_marker = final_status(manifest(10), dead, marker, [])
    by_chunk = final_status(manifest(20), [summary(0, 10), summary(1, 4, cancelled=True)], None, [])

    assert (by_marker.status, by_marker.reason) == (SessionStatus.CANCELLED, "cancelled on request")
    assert by_marker.finished_at == later
    assert by_chunk.status is SessionStatus.CANCELLED
    assert by_chunk.counters == Counters(total=20, done=14)


async def test_a_session_whose_every_chunk_is_refused_ends_failed_with_outputs(
    twin: MemoryEngine,
) -> None:
    twin.script.refused.update({"Company 0", "Company 10"})
    await twin.start_workers(1)
    keys = await twin.start(make_rows(20))

    final = await twin.final(keys)

    assert final.status is SessionStatus.FAILED
    assert (final.counters.done, final.counters.failed) == (20, 20)
    assert final.reason is not None
    assert final.reason.startswith("2 chunk(s) failed: chunk dead-lettered after 1 deliveries")
    exported = orjson.loads(await twin.store.get_bytes(keys.final_results("json")))
    assert [item["Row_Status"] for item in exported] == ["failed"] * 20


async def test_a_session_of_no_rows_is_completed_with_empty_outputs(twin: MemoryEngine) -> None:
    await twin.start_workers(1)
    keys = await twin.start([])

    final = await twin.final(keys)

    assert (final.status, final.counters) == (SessionStatus.COMPLETED, Counters())
    assert orjson.loads(await twin.store.get_bytes(keys.final_results("json"))) == []
    csv_text = (await twin.store.get_bytes(keys.final_results("csv"))).decode("utf-8-sig")
    assert csv_text.splitlines() == [",".join(output_columns(COLUMNS))]
    assert await twin.store.exists(keys.final_results("xlsx"))


async def test_a_session_is_finalized_by_whichever_chunk_ends_last_listing_only_after_the_last(
    twin: MemoryEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = make_rows(12)
    keys = await twin.seed(rows)
    chunk_count = await store_chunks(twin.store, keys, list(plan_rows(rows)))
    first, middle, last = (keys.chunk_done(n) for n in (0, 1, chunk_count - 1))
    kept = {key: await twin.store.get_bytes(key) for key in (first, middle, last)}
    for key in kept:
        await twin.store.delete(key)
    listings: list[str] = []
    list_objects = twin.store.list_objects

    async def counted(prefix: str) -> list[object]:
        listings.append(prefix)
        return await list_objects(prefix)  # type: ignore[return-value]

    monkeypatch.setattr(twin.store, "list_objects", counted)

    # A chunk ends before the last chunk: nothing listed, nothing finalized.
    await twin.store.put_bytes(middle, kept[middle])
    assert not await finalizer(twin).maybe_finalize(keys, chunk_count)
    assert listings == []
    # The last chunk ends before the first: the listing shows the first missing.
    await twin.store.put_bytes(last, kept[last])
    assert not await finalizer(twin).maybe_finalize(keys, chunk_count)
    assert listings == [keys.chunk_done_prefix]
    # The first chunk ends last: every summary is there, and the session is finalized.
    await twin.store.put_bytes(first, kept[first])
    assert await finalizer(twin).maybe_finalize(keys, chunk_count)
    assert await twin.store.exists(keys.final_status)


async def test_a_refinalized_session_announces_its_counters_with_review_decisions_applied(
    twin: MemoryEngine,
) -> None:
    rows = make_rows(4)
    keys = await twin.seed(rows)
    planned = list(plan_rows(rows))
    doubtful = unenriched_row(planned[1], RowStatus.NEEDS_REVIEW).model_copy(
        update={"review_candidates": "website: https://site1.com/ (0.6; named)"}
    )
    results = [enriched(planned[0]), doubtful, *(enriched(row) for row in planned[2:])]
    await write_chunk(twin.store, keys, 0, results, b"", started_at=START, finished_at=START)
    decision = ReviewDecision(
        row=1, decision="reject", decided_at=START, candidates=doubtful.review_candidates
    )
    await twin.store.put_model(keys.review(1), decision)

    stored = await finalizer(twin).finalize(keys, 1, retry_round=1)
    assert stored is not None
    # Stored as the rows are; announced (and read) as the decision leaves them.
    assert (stored.counters.needs_review, stored.counters.not_found) == (1, 0)
    await twin.wait(lambda: twin.session_events(keys), "the completed event")
    event = next(e for e in twin.session_events(keys) if isinstance(e, SessionStatusChanged))
    assert event.round == 1
    assert event.counters is not None
    assert (event.counters.needs_review, event.counters.not_found) == (0, 1)
    assert event.counters.done == 4
