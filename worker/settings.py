"""Worker settings: concurrency, chunking, health port and the pipeline to run."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field

from shared.settings import CommonSettings

_RABBITMQ_HTTP_PORTS = (15672, 15692)  # management UI and API, Prometheus


class WorkerSettings(CommonSettings):
    # Rows in flight at once in this process, across every chunk it holds. Rows mostly wait
    # on websites; 128 is the most a busy 2-core machine carried without a page timing out
    # (docs/performance.md).
    concurrency: int = Field(128, ge=1, validation_alias="DOSSIER_WORKER_CONCURRENCY")
    # No row starts while this process's event loop runs later than this many seconds (its
    # CPU is short: the rows in flight finish first, before their pages time out).
    max_loop_lag_s: float = Field(0.5, gt=0, validation_alias="DOSSIER_WORKER_MAX_LOOP_LAG_S")
    # The event loop the worker runs on: uvloop's (libuv, its TLS and sockets in C) costs
    # less CPU per row than asyncio's own (docs/performance.md); "asyncio" to fall back.
    event_loop: Literal["uvloop", "asyncio"] = Field(
        "uvloop", validation_alias="DOSSIER_WORKER_EVENT_LOOP"
    )
    # Rows per chunk task. Small enough that a chunk ends far below RabbitMQ's consumer
    # timeout (30 min by default) even when every row waits on slow sites.
    chunk_size: int = Field(200, ge=1, validation_alias="DOSSIER_WORKER_CHUNK_SIZE")
    # Chunks held at once: the next one fills row slots while the last rows of the
    # previous one finish.
    chunk_prefetch: int = Field(2, ge=1, validation_alias="DOSSIER_WORKER_CHUNK_PREFETCH")
    # A row whose stages take longer fails with a timeout instead of holding its chunk.
    row_timeout_s: float = Field(300.0, gt=0, validation_alias="DOSSIER_WORKER_ROW_TIMEOUT_S")
    # First back-off before a failed message is requeued; doubles per delivery, up to 5 s.
    retry_backoff_s: float = Field(0.5, ge=0, validation_alias="DOSSIER_WORKER_RETRY_BACKOFF_S")
    # Seconds a worker finalizing a session may go without renewing its claim before
    # another worker takes the finalization over (it renews every third of this).
    finalize_lease_s: float = Field(60.0, ge=1, validation_alias="DOSSIER_WORKER_FINALIZE_LEASE_S")
    health_host: str = Field("127.0.0.1", validation_alias="DOSSIER_WORKER_HEALTH_HOST")
    health_port: int | None = Field(None, validation_alias="DOSSIER_WORKER_HEALTH_PORT")
    # Seconds a SIGTERM waits for chunks in flight before giving them back to the broker.
    shutdown_grace_s: float = Field(60.0, validation_alias="DOSSIER_WORKER_SHUTDOWN_GRACE_S")
    # How often a running chunk re-reads the session's cancel marker (the control
    # exchange is the fast path; the marker covers a missed message).
    cancel_poll_s: float = Field(0.5, gt=0, validation_alias="DOSSIER_WORKER_CANCEL_POLL_S")
    # Progress events per session and worker are coalesced to at most one per interval.
    progress_interval_s: float = Field(0.3, gt=0, validation_alias="DOSSIER_WORKER_PROGRESS_S")
    # Days a tenant's finished `ok` row is reused for the same domain (or name and
    # country) by later sessions, skipping its fetches, searches and model calls; 0: off.
    # A session sent with `use_cache=false` runs every row afresh.
    cache_days: int = Field(30, ge=0, le=3650, validation_alias="DOSSIER_CACHE_DAYS")
    # `module:callable` taking PipelineSettings, a PipelineMetrics recorder and the shared
    # Budget, returning a Pipeline.
    pipeline_factory: str = Field(
        "worker.pipeline.build:build_pipeline", validation_alias="DOSSIER_WORKER_PIPELINE"
    )
    # Where the gateway and the notifier listen, when the worker's environment says so
    # (`make up` and the test stacks give every service one environment): page fetches
    # never reach them.
    gateway_host: str = Field("127.0.0.1", validation_alias="DOSSIER_GATEWAY_HOST")
    gateway_port: int | None = Field(None, validation_alias="DOSSIER_GATEWAY_PORT")
    notifier_host: str = Field("127.0.0.1", validation_alias="DOSSIER_NOTIFIER_HOST")
    notifier_port: int | None = Field(None, validation_alias="DOSSIER_NOTIFIER_PORT")

    # Single-company requests (`POST /api/enrich`) one worker answers at once.
    enrich_concurrency: int = Field(8, ge=1, validation_alias="DOSSIER_WORKER_ENRICH_CONCURRENCY")
    # Attempts in all to call a session's webhook (at most 10).
    webhook_attempts: int = Field(5, ge=1, le=10, validation_alias="DOSSIER_WEBHOOK_ATTEMPTS")
    # Seconds before the second attempt; each later wait doubles.
    webhook_backoff_s: float = Field(2.0, ge=0, validation_alias="DOSSIER_WEBHOOK_BACKOFF_S")
    # Seconds one webhook call may take.
    webhook_timeout_s: float = Field(10.0, gt=0, validation_alias="DOSSIER_WEBHOOK_TIMEOUT_S")

    def own_services(self) -> list[str]:
        """`host:port` of every service of this deployment the worker knows of."""
        s3 = urlsplit(f"//{self.s3_endpoint}")
        amqp = urlsplit(self.amqp_url.get_secret_value())
        amqp_port = amqp.port or (5671 if amqp.scheme == "amqps" else 5672)
        places = [
            (s3.hostname, s3.port or (443 if self.s3_secure else 80)),
            *((amqp.hostname, port) for port in (amqp_port, *_RABBITMQ_HTTP_PORTS)),
            (self.gateway_host, self.gateway_port),
            (self.notifier_host, self.notifier_port),
            (self.health_host, self.health_port),
        ]
        return [
            _host_port(where, port)
            for host, port in places
            if host and port
            for where in _reachable_as(host)
        ]


def _reachable_as(host: str) -> tuple[str, ...]:
    """A service listening on every interface answers on this host's loopback too."""
    if host in ("0.0.0.0", "::", "[::]"):  # noqa: S104  # bind addresses, compared only
        return ("127.0.0.1", "::1")
    return (host,)


def _host_port(host: str, port: int) -> str:
    host = host.strip("[]")
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
