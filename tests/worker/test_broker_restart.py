"""The local RabbitMQ restarts mid-session: the session still completes, rows once each.

The broker is a node of this module's own (tests/rabbit_node.py): its application is
stopped for a few seconds (`rabbitmqctl stop_app`) and always started again.
"""

from __future__ import annotations

import pytest

from shared.lifecycle import SessionStatus
from tests.rabbit_node import RabbitNode, rabbitmq_stopped
from tests.slow_site import SlowSite
from tests.worker.conftest import Workers, slow_pipeline_env
from tests.worker.sessions import Engine, make_rows, wait_until

pytestmark = pytest.mark.e2e


@pytest.fixture
def rabbitmq(rabbit_node: RabbitNode) -> str:
    return rabbit_node.url


async def test_session_completes_across_a_broker_restart_without_lost_or_doubled_rows(
    engine: Engine, workers: Workers, slow_site: SlowSite, rabbit_node: RabbitNode
) -> None:
    processes = workers.start(
        2,
        **slow_pipeline_env(slow_site),
        DOSSIER_WORKER_CHUNK_SIZE="40",
        DOSSIER_WORKER_CONCURRENCY="16",
    )
    keys = await engine.start(make_rows(480, lambda n: ""))
    await wait_until(lambda: engine.has_done_chunks(keys, 1), 30, "the first chunk to be stored")

    with rabbitmq_stopped(rabbit_node):
        # Rows keep running while the broker is away; their acks are lost with it.
        await wait_until(lambda: engine.has_done_chunks(keys, 3), 30, "chunks stored meanwhile")

    final = await engine.final(keys, timeout=90)

    assert final.status is SessionStatus.COMPLETED
    assert final.counters.done == 480
    results = await engine.results(keys)
    assert sorted(r.row for r in results) == list(range(480))
    logs = "".join(p.log_text() for p in processes)
    # Chunks kept running through the outage and were stored; only their acks were lost,
    # and their redeliveries were skipped rather than redone.
    assert '"message.settle_failed"' in logs
    assert '"chunk.already_stored"' in logs
