"""A request the server's shutdown cancels is answered 503 `shutting_down` when nothing was
answered yet; one cancelled mid-answer stays cancelled."""

from __future__ import annotations

import asyncio
import json

import pytest
from starlette.types import Message, Receive, Scope, Send

from gateway.shutdown import AnswerCutShort

pytestmark = pytest.mark.unit

SCOPE: Scope = {"type": "http", "method": "POST", "path": "/api/sessions", "headers": []}


async def cancelled_by_shutdown(app: AnswerCutShort, sent: list[Message]) -> asyncio.Task[None]:
    """Run the request until it waits for more of the body, then cancel it as uvicorn does
    at the end of the shutdown grace."""
    waiting = asyncio.Event()

    async def receive() -> Message:
        waiting.set()
        await asyncio.Event().wait()
        raise AssertionError("the body never comes")

    async def send(message: Message) -> None:
        sent.append(message)

    task = asyncio.create_task(app(SCOPE, receive, send))
    await asyncio.wait_for(waiting.wait(), 5)
    task.cancel()
    await asyncio.wait({task}, timeout=5)
    return task


async def test_a_request_cancelled_before_answering_gets_503_shutting_down() -> None:
    async def reading_the_body(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()

    sent: list[Message] = []
    task = await cancelled_by_shutdown(AnswerCutShort(reading_the_body), sent)

    assert not task.cancelled()
    start, body = sent
    assert start["status"] == 503
    assert (b"retry-after", b"5") in start["headers"]
    assert json.loads(body["body"])["code"] == "shutting_down"


async def test_a_request_cancelled_after_its_answer_started_stays_cancelled() -> None:
    async def answering_slowly(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await receive()

    sent: list[Message] = []
    task = await cancelled_by_shutdown(AnswerCutShort(answering_slowly), sent)

    assert task.cancelled()
    assert [message["status"] for message in sent] == [200]
