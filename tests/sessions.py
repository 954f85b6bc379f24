"""Session objects put straight into storage as the gateway and the planner write them."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.layout import SessionKeys
from shared.models import InputSummary, Plan, SessionManifest, SessionOptions
from shared.storage.protocol import ObjectStore


def csv_manifest(
    keys: SessionKeys,
    filename: str,
    columns: list[str],
    rows: int,
    *,
    website_column: str | None = None,
    size_bytes: int = 1,
    created_at: datetime | None = None,
) -> SessionManifest:
    """The manifest of an uploaded CSV with a header row; names are in the first column."""
    return SessionManifest(
        session_id=keys.session_id,
        tenant=keys.tenant,
        created_at=created_at or datetime.now(UTC),
        options=SessionOptions(),
        input=InputSummary(
            filename=filename,
            format="csv",
            size_bytes=size_bytes,
            has_header=True,
            columns=columns,
            name_column=columns[0],
            website_column=website_column,
            rows=rows,
        ),
        input_key=keys.input_file(filename),
    )


async def seed_plan(store: ObjectStore, keys: SessionKeys, total: int, chunk_size: int) -> Plan:
    plan = Plan(
        session_id=keys.session_id,
        total_rows=total,
        chunk_size=chunk_size,
        chunk_count=-(-total // chunk_size),
        planned_at=datetime.now(UTC),
    )
    await store.put_model(keys.plan, plan)
    return plan
