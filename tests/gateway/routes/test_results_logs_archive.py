"""Results pages and downloads, logs and the archive, partial and finalized."""

from __future__ import annotations

import csv
import io
import zipfile

import httpx
import orjson
import pytest
from openpyxl import load_workbook

from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.rows import ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.seed import result_row, seed_chunk, seed_final
from tests.gateway.steps import new_session
from tests.sessions import seed_plan

pytestmark = pytest.mark.unit

NAMES = ["Capcom", "Krafton", "Sega", "Konami", "Atlus"]
CSV = b"Company,Website\n" + b"".join(f"{n},{n.lower()}.com\n".encode() for n in NAMES)


def rows_for(indexes: range) -> list[ResultRow]:
    return [result_row(i, NAMES[i]) for i in indexes]


def log_line(
    session_id: str, chunk: int, level: str, channel: str, event: str
) -> dict[str, object]:
    return {
        "timestamp": "2026-01-01T00:00:00Z",
        "session_id": session_id,
        "chunk": chunk,
        "row": 0,
        "level": level,
        "event": event,
        "channel": channel,
    }


async def running_session(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> tuple[str, SessionKeys]:
    """Five rows in chunks of two; chunks 0 and 2 are done, chunk 1 is still running."""
    session_id = await new_session(client, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=5, chunk_size=2)
    logs0 = [
        log_line(session_id, 0, "info", "pipeline", "row.done"),
        log_line(session_id, 0, "warning", "hubspot", "hubspot.rate_limited"),
        log_line("f" * 32, 0, "info", "pipeline", "other.session"),
    ]
    await seed_chunk(store, keys, 0, rows_for(range(0, 2)), logs0)
    await seed_chunk(store, keys, 2, rows_for(range(4, 5)))
    return session_id, keys


async def test_results_while_running_are_the_finished_rows_in_input_order(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id, _ = await running_session(client, store, owner)
    page = (await client.get(f"/api/sessions/{session_id}/results")).json()
    assert page["status"] == "running"
    assert page["partial"] is True
    assert page["total"] == 5
    assert page["available"] == 3
    assert [row["row"] for row in page["rows"]] == [0, 1, 4]
    assert page["rows"][0]["Company_Name"] == "Capcom"
    assert page["columns"][:2] == ["Company", "Website"]
    assert page["columns"][2] == "Company_Name"

    second = (await client.get(f"/api/sessions/{session_id}/results?offset=1&limit=3")).json()
    assert [row["row"] for row in second["rows"]] == [1]
    assert second["next_offset"] == 4


async def test_results_of_a_session_not_started_are_empty(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client, CSV)
    page = (await client.get(f"/api/sessions/{session_id}/results")).json()
    assert (page["rows"], page["total"], page["status"]) == ([], 5, "created")


async def test_partial_downloads_are_built_from_the_chunks_so_far(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id, _ = await running_session(client, store, owner)
    url = f"/api/sessions/{session_id}/results"
    as_csv = await client.get(url, params={"format": "csv"})
    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    assert as_csv.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert [r["Company_Name"] for r in table] == ["Capcom", "Krafton", "Atlus"]

    as_json = orjson.loads((await client.get(url, params={"format": "json"})).content)
    assert [r["Company_Name"] for r in as_json] == ["Capcom", "Krafton", "Atlus"]

    as_xlsx = await client.get(url, params={"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(as_xlsx.content), read_only=True).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[0])
    assert [row[header.index("Company_Name")] for row in values[1:]] == [
        "Capcom",
        "Krafton",
        "Atlus",
    ]


async def test_downloads_of_a_finalized_session_are_the_final_objects(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id, keys = await running_session(client, store, owner)
    await seed_chunk(store, keys, 1, rows_for(range(2, 4)))
    await seed_final(store, keys, SessionStatus.COMPLETED, rows_for(range(5)), ["Company"])
    final_csv = await store.get_bytes(keys.final_results("csv"))
    served = await client.get(f"/api/sessions/{session_id}/results", params={"format": "csv"})
    assert served.content == final_csv
    page = (await client.get(f"/api/sessions/{session_id}/results")).json()
    assert page["partial"] is False
    assert [row["row"] for row in page["rows"]] == [0, 1, 2, 3, 4]


async def test_formula_cells_are_neutralised_in_csv_downloads(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id = await new_session(client, b"Company\n=cmd()\n")
    keys = SessionKeys(owner.tenant, session_id)
    await client.post(f"/api/sessions/{session_id}/start")
    await seed_plan(store, keys, total=1, chunk_size=5)
    await seed_chunk(store, keys, 0, [result_row(0, "=HYPERLINK(1)")])
    body = (await client.get(f"/api/sessions/{session_id}/results?format=csv")).text
    assert "'=HYPERLINK(1)" in body


async def test_logs_hold_only_this_sessions_lines_of_the_asked_type(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id, _ = await running_session(client, store, owner)
    base = f"/api/sessions/{session_id}/logs"
    pipeline = await client.get(f"{base}/pipeline")
    assert pipeline.status_code == 200
    assert pipeline.headers["content-type"].startswith("text/plain")
    assert "row.done" in pipeline.text
    assert "other.session" not in pipeline.text
    assert "hubspot.rate_limited" not in pipeline.text
    errors = (await client.get(f"{base}/errors")).text
    assert "hubspot.rate_limited" in errors
    assert "row.done" not in errors
    assert "hubspot.rate_limited" in (await client.get(f"{base}/hubspot")).text

    unknown = await client.get(f"{base}/debug")
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "unknown_log_type"
    for valid in ("pipeline", "errors", "hubspot"):
        assert valid in unknown.json()["message"]


async def test_logs_of_a_finalized_session_come_from_the_final_objects(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id, keys = await running_session(client, store, owner)
    await seed_final(store, keys, SessionStatus.COMPLETED, rows_for(range(5)), ["Company"])
    text = (await client.get(f"/api/sessions/{session_id}/logs/pipeline")).text
    assert text == "final pipeline log\n"


async def test_archive_holds_input_context_results_logs_and_session(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id, _ = await running_session(client, store, owner)
    response = await client.get(f"/api/sessions/{session_id}/download_archive")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == [
        "context.txt",
        "input/companies.csv",
        "logs/errors.log",
        "logs/hubspot.log",
        "logs/pipeline.log",
        "results.csv",
        "results.json",
        "results.xlsx",
        "session.json",
    ]
    assert archive.read("input/companies.csv") == CSV
    assert orjson.loads(archive.read("session.json"))["session_id"] == session_id
    assert b"row.done" in archive.read("logs/pipeline.log")
    assert len(orjson.loads(archive.read("results.json"))) == 3


async def test_duplicates_are_filled_from_a_first_occurrence_in_another_chunk(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    """Row 4 (chunk 2) repeats row 0's domain (chunk 0): pages and partial downloads show
    row 0's findings under row 4's own name, while the session is still running."""
    session_id = await new_session(client, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=5, chunk_size=2)
    first = result_row(0, "Capcom", Description="Makes games.", LinkedIn_URL="https://li/c")
    await seed_chunk(store, keys, 0, [first, result_row(1, "Krafton")])
    duplicate = ResultRow.model_validate(
        {"row": 4, "original": {"name": "Atlus"}, "Company_Name": "Atlus"}
        | {"Row_Status": RowStatus.DUPLICATE, "duplicate_of": 0}
    )
    await seed_chunk(store, keys, 2, [duplicate])

    page = (await client.get(f"/api/sessions/{session_id}/results?offset=4&limit=1")).json()
    (row,) = page["rows"]
    assert row["Company_Name"] == "Atlus"
    assert row["Row_Status"] == "duplicate"
    assert row["duplicate_of"] == 0
    assert (row["Description"], row["LinkedIn_URL"]) == ("Makes games.", "https://li/c")
    assert row["Official_Website"] == "https://capcom.example"
    assert row["Notes"].startswith("duplicate of row 1")

    download = await client.get(f"/api/sessions/{session_id}/results?format=csv")
    by_row = list(csv.DictReader(io.StringIO(download.text.lstrip("\ufeff"))))
    assert [r["Company_Name"] for r in by_row] == ["Capcom", "Krafton", "Atlus"]
    assert by_row[2]["Description"] == "Makes games."
