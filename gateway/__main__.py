"""`python -m gateway`: build settings, open adapters, serve HTTP until told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterator

import structlog
import uvicorn

from gateway.app import create_app
from gateway.settings import GatewaySettings
from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_enrich_client import RabbitEnricher
from shared.budget.rabbit import RabbitBudget
from shared.logging import configure_logging
from shared.storage.s3 import store_from_settings

# How long requests cut short by a shutdown may take to remove what they stored.
CLEANUP_TIMEOUT_S = 10


class _Server(uvicorn.Server):
    """uvicorn re-raises the stop signal after shutdown, which would skip our cleanup;
    the composition root owns the signals instead."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


async def main() -> None:
    settings = GatewaySettings()
    configure_logging("gateway", settings.log_level, settings.log_format)
    log = structlog.get_logger()
    settings.load_api_keys().log_open_access(settings.environment)
    store = store_from_settings(settings)
    amqp_url = settings.amqp_url.get_secret_value()
    broker = RabbitBroker(amqp_url, settings.topology)
    # Per-tenant limits hold across every gateway replica (docs/decisions/0009).
    budget = RabbitBudget(amqp_url, settings.topology, connect_on_use=True)
    config = uvicorn.Config(
        create_app(
            settings,
            store,
            broker,
            enricher=RabbitEnricher(amqp_url, settings.topology),
            budget=budget,
        ),
        host=settings.gateway_host,
        port=settings.gateway_port,
        log_config=None,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=settings.gateway_shutdown_grace_s,
    )
    server = _Server(config)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        # Finish requests in flight (within the grace), run the lifespan's shutdown, return.
        loop.add_signal_handler(sig, lambda: setattr(server, "should_exit", True))
    log.info("gateway.starting", host=settings.gateway_host, port=settings.gateway_port)
    try:
        await server.serve()
    finally:
        # Requests cut short at the end of the grace are still deleting what they stored.
        if server.server_state.tasks:
            await asyncio.wait(set(server.server_state.tasks), timeout=CLEANUP_TIMEOUT_S)
        await budget.close()
        store.close()
        log.info("gateway.stopped")


if __name__ == "__main__":
    asyncio.run(main())
