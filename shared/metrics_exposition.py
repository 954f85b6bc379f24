"""How every service writes its Prometheus metrics on /metrics."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4

# Every Prometheus version reads 0.0.4; Dossier's names need none of 1.0.0's escaping.
CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4


def render(registry: CollectorRegistry) -> bytes:
    return generate_latest(registry)
