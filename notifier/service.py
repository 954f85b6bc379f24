"""Run the notifier on given adapters until `stop` is set: consumer, hub, HTTP server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator

import structlog
import uvicorn

from notifier.app import Readiness, create_app
from notifier.consumer import EventConsumer
from notifier.endpoint import WebSocketEndpoint
from notifier.hub import Hub
from notifier.metrics import Metrics, registry_for
from notifier.protocol import CLOSE_GOING_AWAY
from notifier.settings import NotifierSettings
from shared.auth import ApiKeys
from shared.broker.protocol import Broker
from shared.status import SessionStateReader
from shared.storage.protocol import ObjectStore

log = structlog.get_logger(__name__)
SWEEP_INTERVAL = 60.0


class _Server(uvicorn.Server):
    # The composition root owns signals; uvicorn must not replace its handlers.
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


async def run_notifier(
    settings: NotifierSettings,
    store: ObjectStore,
    broker: Broker,
    keys: ApiKeys,
    stop: asyncio.Event,
) -> None:
    keys.refuse_open_access(settings.environment)
    keys.log_open_access(settings.environment)
    # uvicorn logs the request path with its query string, which may carry a token.
    logging.getLogger("uvicorn.error").setLevel(logging.WARNING)
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    metrics = Metrics()
    hub = Hub(
        SessionStateReader(store),
        metrics,
        snapshot_max_age=settings.notifier_snapshot_max_age,
        session_ttl=settings.notifier_session_ttl,
    )
    consumer = EventConsumer(broker, hub, metrics)
    app = create_app(
        WebSocketEndpoint(hub, keys, settings, metrics),
        Readiness(consumer, store),
        registry_for(metrics, hub.occupancy),
    )
    server = _Server(
        uvicorn.Config(
            app,
            host=settings.notifier_host,
            port=settings.notifier_port,
            log_config=None,
            access_log=False,
            lifespan="off",
            server_header=False,
            proxy_headers=False,
            ws_max_size=settings.notifier_max_message_bytes,
            # Deflate runs per connection: fanning one event out to N clients would
            # compress it N times.
            ws_per_message_deflate=False,
            ws_ping_interval=settings.notifier_heartbeat_interval,
            ws_ping_timeout=settings.notifier_heartbeat_interval,
            timeout_graceful_shutdown=5,
        )
    )
    background = [
        asyncio.create_task(consumer.run()),
        asyncio.create_task(_sweep(hub)),
        asyncio.create_task(_recheck(hub, settings.notifier_recheck_interval)),
    ]
    serving = asyncio.create_task(server.serve())
    log.info("notifier.started", host=settings.notifier_host, port=settings.notifier_port)
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
    for connection in list(hub.connections):
        connection.close(CLOSE_GOING_AWAY, "server shutting down")
    server.should_exit = True
    for task in (*background, stopping):
        task.cancel()
    await asyncio.gather(serving, *background, stopping, return_exceptions=True)
    log.info("notifier.stopped")


async def _sweep(hub: Hub) -> None:
    while True:
        await asyncio.sleep(SWEEP_INTERVAL)
        forgotten = hub.forget_idle()
        if forgotten:
            log.info("notifier.sessions_forgotten", count=forgotten)


async def _recheck(hub: Hub, interval: float) -> None:
    while True:
        await asyncio.sleep(interval)
        # One bad round (an unreadable record, say) must not end the checks for good.
        try:
            await hub.recheck_quiet(interval)
        except Exception as exc:
            log.error("notifier.recheck_round_failed", error=repr(exc))
