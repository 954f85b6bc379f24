"""Session objects as the gateway and workers write them, and events as workers publish them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import ChunkProgress, RowsFinished, SessionStatusChanged
from shared.models import ChunkSummary, Counters, FinalStatus, StartRequest
from shared.storage.protocol import ObjectStore
from shared.usage import Usage
from tests.sessions import csv_manifest, seed_plan


def now() -> datetime:
    return datetime.now(UTC)


async def seed_session(
    store: ObjectStore, tenant: str, rows: int = 30, chunk_size: int = 10, *, running: bool = True
) -> SessionKeys:
    """A created session; started and planned (running) unless `running` is False."""
    keys = SessionKeys(tenant, new_session_id())
    columns = ["name", "website"]
    manifest = csv_manifest(
        keys, "companies.csv", columns, rows, website_column="website", size_bytes=40 * rows
    )
    await store.put_model(keys.manifest, manifest)
    if running:
        await store.put_model(keys.start_marker, StartRequest(requested_at=now()))
        await seed_plan(store, keys, rows, chunk_size)
    return keys


async def store_chunk_summary(
    store: ObjectStore, keys: SessionKeys, chunk: int, done: int, usage: Usage | None = None
) -> None:
    summary = ChunkSummary(
        chunk=chunk,
        counters=Counters(total=done, done=done),
        started_at=now(),
        finished_at=now(),
        usage=usage or Usage(),
    )
    await store.put_model(keys.chunk_done(chunk), summary)


async def store_final(store: ObjectStore, keys: SessionKeys, done: int) -> None:
    final = FinalStatus(
        status=SessionStatus.COMPLETED,
        counters=Counters(total=done, done=done),
        finished_at=now(),
    )
    await store.put_model(keys.final_status, final)


def progress(
    keys: SessionKeys,
    chunk: int,
    done: int,
    *,
    finished: bool = False,
    at: datetime | None = None,
    usage: Usage | None = None,
) -> ChunkProgress:
    return ChunkProgress(
        tenant=keys.tenant,
        session_id=keys.session_id,
        chunk=chunk,
        counters=Counters(total=10, done=done),
        at=at or now(),
        finished=finished,
        usage=usage,
    )


def status(keys: SessionKeys, value: SessionStatus, **fields: object) -> SessionStatusChanged:
    return SessionStatusChanged.model_validate(
        {"tenant": keys.tenant, "session_id": keys.session_id, "status": value, **fields}
    )


def rows(keys: SessionKeys, chunk: int, count: int, padding: int = 0) -> RowsFinished:
    batch = [
        {"row": chunk * 1000 + i, "Company_Name": f"Company {i}", "note": "x" * padding}
        for i in range(count)
    ]
    return RowsFinished(tenant=keys.tenant, session_id=keys.session_id, chunk=chunk, rows=batch)


def unique_tenant() -> str:
    return f"t{uuid.uuid4().hex[:10]}"
