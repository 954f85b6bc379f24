"""Steps the route tests share: sessions and criteria files made through the API, and what
the gateway published as another process on its bus receives it."""

from __future__ import annotations

import asyncio
import uuid

import httpx

from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.broker.protocol import Delivery
from shared.lifecycle import SessionStatus
from shared.messages import (
    CancelSession,
    EndSession,
    Message,
    SessionStatusChanged,
    StartSession,
    parse_command,
    parse_event,
)
from tests.gateway.conftest import upload

CSV = b"Company,Website\nCapcom,capcom.com\nKrafton,krafton.com\nSega,sega.com\n"
WAIT = 10.0
CRITERIA_HEADER = "Product,Target Audience,Criteria Type,Criteria,Place,Search Query,Signals\n"
CRITERIA_CSV = (
    CRITERIA_HEADER + "CDN,,General,Serves video,website,,\n"
    ",Studios,Qualification,Makes games,website,,\n"
    ",,Mandatory,Runs servers,search,site:{website} servers,servers\n"
    ",Broadcasters,Qualification,Broadcasts TV,website,,\n"
    ",,NTH,Has an app,website,,app\n"
).encode()


async def send_criteria(
    http: httpx.AsyncClient,
    content: bytes,
    filename: str = "cdn.csv",
    method: str = "POST",
    path: str = "/api/criteria",
    **fields: str,
) -> httpx.Response:
    """Upload (or with PUT, replace) a criteria file."""
    files = {"file": (filename, content, "application/octet-stream")}
    return await http.request(method, path, files=files, data=fields)


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


class Listener:
    """A process on the gateway's bus, subscribed as every worker (control) and the
    notifier (events) are; broadcasts sent before it entered are not seen."""

    def __init__(self, bus: MemoryBus) -> None:
        self._bus = bus
        self._broker = MemoryBroker(bus)
        self._control: asyncio.Queue[bytes] = asyncio.Queue()
        self._events: asyncio.Queue[tuple[bytes, str]] = asyncio.Queue()
        # Sent by the listener itself after everything it asks about: once it arrives,
        # every broadcast published before it has arrived too.
        self._mark = uuid.uuid4().hex

    async def __aenter__(self) -> Listener:
        await self._broker.connect()
        await self._broker.consume_control(self._on_control)
        await self._broker.consume_events(self._on_event)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._broker.close()

    async def _on_control(self, body: bytes) -> None:
        await self._control.put(body)

    async def _on_event(self, body: bytes, routing_key: str) -> None:
        await self._events.put((body, routing_key))

    def waiting_commands(self) -> int:
        return self._bus.depth(self._bus.topology.commands_queue)

    async def take_commands(self) -> list[StartSession | CancelSession | EndSession]:
        """Every command waiting in the commands queue, taken off it as a worker would."""
        waiting = self.waiting_commands()
        if waiting == 0:
            return []
        inbox: asyncio.Queue[Delivery] = asyncio.Queue()
        queue = self._bus.topology.commands_queue
        subscription = await self._broker.consume_work(queue, inbox.put, prefetch=waiting)
        deliveries = [await asyncio.wait_for(inbox.get(), WAIT) for _ in range(waiting)]
        await subscription.cancel()
        commands: list[StartSession | CancelSession | EndSession] = []
        for delivery in deliveries:
            await delivery.ack()
            command = parse_command(delivery.body)
            assert isinstance(command, StartSession | CancelSession | EndSession)
            commands.append(command)
        return commands

    async def control(self) -> list[CancelSession]:
        """The control broadcasts received since the last call, in order."""
        await self._broker.publish_cancel(CancelSession(tenant=self._mark, session_id="0" * 32))
        received: list[CancelSession] = []
        while True:
            command = parse_command(await asyncio.wait_for(self._control.get(), WAIT))
            assert isinstance(command, CancelSession)
            if command.tenant == self._mark:
                return received
            received.append(command)

    async def events(self) -> list[tuple[str, Message]]:
        """The events received since the last call, with their routing keys, in order."""
        mark = SessionStatusChanged(
            tenant=self._mark, session_id="0" * 32, status=SessionStatus.CREATED
        )
        await self._broker.publish_event(mark)
        received: list[tuple[str, Message]] = []
        while True:
            body, routing_key = await asyncio.wait_for(self._events.get(), WAIT)
            event = parse_event(body)
            if event.tenant == self._mark:
                return received
            received.append((routing_key, event))
