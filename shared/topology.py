"""Names of every exchange and queue, and the routing keys of events."""

from __future__ import annotations

from dataclasses import dataclass

# A chunk that keeps crashing its worker is dead-lettered after this many deliveries.
CHUNK_DELIVERY_LIMIT = 5


@dataclass(frozen=True)
class Topology:
    prefix: str = "dossier"

    @property
    def commands_queue(self) -> str:
        """Quorum queue of start commands; any worker plans the session."""
        return f"{self.prefix}.commands"

    @property
    def chunks_queue(self) -> str:
        """Quorum queue of chunk tasks shared by every worker."""
        return f"{self.prefix}.chunks"

    @property
    def dead_letter_exchange(self) -> str:
        return f"{self.prefix}.dead"

    @property
    def dead_chunks_queue(self) -> str:
        return f"{self.prefix}.chunks.dead"

    @property
    def control_exchange(self) -> str:
        """Fanout exchange: cancel commands reach every worker at once."""
        return f"{self.prefix}.control"

    @property
    def events_exchange(self) -> str:
        """Topic exchange of status events, keyed `session.<id>.<event>`."""
        return f"{self.prefix}.events"

    @staticmethod
    def event_routing_key(session_id: str, kind: str) -> str:
        return f"session.{session_id}.{kind}"

    @staticmethod
    def all_events_binding() -> str:
        return "session.#"
