"""The worker's consumers, and the ONE place that maps outcomes to ack, requeue or
dead-letter.

- success: ack (for chunks, only after the chunk's objects are stored);
- `Permanent` or an unreadable message: give up at once;
- anything else (`Retryable`, a crash inside a stage's batch step, a broker or storage
  blip): requeue after a short back-off, and give up on the last allowed delivery.
Giving up on a chunk sends it to the dead-letter queue with the reason (its rows become
failed rows); giving up on a start command ends the session as `failed` with the reason.
Cancellation is a status, not an error: a cancelled chunk is stored and acked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import aio_pika
import structlog
from aio_pika.abc import AbstractChannel, AbstractIncomingMessage, AbstractQueue
from pydantic import ValidationError

from shared.broker import Broker, work_queue_arguments
from shared.errors import Permanent
from shared.messages import CancelSession, ChunkTask, StartSession, parse_command
from shared.topology import CHUNK_DELIVERY_LIMIT
from worker.cancel import CancelRegistry
from worker.deadletter import DeadChunkHandler
from worker.planner import Planner
from worker.runner import ChunkRunner

log = structlog.get_logger()
REASON_HEADER = "x-dossier-reason"
DELIVERIES_HEADER = "x-dossier-deliveries"
MAX_BACKOFF_S = 5.0
# Handles a message that will not succeed (dead chunk, failed plan); True if it did.
GiveUp = Callable[[AbstractIncomingMessage, str], Awaitable[bool]]


def deliveries(message: AbstractIncomingMessage) -> int:
    """How many times this message was delivered, counting this delivery."""
    headers = message.headers or {}
    if DELIVERIES_HEADER in headers:
        return int(str(headers[DELIVERIES_HEADER]))
    return int(str(headers.get("x-delivery-count") or 0)) + 1


def dead_letter_reason(message: AbstractIncomingMessage) -> str:
    reason = message.headers.get(REASON_HEADER)
    if reason:
        return str(reason)
    if message.headers.get("x-first-death-reason") == "delivery_limit":
        return "delivery limit reached: the chunk kept failing or its workers kept stopping"
    return str(message.headers.get("x-first-death-reason") or "rejected by the broker")


class WorkerConsumers:
    def __init__(
        self,
        broker: Broker,
        planner: Planner,
        runner: ChunkRunner,
        dead_chunks: DeadChunkHandler,
        cancels: CancelRegistry,
        chunk_prefetch: int,
        retry_backoff_s: float,
    ) -> None:
        self._broker = broker
        self._planner = planner
        self._runner = runner
        self._dead_chunks = dead_chunks
        self._cancels = cancels
        self._chunk_prefetch = chunk_prefetch
        self._retry_backoff_s = retry_backoff_s
        self._subscriptions: list[tuple[AbstractQueue, str]] = []
        self._dead_letter_channel: AbstractChannel | None = None
        self._in_flight = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    async def start(self) -> None:
        topology = self._broker.topology
        self._dead_letter_channel = await self._broker.connection.channel(publisher_confirms=True)
        await self._broker.consume_control(self._on_control)
        await self._subscribe(topology.dead_chunks_queue, self._on_dead_chunk, 1, quorum_only=True)
        await self._subscribe(topology.commands_queue, self._on_command, 1)
        await self._subscribe(topology.chunks_queue, self._on_chunk, self._chunk_prefetch)

    async def _subscribe(
        self,
        name: str,
        handler: Callable[[AbstractIncomingMessage], Awaitable[None]],
        prefetch: int,
        quorum_only: bool = False,
    ) -> None:
        channel = await self._broker.connection.channel()
        await channel.set_qos(prefetch_count=prefetch)
        arguments: dict[str, Any] = (
            {"x-queue-type": "quorum"}
            if quorum_only
            else work_queue_arguments(self._broker.topology)
        )
        queue = await channel.declare_queue(name, durable=True, arguments=arguments)
        tag = await queue.consume(handler, no_ack=False)
        self._subscriptions.append((queue, tag))

    async def stop_consuming(self) -> None:
        """Take no new messages; those prefetched but not started go back to the queue."""
        for queue, tag in self._subscriptions:
            try:
                await queue.cancel(tag)
            except Exception as exc:
                log.warning("consumer.cancel_failed", queue=queue.name, error=repr(exc))
        self._subscriptions.clear()

    async def wait_idle(self, timeout: float) -> bool:
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def _on_control(self, message: AbstractIncomingMessage) -> None:
        try:
            command = parse_command(message.body)
        except ValidationError:
            log.warning("control.unreadable")
            return
        if isinstance(command, CancelSession):
            log.info("session.cancel_received", session_id=command.session_id)
            self._cancels.cancel(command.session_id)

    async def _on_command(self, message: AbstractIncomingMessage) -> None:
        async def work(command: StartSession | CancelSession | ChunkTask) -> None:
            if not isinstance(command, StartSession):
                raise Permanent(f"unexpected {command.kind} on the commands queue")
            await self._planner.plan(command, redelivered=bool(message.redelivered))

        await self._deliver(message, work, give_up=self._fail_start)

    async def _fail_start(self, message: AbstractIncomingMessage, reason: str) -> bool:
        """A start that cannot be planned ends the session as failed, never stuck queued."""
        try:
            command = parse_command(message.body)
            if not isinstance(command, StartSession):
                return False
            return await self._planner.fail(command, f"planning failed: {reason}")
        except Exception as exc:
            log.warning("plan.fail_not_recorded", error=repr(exc))
            return False

    async def _on_chunk(self, message: AbstractIncomingMessage) -> None:
        async def work(command: StartSession | CancelSession | ChunkTask) -> None:
            if not isinstance(command, ChunkTask):
                raise Permanent(f"unexpected {command.kind} on the chunks queue")
            structlog.contextvars.bind_contextvars(chunk=command.chunk)
            await self._runner.run(command)

        await self._deliver(message, work, give_up=self._dead_letter)

    async def _on_dead_chunk(self, message: AbstractIncomingMessage) -> None:
        async def work(command: StartSession | CancelSession | ChunkTask) -> None:
            if not isinstance(command, ChunkTask):
                raise Permanent(f"unexpected {command.kind} on the dead chunks queue")
            structlog.contextvars.bind_contextvars(chunk=command.chunk)
            await self._dead_chunks.handle(
                command, deliveries(message), dead_letter_reason(message)
            )

        await self._deliver(message, work, give_up=None)

    async def _deliver(
        self,
        message: AbstractIncomingMessage,
        work: Callable[[StartSession | CancelSession | ChunkTask], Awaitable[None]],
        *,
        give_up: GiveUp | None,
    ) -> None:
        # The client library cancels its consumer tasks when the connection drops; the work
        # runs in a task of its own so a broker outage does not abort a chunk half done.
        # Its ack is then lost with the channel and the stored chunk is skipped on redelivery.
        self._in_flight += 1
        self._idle.clear()
        work_task = asyncio.create_task(self._settle(message, work, give_up))
        self._tasks.add(work_task)
        work_task.add_done_callback(self._work_done)
        await asyncio.shield(work_task)

    def _work_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._in_flight -= 1
        if self._in_flight == 0:
            self._idle.set()

    async def _settle(
        self,
        message: AbstractIncomingMessage,
        work: Callable[[StartSession | CancelSession | ChunkTask], Awaitable[None]],
        give_up: GiveUp | None,
    ) -> None:
        structlog.contextvars.bind_contextvars(message_id=message.message_id)
        try:
            command = parse_command(message.body)
            structlog.contextvars.bind_contextvars(
                session_id=command.session_id, tenant=command.tenant
            )
            await work(command)
        except (Permanent, ValidationError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
            log.error("message.given_up", error=reason)
            if give_up is not None and await give_up(message, reason):
                await _acknowledge(message.ack())
            else:
                await _acknowledge(message.reject(requeue=False))
        except Exception as exc:
            count = deliveries(message)
            error = f"{type(exc).__name__}: {exc}"
            if give_up is not None and count > CHUNK_DELIVERY_LIMIT:
                # The broker would dead-letter it on this return anyway, without the cause.
                log.error("message.given_up", error=error, delivery=count)
                if await give_up(message, error):
                    await _acknowledge(message.ack())
                    return
            log.warning("message.requeued", error=error, delivery=count)
            await asyncio.sleep(min(MAX_BACKOFF_S, self._retry_backoff_s * 2 ** (count - 1)))
            await _acknowledge(message.nack(requeue=True))
        else:
            await _acknowledge(message.ack())

    async def _dead_letter(self, message: AbstractIncomingMessage, reason: str) -> bool:
        """Send to the dead-letter exchange with the reason; False if that failed."""
        topology = self._broker.topology
        try:
            assert self._dead_letter_channel is not None
            exchange = await self._dead_letter_channel.get_exchange(topology.dead_letter_exchange)
            await exchange.publish(
                aio_pika.Message(
                    message.body,
                    content_type="application/json",
                    delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                    headers={REASON_HEADER: reason, DELIVERIES_HEADER: deliveries(message)},
                ),
                routing_key=topology.chunks_queue,
                timeout=10,
            )
        except Exception as exc:
            log.warning("message.dead_letter_failed", error=repr(exc))
            return False
        return True


async def _acknowledge(settle: Awaitable[None]) -> None:
    """Ack/nack on a channel the broker already closed fails; it redelivers anyway."""
    try:
        await settle
    except Exception as exc:
        log.warning("message.settle_failed", error=repr(exc))
