"""The FastAPI application: routes, error mapping, docs, dashboard, and the lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator
from pathlib import Path

import structlog
from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from prometheus_client import CollectorRegistry

from gateway.access_log import AccessLog
from gateway.created_states import CreatedStates
from gateway.deps import Services, reject_unknown_query
from gateway.docs import install_docs
from gateway.download_tokens import DownloadTokens
from gateway.enrich.limits import TenantRateLimit
from gateway.errors import install_error_handlers
from gateway.metrics import GatewayMetrics
from gateway.openapi import DocumentedApi
from gateway.routes import (
    archive,
    capabilities,
    columns,
    criteria,
    download_token,
    enrich,
    field_sets,
    health,
    logs,
    qualify,
    results,
    retry,
    review,
    sessions,
    usage,
    webhooks,
)
from gateway.routing import Dashboard
from gateway.settings import GatewaySettings
from gateway.settled_copy import SettledCopies
from gateway.settled_states import SettledStates
from gateway.shutdown import AnswerCutShort
from gateway.warm_routes import warm_routes
from shared.broker.enrich_protocol import Enricher
from shared.broker.protocol import Broker
from shared.budget.memory import MemoryBudget
from shared.budget.protocol import Budget
from shared.running_sums import SumsWriter
from shared.status import SessionStateReader
from shared.storage.protocol import ObjectStore

log = structlog.get_logger()
STATIC = Path(__file__).parent / "static"
DESCRIPTION = (
    "Every `/api/sessions` and `/api/criteria` route needs an API key, sent as "
    "`Authorization: Bearer <key>`; "
    "the download routes also take a `token` from `POST "
    "/api/sessions/{session_id}/download_token` instead. Every error is JSON "
    "`{code, message}`: branch on `code`."
)


async def _connect_broker(broker: Broker, timeout: float) -> bool:
    try:
        await broker.connect(timeout=timeout)
    except Exception as exc:  # any failure means "try again later"
        log.warning("broker.connect_failed", error=repr(exc))
    else:
        log.info("broker.connected")
        return True
    return False


async def _prepare_bucket(store: ObjectStore) -> bool:
    try:
        await store.ensure_bucket()
    except Exception as exc:  # storage may come up after the gateway
        log.warning("storage.unavailable", error=repr(exc))
        return False
    return True


async def _keep_connecting(store: ObjectStore, broker: Broker, pause: float) -> None:
    """Retry in the background, so reads are served while the broker is still away."""
    bucket_ok = broker_ok = False
    while not (bucket_ok and broker_ok):
        bucket_ok = bucket_ok or await _prepare_bucket(store)
        broker_ok = broker_ok or await _connect_broker(broker, timeout=pause * 2)
        if not (bucket_ok and broker_ok):
            await asyncio.sleep(pause)


def _download_tokens(settings: GatewaySettings) -> DownloadTokens:
    configured = settings.download_token_secret
    # Unset is only allowed outside production, where one gateway process is the norm.
    secret = configured.get_secret_value().encode() if configured else secrets.token_bytes(32)
    return DownloadTokens(secret, settings.download_token_ttl_seconds)


def build_services(
    settings: GatewaySettings,
    store: ObjectStore,
    broker: Broker,
    metrics: GatewayMetrics | None = None,
    enricher: Enricher | None = None,
    budget: Budget | None = None,
) -> Services:
    """Everything the routes use, opened around them by the app's lifespan. `budget`
    counts deployment-wide limits (RabbitMQ for several replicas); by default this
    process counts alone."""
    # Running sessions' sums are stored for gateway processes that start later.
    states = SessionStateReader(store, sums=SumsWriter(store))
    return Services(
        settings=settings,
        store=store,
        broker=broker,
        api_keys=settings.load_api_keys(),
        states=states,
        settled=SettledStates(
            store, states, copies=SettledCopies(store), created=CreatedStates(store)
        ),
        download_tokens=_download_tokens(settings),
        metrics=metrics or GatewayMetrics(CollectorRegistry()),
        enricher=enricher,
        enrich_limits=TenantRateLimit(
            budget or MemoryBudget(), settings.enrich_rate_per_minute, settings.enrich_burst
        ),
    )


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    services: Services = app.state.services
    store, broker = services.store, services.broker
    ready = await _prepare_bucket(store) and await _connect_broker(broker, timeout=5)
    retrying = None
    if not ready:
        retrying = asyncio.create_task(
            _keep_connecting(store, broker, services.settings.broker_retry_seconds)
        )
    await warm_routes(app)
    try:
        yield
    finally:
        if retrying is not None:
            retrying.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await retrying
        await broker.close()
        await services.settled.close()
        if services.enricher is not None:
            await services.enricher.close()


def create_app(
    settings: GatewaySettings,
    store: ObjectStore,
    broker: Broker,
    metrics: GatewayMetrics | None = None,
    enricher: Enricher | None = None,
    budget: Budget | None = None,
) -> FastAPI:
    app = api_app()
    app.state.services = build_services(settings, store, broker, metrics, enricher, budget)
    return app


def api_app() -> FastAPI:
    """The routes, middleware and handlers, without services: everything in it reads
    `app.state.services`, so one app can serve again with others (FastAPI builds each
    route's request model on first use, per app: a fifth of a second)."""
    app = DocumentedApi(
        title="Dossier API",
        version="1",
        summary="Describe long lists of companies: upload, start, watch, download.",
        description=DESCRIPTION,
        lifespan=_lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(AnswerCutShort)
    app.add_middleware(AccessLog)  # outermost: it logs the 503 of a request cut short
    install_error_handlers(app)
    install_docs(app)
    strict = [Depends(reject_unknown_query)]
    app.include_router(health.router, dependencies=strict)
    app.include_router(capabilities.router, dependencies=strict)
    routers = (
        sessions,
        columns,
        review,
        qualify,
        retry,
        results,
        logs,
        archive,
        download_token,
        criteria,
        field_sets,
        webhooks,
        enrich,
        usage,
    )
    for module in routers:
        app.include_router(module.router, dependencies=strict)
    if STATIC.is_dir():
        files = StaticFiles(directory=STATIC, html=True)
        app.router.routes.append(Dashboard(files, api=app.routes))
    return app
