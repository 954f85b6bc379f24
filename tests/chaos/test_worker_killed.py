"""A worker is killed (SIGKILL) in the middle of a session: the other worker takes over
its chunks, and the session completes with every row exactly once."""

from __future__ import annotations

import signal

import httpx
import pytest

from tests.chaos.live import LiveWatch
from tests.chaos.probe import ApiProbe, server_errors_logged
from tests.chaos.sessions import (
    assert_completed_with_every_row_once,
    create_and_start,
    wait_chunks_done,
)
from tests.chaos.stack import ChaosStack

pytestmark = pytest.mark.e2e

ROWS = 300


@pytest.mark.timeout(180)
async def test_a_worker_killed_mid_session_loses_and_doubles_no_row(
    stack: ChaosStack, api: httpx.AsyncClient
) -> None:
    session_id = await create_and_start(api, ROWS)
    watch = LiveWatch(stack.ws, stack.key, session_id)
    await wait_chunks_done(api, session_id, 2)
    busy = [w for w in stack.workers if '"chunk.started"' in w.log_text()]
    assert busy, "no worker has started a chunk"
    victim = busy[0]
    survivor = next(w for w in stack.workers if w is not victim)

    probe = ApiProbe.gets(api, f"/api/sessions/{session_id}", "/api/sessions", "/readyz")
    async with probe.running():
        victim.signal(signal.SIGKILL)
        assert victim.process.wait(10) == -signal.SIGKILL
        await wait_chunks_done(api, session_id, 8)

    await assert_completed_with_every_row_once(api, session_id, ROWS, timeout=120)
    live = await watch.last(timeout=30)
    assert (live.status, live.done, live.total) == ("completed", ROWS, ROWS)
    assert probe.seen(f"GET /api/sessions/{session_id}") == {200}, probe.summary()
    assert not probe.server_errors(), probe.summary()
    assert not server_errors_logged(stack.gateway_log())
    assert '"chunk.finished"' in survivor.log_text()
