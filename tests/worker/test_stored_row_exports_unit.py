"""The final files written from stored lines (no model per row, the workbook by a process
of its own, CSV and JSON streamed to storage) are byte for byte the files each export
writes on its own from the rows decoded into their model, on rows that use every kind of
cell: custom fields of each type, criteria evidence, unicode, formula triggers,
duplicates across chunks (of a cancelled row too), rows awaiting review, missing
confidences, and a line stored before later columns existed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from shared.export_layout import ExportLayout, ExportRow
from shared.exports import CsvExport, JsonExport, XlsxExport
from shared.layout import SessionKeys
from shared.results import decode_results, fill_duplicates, merged_stored_rows
from shared.rows import ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from shared.stored_rows import StoredRow
from tests.worker.test_qualification_exports import CDN, CRITERIA, SECURITY
from worker.checkpoint import encode_results, rendered_chunk
from worker.chunk_exports import layout_tag, unpack
from worker.final_files import ResultFiles
from worker.final_render import PROCESS_ROWS

pytestmark = pytest.mark.unit

KEYS = SessionKeys("acme", "1" * 32)
CREATED = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
FIELDS = ["employees", "sells_b2b", "founded", "segment"]
COLUMNS = ["Firma", "Web", "Größe"]


def answer(n: int) -> list[dict[str, object]]:
    answers: list[dict[str, object]] = [
        {"name": "employees", "value": [120.0, 7.5, 1e21][n % 3], "quote": "120 staff"},
        {"name": "sells_b2b", "value": n % 2 == 0, "source_url": "https://a.example/"},
        {"name": "founded", "value": "=1999-01-01", "confidence": 0.875},
    ]
    return answers[: n % 4]  # some rows answer nothing, `segment` never


def result(n: int) -> ResultRow:
    status = [RowStatus.OK, RowStatus.NEEDS_REVIEW, RowStatus.NOT_FOUND, RowStatus.CANCELLED][n % 4]
    return ResultRow.model_validate(
        {
            "row": n,
            "original": {"Firma": f"Müller & Söhne {n} 株式会社", "Web": "-x", "Größe": "+3"},
            "Company_Name": f"Müller {n} — ООО «Ромашка»",
            "Official_Website": "" if status is RowStatus.NEEDS_REVIEW else f"https://m{n}.de",
            "Description": '=HYPERLINK("http://evil")\n"quoted", ü' if n % 5 == 0 else "",
            "Row_Status": status,
            "Match_Confidence": None if n % 3 == 0 else n / 7,
            "Sources": [f"https://m{n}.de/", f"https://m{n}.de/über"],
            "Qualified_Products": ["CDN", "Cloud Security"] if n % 2 else [],
            "Qualification": [CDN, SECURITY] if n % 2 else [],
            "Attempts": 1 + n % 3,
            "Website_Confidence": 0.5,
            "Review_Candidates": "https://cand.example (0.62: name on page)" if n % 4 == 1 else "",
            "Custom_Fields": answer(n),
        }
    )


def duplicate(n: int, first: int) -> ResultRow:
    return ResultRow(
        row=n,
        original={"Firma": f"Dup {n}"},
        company_name=f"Dup {n} ☃",
        row_status=RowStatus.DUPLICATE,
        duplicate_of=first,
    )


def chunks() -> list[bytes]:
    rows = [
        [result(0), result(1), result(2), result(3)],
        [duplicate(4, 0), result(5), duplicate(6, 3), duplicate(7, 5)],
        [duplicate(8, 1), result(9), duplicate(10, 2), result(11)],
    ]
    stored = [encode_results(batch) for batch in rows]
    # A line stored before the later result columns existed: they show their defaults.
    old = orjson.loads(stored[2].splitlines()[3])
    for column in ("Attempts", "Last_Attempt_At", "Cached_At", "Review_Candidates"):
        old.pop(column)
    lines = stored[2].splitlines()
    lines[3] = orjson.dumps(old)
    stored[2] = b"\n".join(lines) + b"\n"
    return stored


def reference_files(
    folder: Path, layout: ExportLayout, batches: list[list[ExportRow]]
) -> dict[str, bytes]:
    """Each file written on its own by the plain exports, one batch at a time."""
    csv, json, xlsx = CsvExport(layout), JsonExport(layout), XlsxExport(layout, CREATED)
    csv_data, json_data = [csv.header()], [json.header()]
    for batch in batches:
        csv_data.append(csv.rows(batch))
        json_data.append(json.rows(batch))
        xlsx.rows(batch)
    xlsx.save(folder / "results.xlsx")
    return {
        "csv": b"".join(csv_data),
        "json": b"".join(json_data) + json.footer(),
        "xlsx": (folder / "results.xlsx").read_bytes(),
    }


async def final_files(
    folder: Path, layout: ExportLayout, batches: list[list[ExportRow]]
) -> dict[str, bytes]:
    """The files as finalization writes them from stored lines: CSV and JSON streamed to
    storage, the chunks rendered in a process of their own."""
    store = MemoryStore()
    files = ResultFiles(store, KEYS, layout, CREATED, folder, rows=PROCESS_ROWS)
    await files.open()
    for batch in batches:
        assert all(isinstance(row, StoredRow) for row in batch)
        await files.write(b"".join(orjson.dumps(row.fields) + b"\n" for row in batch))  # type: ignore[union-attr]
    keys = await files.close()
    assert keys == [KEYS.final_results(fmt) for fmt in ("csv", "json", "xlsx")]
    return {fmt: await store.get_bytes(KEYS.final_results(fmt)) for fmt in ("csv", "json", "xlsx")}


@pytest.mark.parametrize("criteria", [True, False])
async def test_files_from_stored_lines_equal_files_from_models(
    tmp_path: Path, criteria: bool
) -> None:
    stored = chunks()
    store = MemoryStore()
    for number, data in enumerate(stored):
        await store.put_bytes(KEYS.chunk_results(number), data, "application/jsonl")
    layout = ExportLayout(COLUMNS, criteria, CRITERIA if criteria else None, FIELDS)

    decoded = [decode_results(data) for data in stored]
    firsts = {row.row: row for batch in decoded for row in batch}
    models: list[list[ExportRow]] = [list(fill_duplicates(b, firsts)) for b in decoded]
    lines: list[list[ExportRow]] = [
        list(batch) async for batch in merged_stored_rows(store, KEYS, len(stored))
    ]
    assert [row.row for batch in lines for row in batch] == list(range(12))
    (tmp_path / "models").mkdir()
    (tmp_path / "lines").mkdir()
    theirs = reference_files(tmp_path / "models", layout, models)
    ours = await final_files(tmp_path / "lines", layout, lines)

    for fmt in ("csv", "json", "xlsx"):
        assert ours[fmt] == theirs[fmt], fmt
    table = ours["csv"].decode("utf-8-sig")
    for shown in ("duplicate of row 1", "Dup 4 ☃", "'=1999-01-01", "1e+21", "'=HYPERLINK"):
        assert shown in table


async def test_files_joined_from_chunk_renderings_equal_files_from_models(tmp_path: Path) -> None:
    """Typed custom fields, formula-looking cells, unicode, a line from before later
    columns existed: each chunk rendered and packed as a worker stores it, then joined."""
    stored = chunks()
    store = MemoryStore()
    for number, data in enumerate(stored):
        await store.put_bytes(KEYS.chunk_results(number), data, "application/jsonl")
    layout = ExportLayout(COLUMNS, False, None, FIELDS)
    tag = layout_tag(layout)
    assert tag is not None
    decoded = [decode_results(data) for data in stored]
    firsts = {row.row: row for batch in decoded for row in batch}
    models: list[list[ExportRow]] = [list(fill_duplicates(b, firsts)) for b in decoded]
    (tmp_path / "models").mkdir()
    theirs = reference_files(tmp_path / "models", layout, models)

    files = ResultFiles(store, KEYS, layout, CREATED, tmp_path)
    await files.open()
    async for batch in merged_stored_rows(store, KEYS, len(stored)):
        lines = b"".join(orjson.dumps(row.fields) + b"\n" for row in batch)
        packed = rendered_chunk(lines, [], layout, "attempt")
        assert packed is not None
        rendered = unpack(packed, tag, "attempt")
        assert rendered is not None
        await files.write(rendered)
    await files.close()

    for fmt in ("csv", "json", "xlsx"):
        assert await store.get_bytes(KEYS.final_results(fmt)) == theirs[fmt], fmt
