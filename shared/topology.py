"""Every exchange and queue: names, kinds and arguments, declared here and nowhere else.

Both broker adapters read this one description: the RabbitMQ adapter declares it, the
in-memory twin honours the same delivery limit and dead-letter routing. The budget
queues (`budget_queue`) are named here too and declared by `shared/budget/rabbit.py`
when a key is first used.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

# A chunk that keeps crashing its worker is dead-lettered after this many deliveries.
CHUNK_DELIVERY_LIMIT = 5
# An idle budget queue lives at least this long, so a host fetched again soon (its About
# page) reuses its queue instead of declaring a new one.
BUDGET_QUEUE_MIN_EXPIRES_MS = 10_000


class ExchangeKind(StrEnum):
    DIRECT = "direct"
    FANOUT = "fanout"
    TOPIC = "topic"


@dataclass(frozen=True)
class ExchangeSpec:
    name: str
    kind: ExchangeKind


@dataclass(frozen=True)
class WorkQueueSpec:
    """A durable quorum queue shared by every worker."""

    name: str
    # Deliveries allowed before the broker dead-letters the message; None: unlimited.
    delivery_limit: int | None = None
    # Where given-up messages go, routed by this queue's name; None: they are dropped.
    dead_letter_exchange: str | None = None


@dataclass(frozen=True)
class BudgetQueueSpec:
    """A classic queue standing for one budget and key (`shared/budget/`).

    Each unit or slot taken is a message that lives `message_ttl_ms`; at `max_length`
    messages the broker rejects further publishes. The queue is deleted after `expires_ms`
    without a declaration, so budgets of idle keys (hosts, accounts) go away by themselves.
    """

    name: str
    max_length: int
    message_ttl_ms: int
    expires_ms: int


@dataclass(frozen=True)
class RequestQueueSpec:
    """A classic queue of requests answered over RabbitMQ's direct reply-to: each request
    carries its own expiration (the caller's timeout), so one nobody waits for any more is
    dropped by the broker instead of being worked on."""

    name: str


# The pseudo-queue a caller consumes replies from, without declaring a queue of its own.
DIRECT_REPLY_TO = "amq.rabbitmq.reply-to"


@dataclass(frozen=True)
class Binding:
    exchange: str
    queue: str
    routing_key: str


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
    def enrich_queue(self) -> RequestQueueSpec:
        """Single-company enrichment requests (`POST /api/enrich`); any worker answers."""
        return RequestQueueSpec(f"{self.prefix}.enrich")

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

    def private_queue_name(self, role: str, owner: str) -> str:
        """Name of a process's own exclusive queue (control or events)."""
        return f"{self.prefix}.{role}.{owner}"

    def budget_queue(self, budget: str, limit: int, hold_ms: int, key: str) -> BudgetQueueSpec:
        """The queue of one budget for one key, declared on first use (never up front).

        The key is hashed: queue names stay short and safe, and a key derived from a secret
        (an API token's digest) never shows up in the broker's listings. Limit and hold
        time are part of the name, so a changed setting gets a new queue instead of a
        declaration the broker refuses for its different arguments.
        """
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        return BudgetQueueSpec(
            name=f"{self.prefix}.budget.{budget}.{limit}-per-{hold_ms}ms.{digest}",
            max_length=limit,
            message_ttl_ms=hold_ms,
            expires_ms=max(4 * hold_ms, BUDGET_QUEUE_MIN_EXPIRES_MS),
        )

    # --- the declaration -------------------------------------------------------------

    @property
    def exchanges(self) -> tuple[ExchangeSpec, ...]:
        return (
            ExchangeSpec(self.dead_letter_exchange, ExchangeKind.DIRECT),
            ExchangeSpec(self.control_exchange, ExchangeKind.FANOUT),
            ExchangeSpec(self.events_exchange, ExchangeKind.TOPIC),
        )

    @property
    def work_queues(self) -> tuple[WorkQueueSpec, ...]:
        dead = self.dead_letter_exchange
        return (
            # A dead chunk is recorded as failed rows once; nothing is retried past it.
            WorkQueueSpec(self.dead_chunks_queue),
            WorkQueueSpec(self.commands_queue, CHUNK_DELIVERY_LIMIT, dead),
            WorkQueueSpec(self.chunks_queue, CHUNK_DELIVERY_LIMIT, dead),
        )

    @property
    def bindings(self) -> tuple[Binding, ...]:
        return (Binding(self.dead_letter_exchange, self.dead_chunks_queue, self.chunks_queue),)

    def work_queue(self, name: str) -> WorkQueueSpec:
        for spec in self.work_queues:
            if spec.name == name:
                return spec
        raise KeyError(f"{name} is not a work queue of this topology")
