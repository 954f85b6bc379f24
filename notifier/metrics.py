"""Counters served as JSON on /metrics; plain integers, updated in the event loop."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class Metrics:
    connections: int = 0
    connections_total: int = 0
    connections_rejected: int = 0
    auth_failures: int = 0
    idle_disconnects: int = 0
    slow_disconnects: int = 0
    flood_disconnects: int = 0
    bad_messages: int = 0
    events_in: int = 0
    events_invalid: int = 0
    messages_out: int = 0
    coalesced: int = 0
    dropped: int = 0
    resyncs: int = 0
    snapshots: int = 0
    storage_errors: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)
