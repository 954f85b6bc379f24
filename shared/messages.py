"""Every message on the broker: versioned, frozen, and strict about unknown fields.

Commands travel on queues (start, chunk task) or the control fanout (cancel); events
travel on the events topic exchange. Consumers parse with `parse_command` /
`parse_event`, which reject unknown kinds and versions.

Events are at version 2: each says which run of its session it belongs to (`round`: 0
for the session's own run, k for retry round k). Version 1 events, which have no
`round`, are still read, as round 0.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from shared.lifecycle import SessionStatus
from shared.models import Counters
from shared.usage import Usage

SCHEMA_VERSION: Literal[1] = 1
EVENT_SCHEMA_VERSION: Literal[2] = 2


def utcnow() -> datetime:
    return datetime.now(UTC)


class Message(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    v: Literal[1] = SCHEMA_VERSION
    tenant: str
    session_id: str

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()


# --- commands -------------------------------------------------------------------


class StartSession(Message):
    kind: Literal["session.start"] = "session.start"


class CancelSession(Message):
    kind: Literal["session.cancel"] = "session.cancel"


class EndSession(Message):
    """A session cancelled before it was ever started: no worker would plan it, so one
    finalizes it (result files, final status, webhook) like any other end."""

    kind: Literal["session.end"] = "session.end"


class ChunkTask(Message):
    kind: Literal["chunk.task"] = "chunk.task"
    chunk: int
    chunk_count: int
    row_start: int
    row_end: int


class RetrySession(Message):
    """Plan retry round `round` (its request is stored) of a finished session."""

    kind: Literal["session.retry"] = "session.retry"
    round: int = Field(ge=1)


class RetryChunkTask(ChunkTask):
    """Chunk `chunk` of retry round `round`: only the round's rows of that session chunk.
    `chunk_count` is how many chunks the round has."""

    kind: Literal["chunk.retry"] = "chunk.retry"  # type: ignore[assignment]
    round: int = Field(ge=1)


Command = Annotated[
    StartSession | CancelSession | EndSession | ChunkTask | RetrySession | RetryChunkTask,
    Field(discriminator="kind"),
]
_COMMANDS: TypeAdapter[Command] = TypeAdapter(Command)


def parse_command(
    body: bytes,
) -> StartSession | CancelSession | EndSession | ChunkTask | RetrySession | RetryChunkTask:
    return _COMMANDS.validate_json(body)


# --- events ---------------------------------------------------------------------


class EventMessage(Message):
    """An event of run `round` of its session (0: the session's own run, k: retry round k)."""

    v: Literal[1, 2] = EVENT_SCHEMA_VERSION  # type: ignore[assignment]
    round: int = Field(0, ge=0)

    @model_validator(mode="after")
    def _round_needs_v2(self) -> EventMessage:
        if self.v == 1 and self.round:
            raise ValueError("version 1 events have no round")
        return self


class SessionStatusChanged(EventMessage):
    """The session entered `status`. Totals are known from `running` on."""

    kind: Literal["session.status"] = "session.status"
    status: SessionStatus
    at: datetime = Field(default_factory=utcnow)
    total_rows: int | None = None
    chunk_count: int | None = None
    counters: Counters | None = None
    reason: str | None = None


class ChunkProgress(EventMessage):
    """Cumulative counters of one chunk: consumers keep the latest per chunk and sum.
    A chunk's last report (`finished`) carries the outside calls its stored summary holds."""

    kind: Literal["chunk.progress"] = "chunk.progress"
    chunk: int
    counters: Counters
    at: datetime = Field(default_factory=utcnow)
    finished: bool = False
    usage: Usage | None = None


class RowsFinished(EventMessage):
    """A batch of finished result rows (`ResultRow` dumped by alias)."""

    kind: Literal["rows.finished"] = "rows.finished"
    chunk: int
    rows: list[dict[str, Any]]


Event = Annotated[SessionStatusChanged | ChunkProgress | RowsFinished, Field(discriminator="kind")]
_EVENTS: TypeAdapter[Event] = TypeAdapter(Event)


def parse_event(body: bytes) -> SessionStatusChanged | ChunkProgress | RowsFinished:
    return _EVENTS.validate_json(body)
