"""Steps the route tests share: sessions made through the API, broker listeners."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aio_pika
import httpx
from aio_pika.abc import AbstractQueue

from gateway.settings import GatewaySettings
from shared.messages import CancelSession, StartSession, parse_command
from tests.gateway.conftest import upload

CSV = b"Company,Website\nCapcom,capcom.com\nKrafton,krafton.com\nSega,sega.com\n"
WAIT = 10.0


async def new_session(http: httpx.AsyncClient, content: bytes = CSV) -> str:
    response = await upload(http, content, "companies.csv")
    assert response.status_code == 201, response.text
    session_id: str = response.json()["session_id"]
    return session_id


async def started_session(http: httpx.AsyncClient) -> str:
    """A session made through the API and queued."""
    session_id = await new_session(http)
    response = await http.post(f"/api/sessions/{session_id}/start")
    assert response.status_code == 202, response.text
    return session_id


@asynccontextmanager
async def commands_queue(settings: GatewaySettings) -> AsyncIterator[AbstractQueue]:
    connection = await aio_pika.connect(settings.amqp_url.get_secret_value())
    async with connection:
        channel = await connection.channel()
        yield await channel.get_queue(settings.topology.commands_queue)


@asynccontextmanager
async def control_listener(settings: GatewaySettings) -> AsyncIterator[AbstractQueue]:
    """An exclusive queue on the control fanout, as each worker has."""
    connection = await aio_pika.connect(settings.amqp_url.get_secret_value())
    async with connection:
        channel = await connection.channel()
        queue = await channel.declare_queue(exclusive=True, auto_delete=True)
        await queue.bind(settings.topology.control_exchange)
        yield queue


async def next_command(queue: AbstractQueue) -> StartSession | CancelSession:
    async with queue.iterator() as messages:
        message = await asyncio.wait_for(anext(messages), WAIT)
        await message.ack()
    command = parse_command(message.body)
    assert isinstance(command, StartSession | CancelSession)
    return command


async def queued_count(queue: AbstractQueue) -> int:
    declared = await queue.channel.declare_queue(queue.name, passive=True)
    count = declared.declaration_result.message_count
    return int(count or 0)
