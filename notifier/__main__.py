"""`python -m notifier`: the composition root of the WebSocket notifier."""

from __future__ import annotations

import asyncio
import contextlib
import signal

from notifier.service import run_notifier
from notifier.settings import NotifierSettings
from shared.broker.rabbit import RabbitBroker
from shared.logging import configure_logging
from shared.storage.s3 import store_from_settings


async def _main(settings: NotifierSettings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with contextlib.AsyncExitStack() as stack:
        store = store_from_settings(settings)
        stack.callback(store.close)
        broker = RabbitBroker(settings.amqp_url.get_secret_value(), settings.topology)
        stack.push_async_callback(broker.close)
        await run_notifier(settings, store, broker, settings.load_api_keys(), stop)


def main() -> None:
    settings = NotifierSettings()
    configure_logging("notifier", settings.log_level, settings.log_format)
    asyncio.run(_main(settings))


if __name__ == "__main__":
    main()
