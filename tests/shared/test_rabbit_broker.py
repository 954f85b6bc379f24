"""What only the RabbitMQ adapter has to get right: its connections."""

from __future__ import annotations

import gc
import uuid

import aio_pika
import pytest
from aio_pika import RobustConnection
from aiormq.exceptions import ChannelPreconditionFailed

from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.settings import CommonSettings
from shared.topology import Topology
from tests.services import free_port

pytestmark = pytest.mark.integration


def open_connections() -> list[RobustConnection]:
    gc.collect()
    return [
        obj for obj in gc.get_objects() if isinstance(obj, RobustConnection) and not obj.is_closed
    ]


async def test_failed_connection_attempts_leave_no_open_connection_behind(
    broker: RabbitBroker, common_settings: CommonSettings
) -> None:
    before = len(open_connections())
    nowhere = RabbitBroker(f"amqp://guest:guest@127.0.0.1:{free_port()}/", broker.topology)
    for _ in range(3):
        with pytest.raises(ConnectionError):
            await nowhere.connect(timeout=2)
        assert not nowhere.ready
    # Connected, then refused while declaring: a queue of that name exists with other
    # arguments (a classic queue where the topology wants a quorum queue).
    url = common_settings.amqp_url.get_secret_value()
    clash = Topology(f"dtest-{uuid.uuid4().hex[:10]}")
    async with await aio_pika.connect(url) as connection:
        channel = await connection.channel()
        await channel.declare_queue(clash.commands_queue, auto_delete=True)
        with pytest.raises(ChannelPreconditionFailed):
            await RabbitBroker(url, clash).connect(timeout=5)
    await delete_topology(url, clash)
    assert len(open_connections()) == before


async def test_connecting_again_replaces_the_previous_connection(
    broker: RabbitBroker, common_settings: CommonSettings
) -> None:
    again = RabbitBroker(common_settings.amqp_url.get_secret_value(), broker.topology)
    await again.connect()
    first = again.connection
    await again.connect()
    assert first.is_closed
    assert again.ready
    await again.close()
