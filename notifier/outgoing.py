"""Messages to clients, encoded once and shared by every connection that receives them.

Sequenced messages (snapshots and events) get their per-connection `seq` only when they
are written, so coalescing a slow client's queue never leaves a gap in its sequence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

import orjson

from notifier.protocol import PROTOCOL_VERSION


class Role(Enum):
    CONTROL = "control"  # hello, pong, error, resync: no seq, never coalesced
    SNAPSHOT = "snapshot"
    STATUS = "status"  # latest status of a session wins
    PROGRESS = "progress"  # latest report of a chunk wins
    ROWS = "rows"  # may be dropped for a slow client, replaced by a fresh snapshot


@dataclass(slots=True, frozen=True)
class Outgoing:
    role: Role
    session_id: str | None
    head: str
    tail: str = ""
    chunk: int | None = None
    # When a worker published the event (epoch seconds), for the publish-to-send lag.
    published_at: float | None = None

    @property
    def sequenced(self) -> bool:
        return self.role is not Role.CONTROL

    def render(self, seq: int) -> str:
        return f"{self.head}{seq}{self.tail}" if self.sequenced else self.head


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def control(message: dict[str, Any]) -> Outgoing:
    return Outgoing(Role.CONTROL, None, _json(message))


def hello(heartbeat_interval: float, tenant: str) -> Outgoing:
    return control(
        {
            "type": "hello",
            "protocol": PROTOCOL_VERSION,
            "tenant": tenant,
            "heartbeat_interval": heartbeat_interval,
        }
    )


def error(code: str, message: str, session_id: str | None = None) -> Outgoing:
    body: dict[str, Any] = {"type": "error", "code": code, "message": message}
    if session_id is not None:
        body["session_id"] = session_id
    return control(body)


def resync(session_id: str, reason: str) -> Outgoing:
    return Outgoing(
        Role.CONTROL,
        session_id,
        _json({"type": "resync", "session_id": session_id, "reason": reason}),
    )


def _head(kind: str, session_id: str) -> str:
    return f'{{"type":"{kind}","session_id":{_json(session_id)},"seq":'


def snapshot(session_id: str, state: dict[str, Any]) -> Outgoing:
    return Outgoing(
        Role.SNAPSHOT, session_id, _head("snapshot", session_id), f',"state":{_json(state)}}}'
    )


def event(
    role: Role,
    session_id: str,
    event_json: str,
    progress: dict[str, Any] | None,
    chunk: int | None = None,
    published_at: float | None = None,
) -> Outgoing:
    """`event_json` is the broker message body as received (already validated)."""
    extra = f',"progress":{_json(progress)}' if progress is not None else ""
    tail = f',"event":{event_json}{extra}}}'
    return Outgoing(role, session_id, _head("event", session_id), tail, chunk, published_at)
