"""Finalization is deterministic: finalizers racing or repeating write identical objects."""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import orjson
from openpyxl import load_workbook

from shared.broker.protocol import Broker
from shared.layout import LOG_TYPES, SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import FinalStatus
from shared.rows import PlannedRow, ResultRow, RowStatus
from shared.storage.s3 import MinioStore
from tests.worker.sessions import make_rows, seed_session
from worker.checkpoint import unenriched_row, write_chunk
from worker.dedupe import plan_rows
from worker.finalizer import Finalizer

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


async def store_chunks(store: MinioStore, keys: SessionKeys, planned: list[PlannedRow]) -> int:
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


async def final_objects(store: MinioStore, keys: SessionKeys) -> dict[str, bytes]:
    found = await store.list_objects(keys.prefix + "final/")
    return {info.key: await store.get_bytes(info.key) for info in found}


async def test_finalizers_racing_and_repeating_write_identical_objects(
    store: MinioStore, broker: Broker, tenant: str, session_ids: Callable[[], str]
) -> None:
    rows = make_rows(10, lambda n: f"https://site{n % 8}.com")  # rows 8, 9 repeat 0, 1
    keys = await seed_session(store, tenant, session_ids(), rows)
    chunk_count = await store_chunks(store, keys, list(plan_rows(rows)))

    finals = await asyncio.gather(
        Finalizer(store, broker).finalize(keys, chunk_count),
        Finalizer(store, broker).finalize(keys, chunk_count),
    )
    first = await final_objects(store, keys)
    await Finalizer(store, broker).finalize(keys, chunk_count)
    again = await final_objects(store, keys)

    assert finals[0] == finals[1]
    assert first == again
    expected = {keys.final_results(f) for f in ("csv", "json", "xlsx")}
    expected |= {keys.final_log(t) for t in LOG_TYPES} | {keys.final_status}
    assert set(first) == expected
    status = FinalStatus.model_validate_json(first[keys.final_status])
    assert status.status is SessionStatus.COMPLETED
    assert (status.counters.done, status.counters.duplicates) == (10, 2)
    assert status.finished_at == START + timedelta(seconds=chunk_count - 1)
    archive = zipfile.ZipFile(io.BytesIO(first[keys.final_results("xlsx")]))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


async def test_final_exports_keep_input_order_columns_and_neutralise_formulas(
    store: MinioStore, broker: Broker, tenant: str, session_ids: Callable[[], str]
) -> None:
    rows = make_rows(10, lambda n: f"https://site{n % 8}.com")
    keys = await seed_session(store, tenant, session_ids(), rows)
    chunk_count = await store_chunks(store, keys, list(plan_rows(rows)))

    await Finalizer(store, broker).finalize(keys, chunk_count)

    csv_bytes = await store.get_bytes(keys.final_results("csv"))
    assert csv_bytes.startswith(b"\xef\xbb\xbfCompany,Website,Group,Company_Name,")
    assert b"'=HYPERLINK" in csv_bytes
    book = load_workbook(io.BytesIO(await store.get_bytes(keys.final_results("xlsx"))))
    sheet = book.active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("Company", "Website", "Group", "Company_Name")
    assert [v[0] for v in values[1:]] == [f"Company {n}" for n in range(10)]
    description = values[0].index("Description")
    assert values[1][description] == '\'=HYPERLINK("http://evil")'
    exported = orjson.loads(await store.get_bytes(keys.final_results("json")))
    assert exported[0]["Description"] == '=HYPERLINK("http://evil")'  # JSON is not a sheet
    assert exported[8]["Row_Status"] == "duplicate"
    assert exported[8]["Official_Website"] == "https://site0.com"
    assert exported[8]["Website"] == "https://site0.com"
    assert exported[8]["Company"] == "Company 8"
    pipeline_log = (await store.get_bytes(keys.final_log("pipeline"))).decode()
    assert pipeline_log.splitlines() == [f"T INFO x chunk={n}" for n in range(chunk_count)]
    hubspot_log = (await store.get_bytes(keys.final_log("hubspot"))).decode()
    errors_log = (await store.get_bytes(keys.final_log("errors"))).decode()
    assert hubspot_log == errors_log
    assert hubspot_log.splitlines() == [f"T ERROR x chunk={n}" for n in range(chunk_count)]
