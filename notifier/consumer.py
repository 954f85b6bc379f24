"""Events from the broker into the hub, through this replica's own exclusive queue.

The connection is robust: after a broker outage it comes back with the queue and the
consumer restored, and the hub resyncs every watched session from storage, since events
published during the outage never reached this replica.
"""

from __future__ import annotations

import asyncio

import structlog
from pydantic import ValidationError

from notifier.hub import Hub
from notifier.metrics import Metrics
from shared.broker.protocol import Broker
from shared.ids import is_session_id, is_tenant
from shared.messages import parse_event

log = structlog.get_logger(__name__)


class EventConsumer:
    def __init__(
        self, broker: Broker, hub: Hub, metrics: Metrics, retry_interval: float = 2.0
    ) -> None:
        self._broker = broker
        self._hub = hub
        self._metrics = metrics
        self._retry_interval = retry_interval
        self._consuming = False
        self._resyncs: set[asyncio.Task[None]] = set()

    @property
    def ready(self) -> bool:
        return self._consuming and self._broker.ready

    async def run(self) -> None:
        """Connect (retrying while the broker is away) and start consuming; then return."""
        while True:
            try:
                await self._broker.connect()
                await self._broker.consume_events(self._handle)
                break
            except Exception as exc:  # any failure to reach the broker means "try again"
                log.warning("notifier.broker_unavailable", error=str(exc))
                await self._broker.close()
                await asyncio.sleep(self._retry_interval)
        self._broker.on_reconnect(self._on_reconnect)
        self._consuming = True
        log.info("notifier.consuming", exchange=self._broker.topology.events_exchange)

    def _on_reconnect(self) -> None:
        log.info("notifier.broker_reconnected")
        task = asyncio.create_task(self._hub.resync("events_interrupted"))
        self._resyncs.add(task)
        task.add_done_callback(self._resyncs.discard)

    async def _handle(self, body: bytes, routing_key: str) -> None:
        try:
            event = parse_event(body)
        except ValidationError as exc:
            self._metrics.events_invalid += 1
            log.warning("notifier.event_invalid", routing_key=routing_key, errors=exc.error_count())
            return
        # Tenant and session id become storage keys when a snapshot is read.
        if not (is_tenant(event.tenant) and is_session_id(event.session_id)):
            self._metrics.events_invalid += 1
            log.warning("notifier.event_invalid", routing_key=routing_key, errors=1)
            return
        self._metrics.events_in += 1
        self._hub.dispatch(event, body.decode())
