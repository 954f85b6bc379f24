"""Cancelling a session stops its rows on every worker within a second."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest

from shared.broker.protocol import Broker
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import CancelSession
from shared.models import CancelRequest
from shared.rows import RowStatus
from shared.storage.protocol import ObjectStore
from tests.slow_site import SlowSite
from tests.worker.conftest import Workers, slow_pipeline_env
from tests.worker.sessions import Engine, make_rows, wait_until

pytestmark = pytest.mark.e2e


async def cancel(store: ObjectStore, broker: Broker, keys: SessionKeys) -> datetime:
    """As the gateway does it: the marker first, then the control message."""
    at = datetime.now(UTC)
    await store.put_model(keys.cancel_marker, CancelRequest(requested_at=at))
    await broker.publish_cancel(CancelSession(tenant=keys.tenant, session_id=keys.session_id))
    return at


async def row_starts(store: ObjectStore, keys: SessionKeys) -> list[datetime]:
    starts = []
    for info in await store.list_objects(keys.prefix + "chunks/logs/"):
        for line in (await store.get_bytes(info.key)).splitlines():
            record = orjson.loads(line)
            if record.get("event") == "row.started":
                assert record["session_id"] == keys.session_id
                starts.append(datetime.fromisoformat(record["timestamp"]))
    return starts


async def test_cancel_stops_rows_on_every_worker_within_one_second(
    engine: Engine, workers: Workers, slow_site: SlowSite
) -> None:
    workers.start(
        2,
        **slow_pipeline_env(slow_site),
        DOSSIER_WORKER_CHUNK_SIZE="20",
        DOSSIER_WORKER_CONCURRENCY="8",
        DOSSIER_WORKER_CANCEL_POLL_S="5",  # the control message alone must be fast enough
    )
    big = await engine.start(make_rows(400, lambda n: ""))
    await wait_until(
        lambda: engine.has_done_chunks(big, 2), 30, "the first chunks of the session to finish"
    )

    cancelled_at = await cancel(engine.store, engine.broker, big)
    other = await engine.start(make_rows(60, lambda n: ""))

    final = await engine.final(big, timeout=60)
    other_final = await engine.final(other, timeout=60)

    assert final.status is SessionStatus.CANCELLED
    assert other_final.status is SessionStatus.COMPLETED
    assert other_final.counters.done == 60
    starts = await row_starts(engine.store, big)
    assert starts
    latest = max(starts)
    assert latest <= cancelled_at + timedelta(seconds=1), latest - cancelled_at
    results = await engine.results(big)
    assert sorted(r.row for r in results) == list(range(400))
    statuses = {r.row_status for r in results}
    assert {RowStatus.OK, RowStatus.CANCELLED} <= statuses
    finished = sum(r.row_status is RowStatus.OK for r in results)
    assert final.counters.done == finished < 400
