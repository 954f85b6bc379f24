"""The gateway's Prometheus metrics, served on /metrics.

`create_app` builds them on a registry of their own, so every app (and every test) starts
from zero and nothing goes through prometheus_client's process-wide default registry.
Requests are labelled by route template, never by raw path: session ids in labels would
make a new series per session.
"""

from __future__ import annotations

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    ProcessCollector,
)
from starlette.routing import Mount
from starlette.types import Scope

from shared.metrics_exposition import render

# Uploads of large files take tens of seconds; the defaults stop at 10 s.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
# Any token is a valid method on the wire; labels must stay a small, fixed set.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
SESSION_ACTIONS = ("created", "started", "cancelled")
UNMATCHED = "unmatched"


class GatewayMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        ProcessCollector(registry=registry)  # process_*: CPU, memory, open files
        self.requests = Counter(
            "dossier_gateway_requests",
            "HTTP requests answered, by route template, method and status",
            ["route", "method", "status"],
            registry=registry,
        )
        self.request_seconds = Histogram(
            "dossier_gateway_request_duration_seconds",
            "Time to answer an HTTP request, by route template and method",
            ["route", "method"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self.upload_bytes = Counter(
            "dossier_gateway_upload_bytes",
            "Bytes of uploaded files that became sessions",
            registry=registry,
        )
        self.upload_rows = Counter(
            "dossier_gateway_upload_rows",
            "Data rows parsed from uploads that became sessions",
            registry=registry,
        )
        self.sessions = Counter(
            "dossier_gateway_sessions",
            "Sessions created, started and cancelled through the API",
            ["action"],
            registry=registry,
        )
        for action in SESSION_ACTIONS:
            # Present from the first scrape, so increase() sees the first session too.
            self.sessions.labels(action)

    def request(self, scope: Scope, status: int, seconds: float) -> None:
        route, method = route_template(scope), str(scope.get("method", ""))
        method = method if method in METHODS else "other"
        self.requests.labels(route, method, str(status)).inc()
        self.request_seconds.labels(route, method).observe(seconds)

    def session_created(self, size_bytes: int, rows: int) -> None:
        self.upload_bytes.inc(size_bytes)
        self.upload_rows.inc(rows)
        self.sessions.labels("created").inc()

    def session_started(self) -> None:
        self.sessions.labels("started").inc()

    def session_cancelled(self) -> None:
        self.sessions.labels("cancelled").inc()

    def render(self) -> bytes:
        return render(self.registry)


def route_template(scope: Scope) -> str:
    """The path template the router matched (`/api/sessions/{session_id}`)."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return f"{path}/{{path:path}}" if isinstance(route, Mount) else path
    if "endpoint" in scope:
        # A mount (the dashboard, the docs assets) serves a whole tree of files; FastAPI
        # records no route for it, only the prefix it matched in root_path.
        prefix = str(scope.get("root_path", ""))[len(str(scope.get("app_root_path", ""))) :]
        return f"{prefix}/{{path:path}}"
    return UNMATCHED
