"""The worker's consumers, and the ONE place that maps outcomes to ack, requeue or
dead-letter.

- success: ack (for chunks, only after the chunk's objects are stored);
- `Permanent` or an unreadable message: give up at once;
- anything else (`Retryable`, a crash inside a stage's batch step, a broker or storage
  blip): requeue after a short back-off, and give up on the last allowed delivery. While
  the object store is away the requeue waits for it, so an outage uses up one delivery
  of each message in flight rather than all of them.
Giving up on a chunk dead-letters it with the reason (its rows become failed rows);
giving up on a start command ends the session as `failed` with the reason.
Cancellation is a status, not an error: a cancelled chunk is stored and acked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog
from pydantic import ValidationError

from shared.broker.protocol import Broker, Death, Delivery, Subscription
from shared.errors import Permanent
from shared.messages import (
    CancelSession,
    ChunkTask,
    EndSession,
    RetrySession,
    StartSession,
    parse_command,
)
from shared.storage.protocol import ObjectStore
from worker.cancel import CancelRegistry
from worker.deadletter import DeadChunkHandler
from worker.metrics import WorkerMetrics
from worker.planner import Planner
from worker.retry_planner import RetryPlanner
from worker.runner import ChunkRunner

log = structlog.get_logger()
MAX_BACKOFF_S = 5.0
# The first pause between pings of an unreachable store, whatever the back-off setting.
MIN_STORE_PAUSE_S = 0.05
Command = StartSession | CancelSession | EndSession | ChunkTask | RetrySession
Work = Callable[[Command, Delivery], Awaitable[None]]
# Records that a message will never succeed (failed plan); True if it did.
GiveUp = Callable[[Command, str], Awaitable[bool]]


class WorkerConsumers:
    def __init__(
        self,
        broker: Broker,
        store: ObjectStore,
        planner: Planner,
        retry_planner: RetryPlanner,
        runner: ChunkRunner,
        dead_chunks: DeadChunkHandler,
        cancels: CancelRegistry,
        metrics: WorkerMetrics,
        chunk_prefetch: int,
        retry_backoff_s: float,
    ) -> None:
        self._broker = broker
        self._metrics = metrics
        self._store = store
        self._planner = planner
        self._retry_planner = retry_planner
        self._runner = runner
        self._dead_chunks = dead_chunks
        self._cancels = cancels
        self._chunk_prefetch = chunk_prefetch
        self._retry_backoff_s = retry_backoff_s
        self._subscriptions: list[Subscription] = []
        self._in_flight = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    async def start(self) -> None:
        topology = self._broker.topology
        await self._broker.consume_control(self._on_control)
        for queue, work, prefetch in (
            (topology.dead_chunks_queue, self._dead_chunk, 1),
            (topology.commands_queue, self._plan, 1),
            (topology.chunks_queue, self._chunk, self._chunk_prefetch),
        ):
            self._metrics.consuming(queue)
            self._subscriptions.append(
                await self._broker.consume_work(queue, self._handler(queue, work), prefetch)
            )

    async def stop_consuming(self) -> None:
        """Take no new messages; those prefetched but not started go back to the queue."""
        for subscription in self._subscriptions:
            try:
                await subscription.cancel()
            except Exception as exc:
                log.warning("consumer.cancel_failed", error=repr(exc))
        self._subscriptions.clear()

    async def wait_idle(self, timeout: float) -> bool:
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def _on_control(self, body: bytes) -> None:
        try:
            command = parse_command(body)
        except ValidationError:
            log.warning("control.unreadable")
            return
        if isinstance(command, CancelSession):
            log.info("session.cancel_received", session_id=command.session_id)
            self._cancels.cancel(command.session_id)

    # --- the work of each queue ---------------------------------------------------------

    async def _plan(self, command: Command, delivery: Delivery) -> None:
        if isinstance(command, RetrySession):
            await self._retry_planner.plan(command, redelivered=delivery.redelivered)
            return
        if isinstance(command, EndSession):
            await self._planner.end_unstarted(command)
            return
        if not isinstance(command, StartSession):
            raise Permanent(f"unexpected {command.kind} on the commands queue")
        await self._planner.plan(command, redelivered=delivery.redelivered)

    async def _chunk(self, command: Command, _delivery: Delivery) -> None:
        if not isinstance(command, ChunkTask):
            raise Permanent(f"unexpected {command.kind} on the chunks queue")
        structlog.contextvars.bind_contextvars(chunk=command.chunk)
        await self._runner.run(command)

    async def _dead_chunk(self, command: Command, delivery: Delivery) -> None:
        if not isinstance(command, ChunkTask):
            raise Permanent(f"unexpected {command.kind} on the dead chunks queue")
        structlog.contextvars.bind_contextvars(chunk=command.chunk)
        death = delivery.death or Death("rejected by the broker", delivery.attempt)
        await self._dead_chunks.handle(command, death.attempts, death.reason)

    async def _record_failed_start(self, command: Command, reason: str) -> bool:
        """A start that cannot be planned ends the session as failed, never stuck queued;
        a retry that cannot be planned ends with the rows the session had."""
        if not isinstance(command, StartSession | RetrySession):
            return False
        try:
            if isinstance(command, RetrySession):
                return await self._retry_planner.give_up(command, reason)
            return await self._planner.fail(command, f"planning failed: {reason}")
        except Exception as exc:
            log.warning("plan.fail_not_recorded", error=repr(exc))
            return False

    # --- outcomes -----------------------------------------------------------------------

    def _handler(self, queue: str, work: Work) -> Callable[[Delivery], Awaitable[None]]:
        give_up = self._record_failed_start if work == self._plan else None

        async def handle(delivery: Delivery) -> None:
            # The client library cancels its consumer tasks when the connection drops; the
            # work runs in a task of its own so a broker outage does not abort a chunk half
            # done. Its ack is then lost and the stored chunk is skipped on redelivery.
            self._in_flight += 1
            self._idle.clear()
            task = asyncio.create_task(self._settle(delivery, queue, work, give_up))
            self._tasks.add(task)
            task.add_done_callback(self._work_done)
            await asyncio.shield(task)

        return handle

    def _work_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._in_flight -= 1
        if self._in_flight == 0:
            self._idle.set()

    async def _settle(
        self, delivery: Delivery, queue: str, work: Work, give_up: GiveUp | None
    ) -> None:
        structlog.contextvars.bind_contextvars(message_id=delivery.message_id)
        command: Command | None = None
        try:
            command = parse_command(delivery.body)
            structlog.contextvars.bind_contextvars(
                session_id=command.session_id, tenant=command.tenant
            )
            await work(command, delivery)
        except (Permanent, ValidationError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
            log.error("message.given_up", error=reason)
            outcome = await self._give_up(delivery, command, reason, give_up)
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            if delivery.final_attempt:
                # The broker would dead-letter it on this return anyway, without the cause.
                log.error("message.given_up", error=error, delivery=delivery.attempt)
                outcome = await self._give_up(delivery, command, error, give_up)
            else:
                log.warning("message.requeued", error=error, delivery=delivery.attempt)
                await self._store_reachable()
                await delivery.requeue(self._backoff(delivery.attempt))
                outcome = "requeued"
        else:
            await delivery.ack()
            outcome = "acked"
        self._metrics.message_settled(queue, outcome)

    async def _give_up(
        self, delivery: Delivery, command: Command | None, reason: str, give_up: GiveUp | None
    ) -> str:
        """How the message was settled: `acked` when the failure is recorded otherwise."""
        if give_up is not None and command is not None and await give_up(command, reason):
            await delivery.ack()
            return "acked"
        await delivery.dead_letter(reason)
        return "dead_lettered"

    async def _store_reachable(self) -> None:
        """Return once the object store answers. Every delivery counts towards the queue's
        limit, which is there to stop poison messages; without this wait, retries during
        a store outage of a few tens of seconds would use them all up and turn finished
        work into failed rows."""
        pause = max(MIN_STORE_PAUSE_S, self._retry_backoff_s)
        waiting = False
        while True:
            try:
                await self._store.ping()
            except Exception as exc:  # whatever the cause, the store is not answering
                if not waiting:
                    log.warning("storage.waiting", error=f"{type(exc).__name__}: {exc}")
                    waiting = True
                await asyncio.sleep(pause)
                pause = min(MAX_BACKOFF_S, pause * 2)
            else:
                if waiting:
                    log.info("storage.reachable")
                return

    def _backoff(self, attempt: int) -> float:
        return min(MAX_BACKOFF_S, self._retry_backoff_s * 2.0 ** (attempt - 1))
