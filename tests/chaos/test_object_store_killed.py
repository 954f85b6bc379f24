"""The object store is killed (SIGKILL) in the middle of a session and started again over
the same data at the same address: the API says 503 meanwhile, and the session then
completes with every row exactly once."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.chaos.live import LiveWatch
from tests.chaos.probe import ApiProbe, server_errors_logged
from tests.chaos.sessions import (
    assert_completed_with_every_row_once,
    companies_csv,
    create_and_start,
    wait_chunks_done,
)
from tests.chaos.stack import ChaosStack

pytestmark = pytest.mark.e2e

ROWS = 300
# Longer than a chunk's five retries take at the default back-off (about 20 s), so the
# outage would dead-letter chunks were the retries not held until the store is back.
OUTAGE_S = 25


@pytest.mark.timeout(180)
async def test_an_object_store_restart_mid_session_answers_503_and_loses_no_row(
    stack: ChaosStack, api: httpx.AsyncClient
) -> None:
    session_id = await create_and_start(api, ROWS)
    watch = LiveWatch(stack.ws, stack.key, session_id)
    await wait_chunks_done(api, session_id, 2)

    async def upload() -> httpx.Response:
        files = {"file": ("more.csv", companies_csv(5), "text/csv")}
        return await api.post("/api/sessions", files=files)

    session = f"/api/sessions/{session_id}"
    probe = ApiProbe.gets(api, session, f"{session}/results", "/api/sessions", "/readyz")
    async with probe.running():
        stack.object_store.kill()
        await asyncio.sleep(OUTAGE_S)
        refused = await probe.ask("POST /api/sessions", upload)
        stack.object_store.start()

    assert refused == 503
    assert 503 in probe.seen(f"GET {session}"), probe.summary()
    assert 503 in probe.seen("GET /readyz"), probe.summary()
    assert not probe.server_errors(), probe.summary()
    await assert_completed_with_every_row_once(api, session_id, ROWS, timeout=120)
    live = await watch.last(timeout=30)
    assert (live.status, live.done, live.total) == ("completed", ROWS, ROWS)
    assert not server_errors_logged(stack.gateway_log())
    listed = (await api.get("/api/sessions")).json()["items"]
    # The upload refused during the outage left no session behind.
    assert [item["session_id"] for item in listed] == [session_id]
