"""Sessions seeded as the gateway writes them, and waits on what the workers store."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime

from shared.broker.protocol import Broker
from shared.criteria.model import SessionCriteria
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.messages import StartSession
from shared.models import FinalStatus, SessionOptions, StartRequest
from shared.results import decode_results
from shared.rows import InputRow, ResultRow
from shared.storage.protocol import ObjectStore
from tests.sessions import csv_manifest

COLUMNS = ["Company", "Website", "Group"]


def make_rows(count: int, website: Callable[[int], str] | None = None) -> list[InputRow]:
    rows = []
    for n in range(count):
        site = website(n) if website else f"https://www.company{n}.com/en"
        original = {"Company": f"Company {n}", "Website": site, "Group": f"g{n % 7}"}
        rows.append(InputRow(row=n, name=f"Company {n}", website=site or None, original=original))
    return rows


async def seed_session(
    store: ObjectStore,
    tenant: str,
    session_id: str,
    rows: list[InputRow],
    options: SessionOptions | None = None,
    criteria: SessionCriteria | None = None,
) -> SessionKeys:
    """Write manifest, rows and start marker exactly as the gateway does; with `criteria`,
    the session's criteria snapshot too."""
    keys = SessionKeys(tenant, session_id)
    data = b"".join(row.model_dump_json().encode() + b"\n" for row in rows)
    await store.put_bytes(keys.input_file("input.csv"), b"Company,Website,Group\n", "text/csv")
    await store.put_bytes(keys.rows, data, "application/jsonl")
    await store.put_bytes(keys.context, b"", "text/plain")
    if criteria is not None:
        await store.put_model(keys.criteria, criteria)
    manifest = csv_manifest(
        keys, "input.csv", COLUMNS, len(rows), website_column="Website", size_bytes=len(data)
    )
    if options is not None:
        manifest = manifest.model_copy(update={"options": options})
    await store.put_model(keys.manifest, manifest)
    await store.put_model(keys.start_marker, StartRequest(requested_at=datetime.now(UTC)))
    return keys


async def start_session(
    store: ObjectStore, broker: Broker, tenant: str, session_id: str, rows: list[InputRow]
) -> SessionKeys:
    keys = await seed_session(store, tenant, session_id, rows)
    await broker.publish_start(StartSession(tenant=tenant, session_id=session_id))
    return keys


async def wait_until(
    condition: Callable[[], object], timeout: float, what: str, interval: float = 0.2
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        await asyncio.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


async def wait_final(
    store: ObjectStore, keys: SessionKeys, timeout: float, interval: float = 0.2
) -> FinalStatus:
    await wait_until(lambda: store.exists(keys.final_status), timeout, "the final status", interval)
    return await store.get_model(keys.final_status, FinalStatus)


async def stored_results(store: ObjectStore, keys: SessionKeys) -> list[ResultRow]:
    results: list[ResultRow] = []
    for info in await store.list_objects(keys.chunk_results_prefix):
        results.extend(decode_results(await store.get_bytes(info.key)))
    return results


class Engine:
    """One tenant's sessions on the engine under test: seeded and started as the gateway
    does it, then watched through the objects the workers store."""

    # How often waits re-read storage; a store in memory answers at once.
    poll_s = 0.2

    def __init__(self, store: ObjectStore, broker: Broker, tenant: str) -> None:
        self.store = store
        self.broker = broker
        self.tenant = tenant

    async def seed(
        self,
        rows: list[InputRow],
        session_id: str | None = None,
        options: SessionOptions | None = None,
        criteria: SessionCriteria | None = None,
    ) -> SessionKeys:
        """Stored and marked started, but no start command sent yet."""
        session_id = session_id or new_session_id()
        return await seed_session(self.store, self.tenant, session_id, rows, options, criteria)

    async def start(self, rows: list[InputRow], session_id: str | None = None) -> SessionKeys:
        session_id = session_id or new_session_id()
        return await start_session(self.store, self.broker, self.tenant, session_id, rows)

    async def send_start(self, keys: SessionKeys) -> None:
        await self.broker.publish_start(
            StartSession(tenant=keys.tenant, session_id=keys.session_id)
        )

    async def final(self, keys: SessionKeys, timeout: float) -> FinalStatus:
        return await wait_final(self.store, keys, timeout, self.poll_s)

    async def results(self, keys: SessionKeys) -> list[ResultRow]:
        return await stored_results(self.store, keys)

    async def results_by_row(self, keys: SessionKeys) -> dict[int, ResultRow]:
        return {result.row: result for result in await self.results(keys)}

    async def has_done_chunks(self, keys: SessionKeys, count: int) -> bool:
        return len(await self.store.list_objects(keys.chunk_done_prefix)) >= count
