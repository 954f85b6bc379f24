"""The notifier's metrics: plain numbers updated in the event loop, turned into Prometheus
metric families only when /metrics is scraped.

Every frame to every client is counted (and its lag observed) here, so fanning one event
out to thousands of clients costs thousands of updates. A prometheus_client Counter
takes a lock on each increment, about fifteen times the cost of an integer addition and
more for a histogram; the integers below are only read by the collector at scrape time,
from the event loop that writes them.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, ProcessCollector
from prometheus_client.metrics_core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)

PREFIX = "dossier_notifier_"
LAG_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class LagHistogram:
    """Seconds from an event's `at` to its frame written to a client."""

    def __init__(self, bounds: tuple[float, ...] = LAG_BUCKETS) -> None:
        self.bounds = bounds
        self.counts = [0] * (len(bounds) + 1)  # the last one is above every bound
        self.sum = 0.0

    def observe(self, seconds: float) -> None:
        # Clocks of worker and notifier hosts differ a little: never a negative lag.
        seconds = max(0.0, seconds)
        self.counts[bisect.bisect_left(self.bounds, seconds)] += 1
        self.sum += seconds

    def family(self, name: str, documentation: str) -> HistogramMetricFamily:
        cumulative = list(itertools.accumulate(self.counts))
        bounds = [str(float(bound)) for bound in self.bounds] + ["+Inf"]
        buckets = list(zip(bounds, cumulative, strict=True))
        return HistogramMetricFamily(name, documentation, buckets=buckets, sum_value=self.sum)


@dataclass
class Metrics:
    connections: int = 0  # open now
    connections_total: int = 0
    connections_rejected: int = 0
    auth_failures: int = 0
    idle_disconnects: int = 0
    slow_disconnects: int = 0
    flood_disconnects: int = 0
    bad_messages: int = 0
    events_in: int = 0
    events_invalid: int = 0
    stale_round_events: int = 0
    messages_out: int = 0
    coalesced: int = 0
    dropped: int = 0
    resyncs: int = 0
    snapshots: int = 0
    snapshot_reads: int = 0
    storage_errors: int = 0
    lag: LagHistogram = field(default_factory=LagHistogram)


@dataclass(frozen=True)
class Occupancy:
    """What the hub holds right now."""

    sessions: int
    session_subscriptions: int
    tenant_watches: int
    queued: int


# Counter name (without prefix and `_total`), the field it reads, its help text.
COUNTERS: tuple[tuple[str, str, str], ...] = (
    ("connections_accepted", "connections_total", "WebSocket connections accepted (authenticated)"),
    ("connections_rejected", "connections_rejected", "Connections refused at capacity"),
    ("auth_failures", "auth_failures", "Connections closed for a missing or unknown key"),
    ("idle_disconnects", "idle_disconnects", "Connections closed idle without subscriptions"),
    ("slow_disconnects", "slow_disconnects", "Connections closed as too slow (4008)"),
    ("flood_disconnects", "flood_disconnects", "Connections closed for flooding (4029)"),
    ("bad_messages", "bad_messages", "Malformed or binary frames received"),
    ("events_in", "events_in", "Events consumed from the broker and fanned out"),
    ("events_invalid", "events_invalid", "Events dropped as unreadable"),
    (
        "stale_round_events",
        "stale_round_events",
        "Events of a retry round the session had left behind, shown to nobody",
    ),
    ("messages_out", "messages_out", "Frames written to clients"),
    ("coalesced", "coalesced", "Frames merged away: superseded by a later report or a snapshot"),
    ("dropped", "dropped", "Row batches dropped for slow clients (a snapshot follows)"),
    ("resyncs", "resyncs", "Resync notes sent (slow client, broker outage, missed events)"),
    ("snapshots", "snapshots", "Snapshots built for clients"),
    ("snapshot_reads", "snapshot_reads", "Session states read from storage"),
    ("storage_errors", "storage_errors", "Storage reads that failed"),
)


class NotifierCollector:
    def __init__(self, metrics: Metrics, occupancy: Callable[[], Occupancy]) -> None:
        self._metrics = metrics
        self._occupancy = occupancy

    def collect(self) -> Iterator[Metric]:
        metrics, held = self._metrics, self._occupancy()
        yield GaugeMetricFamily(
            f"{PREFIX}clients", "WebSocket connections open", value=metrics.connections
        )
        subscriptions = GaugeMetricFamily(
            f"{PREFIX}subscriptions",
            "Subscriptions held: sessions watched one by one, and whole tenants",
            labels=["scope"],
        )
        subscriptions.add_metric(["session"], held.session_subscriptions)
        subscriptions.add_metric(["tenant"], held.tenant_watches)
        yield subscriptions
        yield GaugeMetricFamily(
            f"{PREFIX}sessions", "Sessions whose live state is held", value=held.sessions
        )
        yield GaugeMetricFamily(
            f"{PREFIX}queued", "Frames waiting in all client queues", value=held.queued
        )
        for name, attribute, documentation in COUNTERS:
            value = getattr(metrics, attribute)
            yield CounterMetricFamily(f"{PREFIX}{name}", documentation, value=value)
        yield metrics.lag.family(
            f"{PREFIX}publish_to_send_seconds",
            "Seconds from an event's publication (its `at`) to its frame written to a client",
        )


def registry_for(metrics: Metrics, occupancy: Callable[[], Occupancy]) -> CollectorRegistry:
    registry = CollectorRegistry()
    registry.register(NotifierCollector(metrics, occupancy))
    ProcessCollector(registry=registry)  # process_*: CPU, memory, open files
    return registry
