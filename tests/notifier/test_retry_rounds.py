"""A retry round of a finished session, followed live through RabbitMQ and the WebSocket:
watchers see it running again, its figures, and its end; a reconnecting client resumes
within the round; late events of the earlier run reach nobody."""

from __future__ import annotations

from typing import Any

import pytest

from shared.broker.protocol import Broker
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.messages import ChunkProgress
from shared.models import ChunkSummary, Counters, FinalStatus
from shared.retry import RetryPlan, RetryRequest
from shared.storage.s3 import MinioStore
from tests.notifier.client import Client
from tests.notifier.conftest import Notifier
from tests.notifier.seed import now, seed_session, status

pytestmark = pytest.mark.integration

# Chunk 1 had 4 failed rows in the first run; the retry finds 3 of them.
FIRST = {0: Counters(total=10, done=10), 1: Counters(total=10, done=10, failed=4)}
FIRST[2] = FIRST[0]


async def _store_summary(
    store: MinioStore, keys: SessionKeys, chunk: int, counters: Counters
) -> None:
    summary = ChunkSummary(chunk=chunk, counters=counters, started_at=now(), finished_at=now())
    await store.put_model(keys.chunk_done(chunk), summary)


async def _finished_session(store: MinioStore, tenant: str) -> SessionKeys:
    keys = await seed_session(store, tenant, rows=30, chunk_size=10)
    for chunk, counters in FIRST.items():
        await _store_summary(store, keys, chunk, counters)
    total = Counters(total=30, done=30, failed=4)
    final = FinalStatus(status=SessionStatus.COMPLETED, counters=total, finished_at=now())
    await store.put_model(keys.final_status, final)
    return keys


def _round_progress(keys: SessionKeys, counters: Counters, *, finished: bool = False) -> Any:
    return ChunkProgress(
        tenant=keys.tenant,
        session_id=keys.session_id,
        chunk=1,
        counters=counters,
        finished=finished,
        round=1,
    )


async def _next_event(client: Client) -> dict[str, Any]:
    message = await client.recv()
    while message["type"] != "event":
        message = await client.recv()
    return message


async def test_a_retry_round_is_followed_live_and_a_reconnect_resumes_within_it(
    notifier: Notifier, publisher: Broker, module_store: MinioStore
) -> None:
    tenant, key = notifier.take_tenant()
    keys = await _finished_session(module_store, tenant)
    async with await Client.open(notifier.url, key) as watcher:
        first = await watcher.subscribe(keys.session_id)
        assert (first["state"]["status"], first["state"]["finalized"]) == ("completed", True)
        # The notifier heard the first run end, as it would have live.
        ended = status(keys, SessionStatus.COMPLETED, counters=Counters(total=30, done=30))
        await publisher.publish_event(ended)
        assert (await watcher.recv())["progress"]["status"] == "completed"

        # The gateway accepts a retry: its request is stored, then announced.
        request = RetryRequest(round=1, statuses=["failed"], requested_at=now())
        await module_store.put_model(keys.retry_request(1), request)
        await publisher.publish_event(status(keys, SessionStatus.QUEUED, round=1))
        reopened = await watcher.recv()
        assert reopened["type"] == "snapshot"
        assert reopened["state"]["status"] == "queued"
        assert (reopened["state"]["retry_round"], reopened["state"]["finalized"]) == (1, False)
        assert reopened["state"]["counters"]["done"] == 30

        # A worker plans the round (one chunk) and runs it.
        plan = RetryPlan(round=1, chunks=[1], rows=4, planned_at=now())
        await module_store.put_model(keys.in_round(1).plan, plan)
        running = status(keys, SessionStatus.RUNNING, round=1, chunk_count=1, total_rows=30)
        await publisher.publish_event(running)
        event = await _next_event(watcher)
        assert event["event"]["round"] == 1
        assert event["progress"]["status"] == "running"
        assert (event["progress"]["chunk_count"], event["progress"]["chunks_done"]) == (1, 0)
        assert event["progress"]["retry_round"] == 1

        await publisher.publish_event(_round_progress(keys, Counters(done=10, failed=2)))
        event = await _next_event(watcher)
        assert event["progress"]["counters"]["failed"] == 2  # 4 before, 2 found so far
        assert event["progress"]["counters"]["done"] == 30

        # A late report of the first run's chunk 1 changes nothing and reaches nobody.
        late = ChunkProgress(
            tenant=tenant,
            session_id=keys.session_id,
            chunk=1,
            counters=Counters(done=10, failed=4),
            finished=True,
        )
        await publisher.publish_event(late)

        # A client that (re)connects now resumes within the round.
        async with await Client.open(notifier.url, key) as rejoined:
            snapshot = await rejoined.subscribe(keys.session_id)
            state = snapshot["state"]
            assert (state["status"], state["retry_round"], state["finalized"]) == (
                "running",
                1,
                False,
            )
            assert (state["counters"]["failed"], state["counters"]["done"]) == (2, 30)
            assert (state["chunk_count"], state["chunks_done"]) == (1, 0)

            # The round's chunk is stored, then the round finalized.
            counters = Counters(total=10, done=10, failed=1)
            await _store_summary(module_store, keys.in_round(1), 1, counters)
            await publisher.publish_event(_round_progress(keys, counters, finished=True))
            for client in (watcher, rejoined):
                event = await _next_event(client)
                assert event["event"]["kind"] == "chunk.progress", event
                assert event["event"]["round"] == 1  # not the late report of the first run
                assert event["progress"]["chunks_done"] == 1
                assert event["progress"]["counters"]["failed"] == 1

            total = Counters(total=30, done=30, failed=1)
            final = FinalStatus(
                status=SessionStatus.COMPLETED, counters=total, finished_at=now(), retry_round=1
            )
            await module_store.put_model(keys.final_status, final)
            done = status(keys, SessionStatus.COMPLETED, round=1, counters=total, total_rows=30)
            await publisher.publish_event(done)
            for client in (watcher, rejoined):
                event = await _next_event(client)
                assert (event["event"]["kind"], event["event"]["round"]) == ("session.status", 1)
                assert event["progress"]["status"] == "completed"
                assert event["progress"]["counters"]["failed"] == 1

        # Once the round is over, a new subscriber sees it finished.
        async with await Client.open(notifier.url, key) as later:
            state = (await later.subscribe(keys.session_id))["state"]
            assert (state["status"], state["retry_round"], state["finalized"]) == (
                "completed",
                1,
                True,
            )
            assert state["counters"]["failed"] == 1
    assert notifier.metrics()["stale_round_events"] >= 1
