"""Opening a robust RabbitMQ connection with a publisher-confirms channel."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aio_pika
from aio_pika.abc import AbstractRobustChannel, AbstractRobustConnection
from aio_pika.connection import make_url


async def open_confirmed(
    url: str,
    timeout: float,
    prepare: Callable[[AbstractRobustChannel], Awaitable[None]] | None = None,
) -> tuple[AbstractRobustConnection, AbstractRobustChannel]:
    """Connect, open a confirming channel and run `prepare` on it. Services call this again
    and again while the broker is away: a failed attempt closes its connection, or each one
    would leave a live connection object behind."""
    connection = aio_pika.RobustConnection(make_url(url))
    try:
        await connection.connect(timeout=timeout)
        channel = await connection.channel(publisher_confirms=True)
        assert isinstance(channel, AbstractRobustChannel)
        if prepare is not None:
            await prepare(channel)
    except BaseException:
        await connection.close()
        raise
    return connection, channel
