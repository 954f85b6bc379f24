"""The /ws endpoint: authenticate, then read client messages while the writer sends.

Tokens are taken from the `token` query parameter, a `bearer.<token>` subprotocol entry or
a first `{"type": "auth"}` message, and are never logged (the access log is off because it
would print the query string).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

import structlog
from pydantic import ValidationError
from starlette.websockets import WebSocket, WebSocketDisconnect

from notifier import outgoing
from notifier.connection import Connection
from notifier.flood import MessageBudget
from notifier.hub import Hub
from notifier.metrics import Metrics
from notifier.protocol import (
    CLOSE_AT_CAPACITY,
    CLOSE_FLOODING,
    CLOSE_IDLE,
    CLOSE_UNAUTHORIZED,
    CLOSE_UNSUPPORTED_DATA,
    SUBPROTOCOL,
    Auth,
    BadMessage,
    Ping,
    Subscribe,
    Unsubscribe,
    parse_client_message,
    token_from_subprotocols,
)
from notifier.settings import NotifierSettings
from shared.auth import ApiKeys
from shared.errors import NotFound, Retryable

log = structlog.get_logger(__name__)


class WebSocketEndpoint:
    def __init__(
        self, hub: Hub, keys: ApiKeys, settings: NotifierSettings, metrics: Metrics
    ) -> None:
        self._hub = hub
        self._keys = keys
        self._settings = settings
        self._metrics = metrics
        self._anonymous = keys.anonymous_tenant(settings.environment)

    async def handle(self, websocket: WebSocket) -> None:
        offered = list(websocket.scope.get("subprotocols", []))
        await websocket.accept(subprotocol=SUBPROTOCOL if SUBPROTOCOL in offered else None)
        if len(self._hub.connections) >= self._settings.notifier_max_clients:
            self._metrics.connections_rejected += 1
            await self._refuse(websocket, CLOSE_AT_CAPACITY, "at_capacity", "server at capacity")
            return
        tenant = await self._authenticate(websocket, offered)
        if tenant is None:
            self._metrics.auth_failures += 1
            log.info("notifier.auth_failed")
            await self._refuse(websocket, CLOSE_UNAUTHORIZED, "unauthorized", "invalid API key")
            return
        await self._serve(websocket, tenant)

    async def _authenticate(self, websocket: WebSocket, offered: list[str]) -> str | None:
        if self._anonymous is not None:
            return self._anonymous
        token = websocket.query_params.get("token") or token_from_subprotocols(offered)
        if token is None:
            token = await self._token_from_first_message(websocket)
        return self._keys.tenant_for(token)

    async def _token_from_first_message(self, websocket: WebSocket) -> str | None:
        try:
            text = await asyncio.wait_for(
                websocket.receive_text(), self._settings.notifier_auth_timeout
            )
            message = parse_client_message(text)
        except (TimeoutError, BadMessage, WebSocketDisconnect, RuntimeError, KeyError):
            return None
        return message.token if isinstance(message, Auth) else None

    async def _refuse(self, websocket: WebSocket, code: int, error: str, reason: str) -> None:
        with contextlib.suppress(RuntimeError, OSError, WebSocketDisconnect, TimeoutError):
            await websocket.send_text(outgoing.error(error, reason).head)
            await asyncio.wait_for(websocket.close(code, reason), 5)

    async def _serve(self, websocket: WebSocket, tenant: str) -> None:
        settings = self._settings
        connection = Connection(
            tenant,
            websocket,
            capacity=settings.notifier_queue_size,
            send_timeout=settings.notifier_send_timeout,
            metrics=self._metrics,
            snapshots=self._hub.snapshot,
        )
        self._hub.attach(connection)
        self._metrics.connections += 1
        self._metrics.connections_total += 1
        structlog.contextvars.bind_contextvars(tenant=tenant, connection=connection.id)
        started = time.monotonic()
        connection.send(outgoing.hello(settings.notifier_heartbeat_interval, tenant))
        writer = asyncio.create_task(connection.run_writer())
        reader = asyncio.create_task(self._read(websocket, connection))
        tasks = (writer, reader)
        waitables: set[asyncio.Future[Any]] = {writer, reader, connection.closing}
        try:
            await asyncio.wait(waitables, return_when=asyncio.FIRST_COMPLETED)
        finally:
            self._hub.detach(connection)
            self._metrics.connections -= 1
            for task in tasks:
                task.cancel()
            outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        for outcome in outcomes:
            # A peer that went away is normal; anything else is a fault worth a line.
            if isinstance(outcome, Exception) and not isinstance(
                outcome, OSError | WebSocketDisconnect | RuntimeError
            ):
                log.error("notifier.connection_failed", error=repr(outcome))
        code, reason = connection.closing.result() if connection.closing.done() else (0, "")
        peer_code = outcomes[1] if isinstance(outcomes[1], int) else None
        if code:
            with contextlib.suppress(RuntimeError, OSError, WebSocketDisconnect, TimeoutError):
                await asyncio.wait_for(
                    websocket.close(code, reason), settings.notifier_send_timeout
                )
        log.info(
            "notifier.connection_closed",
            code=code or peer_code,
            reason=reason or "client_closed",
            seconds=round(time.monotonic() - started, 3),
        )

    async def _read(self, websocket: WebSocket, connection: Connection) -> int | None:
        """Read until the connection ends; the close code of a peer that left, if any."""
        settings = self._settings
        budget = MessageBudget(settings.notifier_message_rate, settings.notifier_message_burst)
        while True:
            try:
                # asyncio.timeout, unlike wait_for, adds no task per wait: cheaper when
                # thousands of connections sit idle.
                async with asyncio.timeout(self._settings.notifier_idle_timeout):
                    message = await websocket.receive()
            except TimeoutError:
                if connection.sessions or connection.watches_tenant:
                    # A listener may stay silent: WebSocket pings (answered by every
                    # client library and browser) already drop peers that are gone.
                    continue
                self._metrics.idle_disconnects += 1
                connection.close(CLOSE_IDLE, "idle timeout")
                return None
            if message["type"] == "websocket.disconnect":
                # Also how the WebSocket layer reports a frame it refused (1002, 1007, 1009).
                code: int | None = message.get("code")
                return code
            if not budget.spend():
                self._metrics.flood_disconnects += 1
                connection.close(CLOSE_FLOODING, "too many messages")
                return None
            text = message.get("text")
            if text is None:
                self._metrics.bad_messages += 1
                connection.close(CLOSE_UNSUPPORTED_DATA, "send JSON text frames")
                return None
            await self._on_message(connection, text)

    async def _on_message(self, connection: Connection, text: str) -> None:
        try:
            message = parse_client_message(text)
        except BadMessage as exc:
            self._metrics.bad_messages += 1
            connection.send(outgoing.error("bad_message", str(exc)))
            return
        # An `auth` message on an authenticated connection (from a client that always sends
        # one, or to a notifier without keys) changes nothing.
        if isinstance(message, Ping):
            connection.send(outgoing.control({"type": "pong"}))
        elif isinstance(message, Subscribe):
            await self._subscribe(connection, message)
        elif isinstance(message, Unsubscribe):
            self._unsubscribe(connection, message)

    async def _subscribe(self, connection: Connection, message: Subscribe) -> None:
        if message.scope == "tenant":
            self._hub.watch_tenant(connection)
            connection.send(outgoing.control({"type": "subscribed", "scope": "tenant"}))
            return
        session_id = message.session_id or ""
        limit = self._settings.notifier_max_subscriptions
        if session_id not in connection.sessions and len(connection.sessions) >= limit:
            connection.send(
                outgoing.error(
                    "too_many_subscriptions",
                    f"at most {limit} sessions per connection; subscribe to the tenant scope",
                    session_id,
                )
            )
            return
        try:
            await self._hub.subscribe(connection, session_id)
        except NotFound:
            connection.send(outgoing.error("not_found", "no such session", session_id))
        except (Retryable, ValidationError):
            # Unreachable storage, or a stored record this version cannot read.
            self._metrics.storage_errors += 1
            connection.send(
                outgoing.error("unavailable", "session state is unavailable, retry", session_id)
            )

    def _unsubscribe(self, connection: Connection, message: Unsubscribe) -> None:
        if message.scope == "tenant":
            self._hub.unwatch_tenant(connection)
            connection.send(outgoing.control({"type": "unsubscribed", "scope": "tenant"}))
            return
        session_id = message.session_id or ""
        self._hub.unsubscribe(connection, session_id)
        connection.send(outgoing.control({"type": "unsubscribed", "session_id": session_id}))
