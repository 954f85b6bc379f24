"""`python -m gateway`: build settings, open adapters, serve HTTP until told to stop."""

from __future__ import annotations

import asyncio

import structlog
import uvicorn

from gateway.app import create_app
from gateway.settings import GatewaySettings
from shared.broker import Broker
from shared.logging import configure_logging
from shared.storage import store_from_settings


async def main() -> None:
    settings = GatewaySettings()
    configure_logging("gateway", settings.log_level, settings.log_format)
    log = structlog.get_logger()
    if len(settings.load_api_keys()) == 0:
        log.warning("auth.disabled", reason="no API keys configured; every caller is 'default'")
    store = store_from_settings(settings)
    broker = Broker(settings.amqp_url.get_secret_value(), settings.topology)
    app = create_app(settings, store, broker)
    config = uvicorn.Config(
        app,
        host=settings.gateway_host,
        port=settings.gateway_port,
        log_config=None,
        access_log=False,
        lifespan="on",
    )
    server = uvicorn.Server(config)
    log.info("gateway.starting", host=settings.gateway_host, port=settings.gateway_port)
    try:
        # uvicorn installs SIGTERM/SIGINT handlers and drains requests before returning.
        await server.serve()
    finally:
        store.close()
        log.info("gateway.stopped")


if __name__ == "__main__":
    asyncio.run(main())
