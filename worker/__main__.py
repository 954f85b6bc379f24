"""Composition root of a worker: `python -m worker`."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from contextlib import AsyncExitStack
from typing import cast

import structlog
from prometheus_client import CollectorRegistry

from shared.allocator import give_freed_memory_back
from shared.broker.rabbit import RabbitBroker
from shared.budget.protocol import Budget
from shared.budget.rabbit import RabbitBudget
from shared.logging import configure_logging
from shared.storage.s3 import store_from_settings
from worker.cached_pipeline import CachedPipeline
from worker.enrich.responder import EnrichResponder
from worker.logcapture import capture_processor
from worker.metrics import WorkerMetrics
from worker.pipeline.build import web_client
from worker.pipeline.metrics import PipelineMetrics
from worker.pipeline.protocol import Pipeline
from worker.pipeline.settings import PipelineSettings
from worker.service import WorkerService
from worker.settings import WorkerSettings
from worker.usage import CountingMetrics
from worker.webhooks.sender import WebhookSender

PipelineFactory = Callable[[PipelineSettings, PipelineMetrics, Budget], Pipeline]


def load_factory(path: str) -> PipelineFactory:
    module_name, _, attribute = path.partition(":")
    return cast(PipelineFactory, getattr(importlib.import_module(module_name), attribute))


async def main(settings: WorkerSettings) -> None:
    configure_logging(
        "worker", settings.log_level, settings.log_format, extra_processors=[capture_processor]
    )
    async with AsyncExitStack() as stack:
        store = store_from_settings(settings)
        stack.callback(store.close)
        await store.ensure_bucket()
        broker = RabbitBroker(settings.amqp_url.get_secret_value(), settings.topology)
        await broker.connect()
        stack.push_async_callback(broker.close)
        budget = RabbitBudget(settings.amqp_url.get_secret_value(), settings.topology)
        await budget.connect()
        stack.push_async_callback(budget.close)
        metrics = WorkerMetrics(CollectorRegistry())
        pipeline_settings = PipelineSettings().refusing(settings.own_services())
        if pipeline_settings.fetch_allow_private_networks and settings.environment == "production":
            structlog.get_logger().warning("fetch.private_networks_allowed")
        pipeline = CachedPipeline(
            # Calls are counted per chunk (session usage) as they are reported as metrics.
            load_factory(settings.pipeline_factory)(
                pipeline_settings, CountingMetrics(metrics), budget
            ),
            store,
            settings.cache_days,
        )
        stack.push_async_callback(pipeline.aclose)
        webhooks = WebhookSender(
            store,
            web_client(pipeline_settings),
            settings.webhook_attempts,
            settings.webhook_backoff_s,
            settings.webhook_timeout_s,
        )
        enrich = EnrichResponder(
            settings.amqp_url.get_secret_value(),
            settings.topology,
            pipeline,
            settings.enrich_concurrency,
            settings.row_timeout_s,
        )
        await WorkerService(settings, store, broker, pipeline, metrics, webhooks, enrich).run()


def run(settings: WorkerSettings) -> None:
    # Before any thread starts: a finalized million-row session's buffers are given back.
    give_freed_memory_back()
    if settings.event_loop == "asyncio":
        asyncio.run(main(settings))
        return
    import uvloop  # not installed where it does not build (Windows, PyPy): "asyncio" there

    uvloop.run(main(settings))


if __name__ == "__main__":
    run(WorkerSettings())
