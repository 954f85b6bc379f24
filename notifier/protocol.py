"""WebSocket protocol v1: close codes and the messages a client may send.

The full description, with examples, is in docs/websocket.md.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

PROTOCOL_VERSION = 1
SUBPROTOCOL = "dossier.v1"
# A token may travel as a subprotocol entry `bearer.<token>` next to `dossier.v1`.
TOKEN_SUBPROTOCOL_PREFIX = "bearer."  # noqa: S105  # a prefix, not a secret

CLOSE_NORMAL = 1000
CLOSE_GOING_AWAY = 1001
# The WebSocket layer itself closes with 1002 (not a WebSocket frame), 1007 (a text frame
# that is not UTF-8) and 1009 (a frame over the size limit).
CLOSE_UNSUPPORTED_DATA = 1003
CLOSE_IDLE = 4000
CLOSE_UNAUTHORIZED = 4001
CLOSE_TOO_SLOW = 4008
CLOSE_AT_CAPACITY = 4013
CLOSE_FLOODING = 4029


class ClientMessage(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Auth(ClientMessage):
    type: Literal["auth"]
    token: str = Field(max_length=512)


class _Target(ClientMessage):
    session_id: str | None = Field(default=None, max_length=64)
    scope: Literal["tenant"] | None = None

    @model_validator(mode="after")
    def _exactly_one_target(self) -> _Target:
        if (self.session_id is None) == (self.scope is None):
            raise ValueError("give either session_id or scope")
        return self


class Subscribe(_Target):
    type: Literal["subscribe"]


class Unsubscribe(_Target):
    type: Literal["unsubscribe"]


class Ping(ClientMessage):
    type: Literal["ping"]


Incoming = Annotated[Auth | Subscribe | Unsubscribe | Ping, Field(discriminator="type")]
_INCOMING: TypeAdapter[Incoming] = TypeAdapter(Incoming)


class BadMessage(Exception):
    """The client sent something that is not a protocol v1 message."""


def parse_client_message(text: str) -> Auth | Subscribe | Unsubscribe | Ping:
    try:
        return _INCOMING.validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise BadMessage(f"{where}: {first['msg']}" if where else first["msg"]) from None


def token_from_subprotocols(offered: list[str]) -> str | None:
    for entry in offered:
        if entry.startswith(TOKEN_SUBPROTOCOL_PREFIX):
            return entry[len(TOKEN_SUBPROTOCOL_PREFIX) :]
    return None
