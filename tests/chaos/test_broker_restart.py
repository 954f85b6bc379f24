"""RabbitMQ stops and starts again in the middle of a session: the API keeps serving what
storage holds and says 503 to what needs the broker, and both the dashboard and the
client's watcher follow the session to `completed` with the right count.

The broker is a node of this module's own (tests/rabbit_node.py), so the outage disturbs
nothing else running on the machine; it is started again whatever happens.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from playwright.async_api import Page, WebSocket, expect

from tests.browser.conftest import sign_in
from tests.chaos.live import LiveWatch
from tests.chaos.probe import ApiProbe, server_errors_logged
from tests.chaos.sessions import (
    assert_completed_with_every_row_once,
    create_and_start,
    start,
    upload,
    wait_chunks_done,
)
from tests.chaos.stack import ChaosStack
from tests.rabbit_node import RabbitNode, rabbitmq_stopped
from tests.services import wait_for_port
from tests.worker.sessions import wait_until

pytestmark = pytest.mark.e2e

ROWS = 300
SPARE_ROWS = 10
# How long the broker stays away once the gateway has noticed.
OUTAGE_S = 3


@pytest.fixture
def rabbitmq(rabbit_node: RabbitNode) -> str:
    return rabbit_node.url


@pytest.fixture
def rabbitmq_left_running(rabbit_node: RabbitNode) -> Iterator[RabbitNode]:
    """Starts the broker's application again after the test, even one that timed out in
    the middle of the outage (starting a running application changes nothing)."""
    yield rabbit_node
    rabbit_node.ctl("start_app")
    wait_for_port(rabbit_node.port, 30, "the private RabbitMQ node")


@contextlib.asynccontextmanager
async def rabbitmq_away(node: RabbitNode) -> AsyncIterator[None]:
    """`rabbitmq_stopped`, with the event loop free to poll and drive the browser."""
    outage = rabbitmq_stopped(node)
    await asyncio.to_thread(outage.__enter__)
    try:
        yield
    finally:
        await asyncio.to_thread(outage.__exit__, None, None, None)


def notifier_messages(page: Page) -> list[dict[str, object]]:
    """Every message the page receives from the notifier, from now on."""
    received: list[dict[str, object]] = []

    def on_frame(payload: str | bytes) -> None:
        with contextlib.suppress(ValueError):
            message = json.loads(payload)
            if isinstance(message, dict):
                received.append(message)

    def on_socket(socket: WebSocket) -> None:
        socket.on("framereceived", on_frame)

    page.on("websocket", on_socket)
    return received


@pytest.mark.timeout(180)
async def test_a_broker_restart_mid_session_answers_503_and_the_dashboard_recovers(
    stack: ChaosStack, api: httpx.AsyncClient, page: Page, rabbitmq_left_running: RabbitNode
) -> None:
    spare = await upload(api, SPARE_ROWS)
    session_id = await create_and_start(api, ROWS)
    watch = LiveWatch(stack.ws, stack.key, session_id)
    received = notifier_messages(page)
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{session_id}")
    await expect(page.locator("#session-status")).to_have_text("Running", timeout=30_000)
    await wait_chunks_done(api, session_id, 2)

    session = f"/api/sessions/{session_id}"
    probe = ApiProbe.gets(api, session, "/api/sessions", "/readyz")

    async def start_spare() -> httpx.Response:
        return await api.post(f"/api/sessions/{spare}/start")

    async with probe.running(), rabbitmq_away(rabbitmq_left_running):
        await wait_until(lambda: 503 in probe.seen("GET /readyz"), 30, "the gateway to notice")
        refused = await probe.ask("POST start", start_spare)
        await asyncio.sleep(OUTAGE_S)

    assert refused == 503, probe.summary()
    assert probe.seen(f"GET {session}") == {200}, probe.summary()
    assert probe.seen("GET /api/sessions") == {200}, probe.summary()
    assert not probe.server_errors(), probe.summary()

    await expect(page.locator("#session-status")).to_have_text("Completed", timeout=120_000)
    await expect(page.locator("#stat-done")).to_have_text(f"{ROWS} / {ROWS} (100%)")
    await expect(page.locator("#live-indicator")).to_have_text("Live")
    # The notifier lost its events while the broker was away, and told the page to start
    # again from a fresh snapshot.
    resyncs = [m for m in received if m.get("type") == "resync"]
    assert "events_interrupted" in {m.get("reason") for m in resyncs}, resyncs
    live = await watch.last(timeout=30)
    assert (live.status, live.done, live.total) == ("completed", ROWS, ROWS)
    await assert_completed_with_every_row_once(api, session_id, ROWS, timeout=30)

    await start(api, spare)
    await assert_completed_with_every_row_once(api, spare, SPARE_ROWS, timeout=60)
    assert not server_errors_logged(stack.gateway_log())
