"""Objects a worker would write, put straight into storage with the shared models."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import orjson

from shared.export_layout import ExportLayout
from shared.exports import stream_csv, stream_json
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import ChunkSummary, Counters, FinalStatus
from shared.rows import ResultRow, RowStatus
from shared.storage.protocol import ObjectStore


def now() -> datetime:
    return datetime.now(UTC)


def result_row(row: int, name: str, **extra: object) -> ResultRow:
    return ResultRow.model_validate(
        {
            "row": row,
            "original": {"name": name},
            "Company_Name": name,
            "Official_Website": f"https://{name.lower()}.example",
            "Row_Status": RowStatus.OK,
            **extra,
        }
    )


def one_in_review() -> list[ResultRow]:
    """A chunk's rows: one waiting for a person to choose its website, one done."""
    return [
        result_row(
            0,
            "Acme",
            Official_Website="",
            Row_Status=RowStatus.NEEDS_REVIEW,
            Review_Candidates="website: https://acme.example/ (0.7; title matches)",
        ),
        result_row(1, "Globex"),
    ]


async def seed_chunk(
    store: ObjectStore,
    keys: SessionKeys,
    chunk: int,
    rows: list[ResultRow],
    logs: list[dict[str, object]] | None = None,
) -> None:
    body = b"".join(row.model_dump_json(by_alias=True).encode() + b"\n" for row in rows)
    await store.put_bytes(keys.chunk_results(chunk), body)
    lines = b"".join(orjson.dumps(line) + b"\n" for line in logs or [])
    await store.put_bytes(keys.chunk_logs(chunk), lines)
    summary = ChunkSummary(
        chunk=chunk,
        counters=Counters(total=len(rows), done=len(rows)),
        started_at=now(),
        finished_at=now(),
    )
    await store.put_model(keys.chunk_done(chunk), summary)


async def seed_final(
    store: ObjectStore,
    keys: SessionKeys,
    status: SessionStatus,
    rows: list[ResultRow],
    columns: list[str],
) -> None:
    layout = ExportLayout(columns)

    async def batches() -> AsyncIterator[list[ResultRow]]:
        yield rows

    csv_data = b"".join([chunk async for chunk in stream_csv(layout, batches())])
    await store.put_bytes(keys.final_results("csv"), csv_data)
    json_data = b"".join([chunk async for chunk in stream_json(layout, batches())])
    await store.put_bytes(keys.final_results("json"), json_data)
    await store.put_bytes(keys.final_log("pipeline"), b"final pipeline log\n")
    final = FinalStatus(
        status=status,
        counters=Counters(total=len(rows), done=len(rows)),
        finished_at=now(),
        outputs=["csv", "json"],
    )
    await store.put_model(keys.final_status, final)
