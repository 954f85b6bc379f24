"""Declaring `shared.topology` on RabbitMQ (and removing it, for tests' unique prefixes)."""

from __future__ import annotations

import aio_pika
from aio_pika.abc import AbstractRobustChannel

from shared.topology import BudgetQueueSpec, RequestQueueSpec, Topology, WorkQueueSpec


def queue_arguments(spec: WorkQueueSpec) -> dict[str, object]:
    arguments: dict[str, object] = {"x-queue-type": "quorum"}
    if spec.delivery_limit is not None:
        arguments["x-delivery-limit"] = spec.delivery_limit
    if spec.dead_letter_exchange is not None:
        arguments["x-dead-letter-exchange"] = spec.dead_letter_exchange
    return arguments


def budget_queue_arguments(spec: BudgetQueueSpec) -> dict[str, object]:
    """A classic queue, named explicitly: a vhost or node whose default queue type is quorum
    would otherwise make it one, and a quorum queue lets publishes in flight overshoot its
    `reject-publish` limit (docs/decisions/0008-deployment-budgets-as-bounded-queues.md).
    """
    return {
        "x-queue-type": "classic",
        "x-max-length": spec.max_length,
        "x-overflow": "reject-publish",
        "x-message-ttl": spec.message_ttl_ms,
        "x-expires": spec.expires_ms,
    }


def request_queue_arguments(_: RequestQueueSpec) -> dict[str, object]:
    # Classic, named explicitly: per-message expiry must drop a request nobody awaits.
    return {"x-queue-type": "classic"}


async def declare_request_queue(channel: AbstractRobustChannel, spec: RequestQueueSpec) -> None:
    """Declared by its callers and its consumers alike, whichever comes first."""
    await channel.declare_queue(spec.name, durable=True, arguments=request_queue_arguments(spec))


async def declare_topology(channel: AbstractRobustChannel, topology: Topology) -> None:
    """Declare every exchange, queue and binding; safe to run from every process."""
    for exchange in topology.exchanges:
        await channel.declare_exchange(
            exchange.name, aio_pika.ExchangeType(exchange.kind.value), durable=True
        )
    for queue in topology.work_queues:
        await channel.declare_queue(queue.name, durable=True, arguments=queue_arguments(queue))
    for binding in topology.bindings:
        declared = await channel.get_queue(binding.queue)
        await declared.bind(binding.exchange, routing_key=binding.routing_key)


async def delete_topology(url: str, topology: Topology) -> None:
    """Remove what `declare_topology` made (tests clean up their unique prefixes)."""
    connection = await aio_pika.connect(url)
    async with connection:
        channel = await connection.channel()
        for queue in topology.work_queues:
            await channel.queue_delete(queue.name)
        await channel.queue_delete(topology.enrich_queue.name)
        for exchange in topology.exchanges:
            await channel.exchange_delete(exchange.name)
