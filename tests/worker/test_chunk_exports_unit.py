"""Chunks stored rendered for the final files: finalization from the renderings writes
the files it writes from the rows, byte for byte, with the expected cells (unicode,
formula-looking text, empty fields, duplicates, retried rows); a rendering for other
columns, or of a chunk that changed, is not used."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime, timedelta

import orjson
import pytest
from openpyxl import load_workbook

from shared.export_layout import ExportLayout
from shared.layout import SessionKeys
from shared.messages import RetrySession
from shared.models import FinalStatus
from shared.retry import RetryRequest
from shared.rows import RESULT_COLUMNS, InputRow, ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from tests.worker.engine import MemoryEngine
from tests.worker.sessions import COLUMNS
from worker.checkpoint import encode_results, rendered_chunk, write_chunk
from worker.chunk_exports import RowRenderer, attempt_of, layout_tag, unpack
from worker.finalizer import Finalizer

pytestmark = pytest.mark.unit

FORMATS = ("csv", "json", "xlsx")
START = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
# (Company, Website, Group): rows 0-2 are awkward cells; row 5 repeats row 1's website
# (a duplicate in chunk 1 of a first occurrence in chunk 0); row 9 fails at first.
AWKWARD = {
    0: ("Ромашка 東京 🚀", "https://romashka.com", ""),
    1: ('=HYPERLINK("http://evil")', "https://evil-co.com", "+1 555"),
    2: ("@SUM(A1)", "https://sum-co.com", "-3"),
    5: ("Echo & <Sons>", "https://evil-co.com", "\tindented"),
}


def session_rows() -> list[InputRow]:
    rows = []
    for n in range(12):
        name, site, group = AWKWARD.get(n, (f"Company {n}", f"https://c{n}.com", f"g{n}"))
        original = {"Company": name, "Website": site, "Group": group}
        rows.append(InputRow(row=n, name=name, website=site, original=original))
    return rows


def spreadsheet(text: str) -> str:
    """A cell as CSV and XLSX hold it: formula triggers behind an apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def finals(store: MemoryStore, keys: SessionKeys) -> dict[str, bytes]:
    return {fmt: await store.get_bytes(keys.final_results(fmt)) for fmt in FORMATS}


async def drop_renderings(store: MemoryStore, keys: SessionKeys) -> int:
    found = [i.key for i in await store.list_objects(keys.prefix) if "/chunks/exports/" in i.key]
    for key in found:
        await store.delete(key)
    return len(found)


def count_result_reads(store: MemoryStore) -> list[str]:
    """Keys of chunk results read from `store` from now on."""
    reads: list[str] = []
    original = store.get_bytes

    async def counted(key: str) -> bytes:
        if "/chunks/results/" in key:
            reads.append(key)
        return await original(key)

    store.get_bytes = counted  # type: ignore[method-assign]
    return reads


async def retry_failed(twin: MemoryEngine, keys: SessionKeys) -> FinalStatus:
    request = RetryRequest(round=1, statuses=["failed"], requested_at=datetime.now(UTC))
    assert await twin.store.put_model_if_absent(keys.retry_request(1), request)
    await twin.client.publish_start(
        RetrySession(tenant=keys.tenant, session_id=keys.session_id, round=1)
    )
    async with asyncio.timeout(10):
        while True:
            final = await twin.store.get_model(keys.final_status, FinalStatus)
            if final.retry_round == 1:
                return final
            await asyncio.sleep(0.02)


async def test_files_from_renderings_equal_files_from_rows_with_the_expected_cells(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(2, chunk_size=4)
    twin.script.poison = {"Company 9"}
    keys = await twin.start(session_rows())
    assert (await twin.final(keys)).counters.failed == 1
    twin.script.poison.clear()
    final = await retry_failed(twin, keys)
    assert (final.counters.failed, final.counters.duplicates) == (0, 1)
    store = twin.memory_store
    written = await finals(store, keys)

    # Chunk 1 holds a duplicate and chunk 0 its first occurrence: both are read as rows.
    # Chunk 2, rerun by the retry round, has its round's rendering.
    assert await store.exists(keys.chunk_exports(0))
    assert not await store.exists(keys.chunk_exports(1))
    assert await store.exists(keys.in_round(1).chunk_exports(2))
    reads = count_result_reads(store)
    again = await Finalizer(store, twin.client).finalize(keys, 3, retry_round=1)
    assert again is not None
    assert sorted(set(reads)) == [keys.chunk_results(0), keys.chunk_results(1)]
    assert await finals(store, keys) == written

    # Without renderings every chunk is rendered from its rows: the same bytes.
    assert await drop_renderings(store, keys) >= 2
    reads.clear()
    await Finalizer(store, twin.client).finalize(keys, 3, retry_round=1)
    assert keys.in_round(1).chunk_results(2) in reads
    assert await finals(store, keys) == written

    header, *lines = list(csv.reader(io.StringIO(written["csv"].decode("utf-8-sig"))))
    assert header == [*COLUMNS, *RESULT_COLUMNS]
    column = {name: n for n, name in enumerate(header)}
    assert len(lines) == 12
    for n, (name, site, group) in AWKWARD.items():
        assert lines[n][:3] == [spreadsheet(name), site, spreadsheet(group)]
    assert lines[0][column["Description"]] == "About Ромашка 東京 🚀"
    assert lines[5][column["Row_Status"]] == "duplicate"
    assert lines[5][column["Description"]] == 'About =HYPERLINK("http://evil")'
    assert lines[5][column["Notes"]].startswith("duplicate of row 2")
    assert lines[9][column["Row_Status"]] == "ok"
    assert lines[9][column["Attempts"]] == "2"
    assert lines[3][column["HubSpot_Company_ID"]] == ""

    objects = orjson.loads(written["json"])
    assert [o["Company"] for o in objects[:3]] == [AWKWARD[n][0] for n in range(3)]
    assert objects[1]["Group"] == "+1 555"  # JSON is read by programs: kept as it is
    assert objects[9]["Attempts"] == 2
    assert [list(o) for o in objects] == [header] * 12

    book = load_workbook(io.BytesIO(written["xlsx"]), read_only=True)
    sheet = [[c or "" for c in row] for row in book["Results"].iter_rows(values_only=True)]
    # The workbook holds the CSV's cells, numbers (attempts here) as numbers.
    attempts = column["Attempts"]
    typed = [[int(c) if n == attempts else c for n, c in enumerate(line)] for line in lines]
    assert sheet == [header, *typed]


async def seed_chunks(store: MemoryStore, keys: SessionKeys, layout: ExportLayout | None) -> None:
    for chunk in range(2):
        rows = [
            ResultRow(
                row=n,
                original={"Company": f"Co {n}", "Website": f"https://c{n}.com", "Group": "g"},
                company_name=f"Co {n}",
                description=f"=About {n}",
                match_confidence=0.5,
            )
            for n in range(chunk * 3, chunk * 3 + 3)
        ]
        await write_chunk(
            store,
            keys,
            chunk,
            rows,
            b"",
            started_at=START,
            finished_at=START + timedelta(seconds=chunk),
            layout=layout,
        )


async def test_a_rendering_for_other_columns_is_not_used(twin: MemoryEngine) -> None:
    rows = [InputRow(row=n, name=f"Co {n}", original={"Company": f"Co {n}"}) for n in range(6)]
    keys = await twin.seed(rows)
    store = twin.memory_store

    # Rendered before the session's columns were what they are now: one column only.
    await seed_chunks(store, keys, ExportLayout(["Company"]))
    reads = count_result_reads(store)
    await Finalizer(store, twin.client).finalize(keys, 2)
    stale = await finals(store, keys)
    assert len(reads) == 2
    assert stale["csv"].decode("utf-8-sig").startswith(",".join([*COLUMNS, "Company_Name"]))

    await seed_chunks(store, keys, ExportLayout(COLUMNS))
    reads.clear()
    await Finalizer(store, twin.client).finalize(keys, 2)
    assert reads == []
    assert await finals(store, keys) == stale

    await drop_renderings(store, keys)
    await seed_chunks(store, keys, None)
    await Finalizer(store, twin.client).finalize(keys, 2)
    assert len(reads) == 2
    assert await finals(store, keys) == stale


def test_a_rendering_reads_back_only_for_its_own_layout_and_attempt() -> None:
    layout = ExportLayout(["Company"])
    rows = [ResultRow(row=0, original={"Company": "Ромашка"}, company_name="Ромашка")]
    tag = layout_tag(layout)
    assert tag is not None
    attempt = attempt_of(START)
    stored = rendered_chunk(encode_results(rows), rows, layout, attempt)
    assert stored is not None
    assert unpack(stored, tag, attempt_of(START + timedelta(microseconds=1))) is None
    back = unpack(stored, tag, attempt)
    assert back is not None
    rendered = RowRenderer(layout).render(rows)
    assert (back.csv, back.json, back.sheet) == (rendered.csv, rendered.json, rendered.sheet)
    assert "Ромашка".encode() in back.csv
    other = layout_tag(ExportLayout(["Company", "City"]))
    assert other is not None
    assert other != tag
    assert unpack(stored, other, attempt) is None
    head, _, body = stored.partition(b"\n")
    assert unpack(head + b"\n" + body[:-8], tag, attempt) is None


def test_chunks_a_file_cannot_hold_or_with_duplicates_are_not_rendered() -> None:
    layout = ExportLayout(["Company"])
    bell = [ResultRow(row=0, original={"Company": "bell \x07"}, company_name="bell \x07")]
    assert rendered_chunk(encode_results(bell), bell, layout, "a") is None
    duplicate = [
        ResultRow(row=0, original={"Company": "A"}, company_name="A"),
        ResultRow(row=1, original={"Company": "A"}, company_name="A", row_status="duplicate"),
    ]
    assert rendered_chunk(encode_results(duplicate), duplicate, layout, "a") is None
    assert rendered_chunk(encode_results(bell[:0]), [], None, "a") is None


async def test_a_rendering_of_an_earlier_attempt_of_the_chunk_is_not_used(
    twin: MemoryEngine,
) -> None:
    rows = [InputRow(row=0, name="Co 0", original={"Company": "Co 0"})]
    keys = await twin.seed(rows)
    store = twin.memory_store
    layout = ExportLayout(COLUMNS)
    first = ResultRow(row=0, original={"Company": "Co 0"}, company_name="Co 0")
    await write_chunk(
        store, keys, 0, [first], b"", started_at=START, finished_at=START, layout=layout
    )
    assert await store.exists(keys.chunk_exports(0))
    # Redone (the first attempt's summary lost), this time without a rendering.
    redone = first.model_copy(update={"row_status": RowStatus.FAILED, "error": "dead-lettered"})
    later = START + timedelta(minutes=5)
    await write_chunk(store, keys, 0, [redone], b"", started_at=later, finished_at=later)

    await Finalizer(store, twin.client).finalize(keys, 1)

    exported = orjson.loads(await store.get_bytes(keys.final_results("json")))
    assert [(o["Row_Status"], o["Error"]) for o in exported] == [("failed", "dead-lettered")]
