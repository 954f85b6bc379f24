"""The worker service: consumers, progress loop and health server (probes and metrics),
with graceful stop.

First SIGTERM (or SIGINT): stop taking messages, let chunks in flight finish within the
grace period (the rest return to the queue when the connection closes), then exit.
A second signal exits at once; the broker redelivers whatever was unacknowledged.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal

import structlog

from shared.broker.protocol import Broker
from shared.metrics_exposition import CONTENT_TYPE
from shared.storage.protocol import ObjectStore
from worker.cancel import CancelRegistry
from worker.consumer import WorkerConsumers
from worker.deadletter import DeadChunkHandler
from worker.enrich.responder import EnrichResponder
from worker.finalizer import Finalizer
from worker.health import HealthServer
from worker.metrics import WorkerMetrics
from worker.pipeline.protocol import Pipeline
from worker.planner import Planner
from worker.progress import ProgressReporter
from worker.retry_planner import RetryPlanner
from worker.runner import ChunkRunner
from worker.settings import WorkerSettings
from worker.webhooks.sender import WebhookSender

log = structlog.get_logger()


class WorkerService:
    def __init__(
        self,
        settings: WorkerSettings,
        store: ObjectStore,
        broker: Broker,
        pipeline: Pipeline,
        metrics: WorkerMetrics,
        webhooks: WebhookSender | None = None,
        enrich: EnrichResponder | None = None,
    ) -> None:
        self._settings = settings
        self._webhooks = webhooks
        self._enrich = enrich
        self._store = store
        self._broker = broker
        self._metrics = metrics
        progress = ProgressReporter(broker, settings.progress_interval_s)
        finalizer = Finalizer(store, broker, webhooks, settings.finalize_lease_s)
        cancels = CancelRegistry(store)
        runner = ChunkRunner(
            store,
            pipeline,
            cancels,
            progress,
            finalizer,
            metrics,
            concurrency=settings.concurrency,
            cancel_poll_s=settings.cancel_poll_s,
            row_timeout_s=settings.row_timeout_s,
            max_loop_lag_s=settings.max_loop_lag_s,
        )
        self.progress = progress
        self.consumers = WorkerConsumers(
            broker,
            store,
            Planner(store, broker, finalizer, settings.chunk_size),
            RetryPlanner(store, broker, finalizer),
            runner,
            DeadChunkHandler(store, finalizer, progress, metrics),
            cancels,
            metrics,
            settings.chunk_prefetch,
            settings.retry_backoff_s,
        )
        self._stop = asyncio.Event()
        self._consuming = False

    async def ready(self) -> bool:
        """Consuming, connected to the broker, and storage answers."""
        if not self._consuming or not self._broker.ready:
            return False
        try:
            await asyncio.wait_for(self._store.ping(), timeout=2)
        except Exception:
            return False
        return True

    def _on_signal(self) -> None:
        if self._stop.is_set():
            log.warning("worker.exit_now")
            os._exit(1)
        log.info("worker.stopping")
        self._stop.set()

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._on_signal)
        health = None
        if self._settings.health_port is not None:
            health = HealthServer(
                self._settings.health_host,
                self._settings.health_port,
                self.ready,
                self._metrics.render,
                CONTENT_TYPE,
            )
            await health.start()
        progress_loop = asyncio.create_task(self.progress.run())
        try:
            await self.consumers.start()
            if self._enrich is not None:
                await self._enrich.start()
            self._consuming = True
            log.info("worker.started", concurrency=self._settings.concurrency)
            await self._stop.wait()
            self._consuming = False
            if self._enrich is not None:
                await self._enrich.stop()
            await self.consumers.stop_consuming()
            if not await self.consumers.wait_idle(self._settings.shutdown_grace_s):
                log.warning("worker.grace_expired")
        finally:
            progress_loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await progress_loop
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.progress.flush(), timeout=5)
            if health is not None:
                await health.close()
            if self._webhooks is not None:
                await self._webhooks.aclose()
        log.info("worker.stopped")
