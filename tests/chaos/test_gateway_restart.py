"""The gateway restarts while a client is half-way through an upload, stopped as an
orchestrator does (SIGTERM) and killed (SIGKILL): the upload fails cleanly for the client,
nothing of it stays in storage, and the same upload sent again succeeds and runs."""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator

import httpx
import pytest

from shared.layout import SessionKeys, tenant_sessions_prefix
from shared.storage.s3 import MinioStore
from tests.chaos.probe import Answer, ApiProbe, server_errors_logged
from tests.chaos.sessions import (
    assert_completed_with_every_row_once,
    companies_csv,
    create_and_start,
)
from tests.chaos.stack import ChaosStack
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY

pytestmark = pytest.mark.e2e

ROWS = 60
BOUNDARY = "chaos-upload-boundary"
# The gateway reads what the client sent within milliseconds; this leaves room for a
# loaded machine before the restart begins.
READ_S = 1.0


def upload_halves(data: bytes) -> tuple[bytes, bytes]:
    """A multipart form holding `data` as its file, cut in the middle of the file."""
    head = (
        f"--{BOUNDARY}\r\n"
        'Content-Disposition: form-data; name="file"; filename="companies.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()
    middle = len(data) // 2
    return head + data[:middle], data[middle:] + tail


async def upload_across_restart(
    stack: ChaosStack, api: httpx.AsyncClient, stop: signal.Signals
) -> tuple[Answer, int]:
    """Send half an upload, restart the gateway with `stop`, then try to send the rest.
    Returns what the client got and the old gateway's exit code."""
    first, rest = upload_halves(companies_csv(ROWS))
    sent, restarted = asyncio.Event(), asyncio.Event()

    async def body() -> AsyncIterator[bytes]:
        yield first
        sent.set()
        await restarted.wait()
        yield rest

    async def post() -> httpx.Response:
        headers = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
        return await api.post("/api/sessions", content=body(), headers=headers)

    probe = ApiProbe({})
    upload = asyncio.create_task(probe.ask("POST /api/sessions", post))
    try:
        await asyncio.wait_for(sent.wait(), 20)
        await asyncio.sleep(READ_S)
        old = stack.gateway
        old.signal(stop)
        exit_code = await asyncio.to_thread(old.process.wait, 30)
    finally:
        restarted.set()  # so that the upload ends, whatever happened to the gateway
    answer = await asyncio.wait_for(upload, 30)
    await asyncio.to_thread(stack.start_gateway)
    return answer, exit_code


async def stored_keys(stack: ChaosStack) -> list[str]:
    store = MinioStore(
        stack.object_store.endpoint, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, "dossier-chaos"
    )
    try:
        return [info.key for info in await store.list_objects(tenant_sessions_prefix(stack.tenant))]
    finally:
        store.close()


@pytest.mark.timeout(180)
async def test_a_gateway_restart_during_an_upload_fails_it_cleanly_and_a_retry_succeeds(
    stack: ChaosStack, api: httpx.AsyncClient
) -> None:
    probe = ApiProbe.gets(api, "/api/sessions", "/readyz")
    async with probe.running():
        stopped, stopped_code = await upload_across_restart(stack, api, signal.SIGTERM)
        killed, killed_code = await upload_across_restart(stack, api, signal.SIGKILL)

    # Stopped, the gateway answers 503 to the upload it cannot finish, cleans up and exits
    # by itself. The client, still sending, may only see the connection reset that follows
    # (the reset discards the answer it had not read yet).
    assert stopped_code == 0, stack.logs()
    assert stopped == 503 or isinstance(stopped, str), stopped
    posts = [line for line in stack.gateways[0].log_text().splitlines() if '"POST"' in line]
    assert [json.loads(line)["status"] for line in posts] == [503], posts
    assert killed_code == -signal.SIGKILL
    assert isinstance(killed, str), killed  # the connection broke; no answer at all
    assert not probe.server_errors(), probe.summary()
    assert await stored_keys(stack) == [], "the interrupted uploads left objects behind"

    session_id = await create_and_start(api, ROWS)
    await assert_completed_with_every_row_once(api, session_id, ROWS, timeout=90)
    prefix = SessionKeys(stack.tenant, session_id).prefix
    assert all(key.startswith(prefix) for key in await stored_keys(stack))
    listed = (await api.get("/api/sessions")).json()["items"]
    assert [item["session_id"] for item in listed] == [session_id]
    assert not server_errors_logged(stack.gateway_log())
