"""The worker engine in one process on the in-memory twins: no network, no processes.

A `MemoryEngine` stands for one deployment: one `MemoryBus` (the RabbitMQ), one
`MemoryStore` (the bucket), a client connection publishing as the gateway does and
collecting every event as a notifier would, and as many `InProcessWorker`s as a test
starts. Each worker has its own broker connection and the production wiring of
`WorkerService` (consumers and progress loop), without signal handlers or health server.
Log lines are kept in `logs` instead of printed, and chunk log lines are captured into
storage as the worker process does it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Iterator, MutableMapping
from datetime import UTC, datetime
from typing import Any

import structlog
from prometheus_client import CollectorRegistry

from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.messages import (
    CancelSession,
    ChunkProgress,
    ChunkTask,
    RowsFinished,
    SessionStatusChanged,
    parse_event,
)
from shared.models import CancelRequest, FinalStatus, Plan
from shared.storage.memory import MemoryStore
from tests.worker.scripted_pipeline import Script, ScriptedPipeline
from tests.worker.sessions import Engine, wait_until
from worker.logcapture import capture_processor
from worker.metrics import WorkerMetrics
from worker.pipeline.protocol import Pipeline
from worker.service import WorkerService
from worker.settings import WorkerSettings

Event = SessionStatusChanged | ChunkProgress | RowsFinished
LogRecord = dict[str, Any]

# Fast enough for a test to notice a state within milliseconds, without a busy loop.
POLL_S = 0.005
# A wait ends as soon as its condition holds; the bound only decides when a test gives up.
# In memory a session takes well under a second, but the unit tier runs four processes on
# two shared cores, where a few seconds of waiting for the CPU are ordinary.
WAIT_S = 20.0
# Defaults for in-process workers; tests override what they are about.
UNIT_SETTINGS: dict[str, float] = {
    "concurrency": 8,
    "chunk_size": 10,
    "chunk_prefetch": 2,
    "row_timeout_s": 30,
    "retry_backoff_s": 0.001,
    "cancel_poll_s": 0.02,
    "progress_interval_s": 0.02,
    # As long as any wait: a session's last work (its finalization) may still be running
    # when a test ends, and on a loaded machine it takes seconds more than in memory alone.
    "shutdown_grace_s": WAIT_S,
}


def worker_settings(**overrides: float) -> WorkerSettings:
    """Settings from field names; nothing is read from the environment."""
    values = {**UNIT_SETTINGS, **overrides}
    aliases = {
        str(WorkerSettings.model_fields[name].validation_alias): value
        for name, value in values.items()
    }
    return WorkerSettings.model_validate(aliases)


@contextlib.contextmanager
def captured_logs() -> Iterator[list[LogRecord]]:
    """structlog as a worker configures it, its lines kept in a list instead of printed."""
    records: list[LogRecord] = []

    def keep(
        _logger: object, _method: str, record: MutableMapping[str, Any]
    ) -> MutableMapping[str, Any]:
        records.append(dict(record))
        raise structlog.DropEvent

    saved = structlog.get_config()
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            capture_processor,
            keep,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.INFO),
        cache_logger_on_first_use=False,
    )
    try:
        yield records
    finally:
        structlog.configure(**saved)


class InProcessWorker:
    """One worker process's service, run as `WorkerService.run` does between signals.

    It runs the scripted pipeline, or `pipeline` when one is given (a real one, built
    against the pipeline's fakes); the caller closes that one.
    """

    def __init__(
        self,
        bus: MemoryBus,
        store: MemoryStore,
        settings: WorkerSettings,
        script: Script,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.broker = MemoryBroker(bus)
        self.pipeline = ScriptedPipeline(script)
        self.metrics = WorkerMetrics(CollectorRegistry())
        self.service = WorkerService(
            settings, store, self.broker, pipeline or self.pipeline, self.metrics
        )
        self._grace = settings.shutdown_grace_s
        self._progress_loop: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.broker.connect()
        self._progress_loop = asyncio.create_task(self.service.progress.run())
        await self.service.consumers.start()

    async def stop(self) -> bool:
        """Stop taking messages, let the work in flight finish; False if it did not."""
        await self.service.consumers.stop_consuming()
        idle = await self.service.consumers.wait_idle(self._grace)
        if self._progress_loop is not None:
            self._progress_loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._progress_loop
        await self.service.progress.flush()
        await self.broker.close()
        return idle


class MemoryEngine(Engine):
    poll_s = POLL_S

    def __init__(self, tenant: str = "tunit", store: MemoryStore | None = None) -> None:
        self.bus = MemoryBus()
        self.client = MemoryBroker(self.bus)
        self.memory_store = store or MemoryStore()
        super().__init__(self.memory_store, self.client, tenant)
        self.script = Script()
        self.workers: list[InProcessWorker] = []
        self.events: list[Event] = []
        self.logs: list[LogRecord] = []

    async def start_workers(
        self, count: int = 1, pipeline: Pipeline | None = None, **settings: float
    ) -> list[InProcessWorker]:
        started = [
            InProcessWorker(
                self.bus, self.memory_store, worker_settings(**settings), self.script, pipeline
            )
            for _ in range(count)
        ]
        for worker in started:
            await worker.start()
        self.workers.extend(started)
        return started

    async def cancel(self, keys: SessionKeys, *, message: bool = True) -> None:
        """As the gateway does it: the marker first, then (unless told not to) the message."""
        at = datetime.now(UTC)
        await self.store.put_model(keys.cancel_marker, CancelRequest(requested_at=at))
        if message:
            await self.client.publish_cancel(
                CancelSession(tenant=keys.tenant, session_id=keys.session_id)
            )

    async def final(self, keys: SessionKeys, timeout: float = WAIT_S) -> FinalStatus:
        return await super().final(keys, timeout)

    async def objects(self, keys: SessionKeys) -> dict[str, bytes]:
        """Every object of the session, by key."""
        found = await self.store.list_objects(keys.prefix)
        return {info.key: await self.store.get_bytes(info.key) for info in found}

    async def planned_task(self, keys: SessionKeys, chunk: int) -> ChunkTask:
        """The task the planner published for `chunk`."""
        plan = await self.store.get_model(keys.plan, Plan)
        return ChunkTask(
            tenant=keys.tenant,
            session_id=keys.session_id,
            chunk=chunk,
            chunk_count=plan.chunk_count,
            row_start=chunk * plan.chunk_size,
            row_end=min((chunk + 1) * plan.chunk_size, plan.total_rows),
        )

    async def wait(
        self, condition: Callable[[], object], what: str, timeout: float = WAIT_S
    ) -> None:
        await wait_until(condition, timeout, what, POLL_S)

    def settled(self) -> bool:
        """No message waits in a work queue and every delivery was settled."""
        return all(
            not queue.messages and not any(c.unsettled for c in queue.consumers)
            for queue in self.bus.queues.values()
        )

    async def quiet(self, timeout: float = WAIT_S) -> None:
        await self.wait(self.settled, "every work queue to be drained and settled", timeout)

    def logged(self, event: str, **fields: object) -> list[LogRecord]:
        return [
            r
            for r in self.logs
            if r.get("event") == event and all(r.get(k) == v for k, v in fields.items())
        ]

    def session_events(self, keys: SessionKeys) -> list[Event]:
        return [e for e in self.events if e.session_id == keys.session_id]

    async def _collect(self, body: bytes, _routing_key: str) -> None:
        self.events.append(parse_event(body))

    async def close(self) -> None:
        """Bring the twins back and let held rows go, so that no work outlives the test."""
        if not self.bus.up:
            self.bus.restore()
        self.memory_store.available = True
        self.script.release()
        stopped = [await worker.stop() for worker in self.workers]
        await self.client.close()
        assert all(stopped), "work was still running after the shutdown grace"


@contextlib.asynccontextmanager
async def memory_engine(store: MemoryStore | None = None) -> AsyncIterator[MemoryEngine]:
    engine = MemoryEngine(store=store)
    with captured_logs() as engine.logs:
        await engine.client.connect()
        await engine.client.consume_events(engine._collect)
        try:
            yield engine
        finally:
            await engine.close()
