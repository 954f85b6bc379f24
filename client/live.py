"""Progress of sessions from the notifier's WebSocket (docs/websocket.md).

`messages` yields the notifier's messages as they come and reconnects when the
connection drops (each reconnect starts over with a fresh snapshot, so nothing is lost);
`watch_session` turns them into `Progress` until the session has finished. A finished
session runs again in retry rounds (`retry_round`): the round that runs is followed to its
end, and what an earlier round said is ignored once a later one is seen.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI
from websockets.sync.client import ClientConnection, connect

from client.errors import ApiError, Unreachable
from shared.lifecycle import TERMINAL

FINAL_STATUSES = frozenset(status.value for status in TERMINAL)
# Close codes after which connecting again is pointless.
REFUSED = {4001: "unauthorized"}
# Errors of a subscription the notifier may answer differently a moment later.
TRANSIENT_ERRORS = frozenset({"unavailable"})
RECONNECT_ATTEMPTS = 5
MAX_BACKOFF = 5.0
OPEN_TIMEOUT = 10.0

Message = dict[str, Any]


@dataclass(frozen=True)
class Progress:
    """A session as one notifier message left it."""

    session_id: str
    status: str
    counters: Mapping[str, int]
    chunk_count: int | None
    chunks_done: int
    rows_per_second: float | None
    eta_seconds: float | None
    final: bool
    retry_round: int = 0

    @property
    def total(self) -> int:
        return int(self.counters.get("total", 0))

    @property
    def done(self) -> int:
        return int(self.counters.get("done", 0))


def progress_of(message: Message) -> Progress | None:
    """The progress a `snapshot` or an `event` carries; None for other messages and for
    events without progress (row batches)."""
    if message.get("type") == "snapshot":
        state = message["state"]
        # A session cancelled before it started is finalized later, if at all (by a worker
        # that gets its end command): it has ended already.
        settled = bool(state.get("finalized")) or state.get("started_at") is None
        final = state["status"] in FINAL_STATUSES and settled
    elif message.get("type") == "event" and message.get("progress"):
        state = message["progress"]
        event = message.get("event") or {}
        final = event.get("kind") == "session.status" and event.get("status") in FINAL_STATUSES
    else:
        return None
    return Progress(
        session_id=str(message["session_id"]),
        status=str(state["status"]),
        counters=dict(state.get("counters") or {}),
        chunk_count=state.get("chunk_count"),
        chunks_done=int(state.get("chunks_done") or 0),
        rows_per_second=state.get("rows_per_second"),
        eta_seconds=state.get("eta_seconds"),
        final=final,
        retry_round=int(state.get("retry_round") or 0),
    )


class _Reconnect(Exception):
    """The connection ended in a way that connecting again can mend."""


def messages(url: str, api_key: str, subscribe: Message) -> Iterator[Message]:
    """Every message of the connection, `hello` first, across reconnects; raises
    `ApiError` for a refused key or subscription, `Unreachable` when the notifier stays
    away for several attempts in a row."""
    failures = 0
    while True:
        try:
            with _open(url, api_key, subscribe) as (ws, hello):
                failures = 0
                yield hello
                for raw in ws:
                    message = json.loads(raw)
                    if message.get("type") == "error":
                        _raise_error(message)
                    yield message
            raise _Reconnect("the notifier closed the connection")
        except (_Reconnect, ConnectionClosed, OSError, TimeoutError) as error:
            if isinstance(error, ConnectionClosed) and error.rcvd and error.rcvd.code in REFUSED:
                code = REFUSED[error.rcvd.code]
                raise ApiError(code, error.rcvd.reason or "the notifier refused the key") from None
            failures += 1
            if failures >= RECONNECT_ATTEMPTS:
                raise Unreachable(f"lost the notifier at {url}: {error}") from None
            time.sleep(min(MAX_BACKOFF, 0.25 * 2**failures))


@contextlib.contextmanager
def _open(url: str, api_key: str, subscribe: Message) -> Iterator[tuple[ClientConnection, Message]]:
    try:
        ws = connect(url, open_timeout=OPEN_TIMEOUT, max_size=None)
    except (InvalidURI, ValueError) as error:
        raise Unreachable(f"bad notifier URL {url!r}: {error}") from None
    except InvalidHandshake as error:
        raise _Reconnect(f"handshake failed: {error}") from None
    with ws:
        # The key goes in a message rather than the URL, where proxies would log it.
        ws.send(json.dumps({"type": "auth", "token": api_key}))
        hello = json.loads(ws.recv(timeout=OPEN_TIMEOUT))
        if hello.get("type") == "error":
            _raise_error(hello)
        ws.send(json.dumps(subscribe))
        yield ws, hello


def _raise_error(message: Message) -> None:
    code = str(message.get("code", "error"))
    if code in TRANSIENT_ERRORS:
        raise _Reconnect(f"{code}: {message.get('message', '')}")
    raise ApiError(code, str(message.get("message", "")))


def watch_session(
    url: str, api_key: str, session_id: str, since_round: int = 0
) -> Iterator[Progress]:
    """The session's progress, one item per snapshot or progress event, ending with the
    one that reports its final status (of retry round `since_round` or a later one)."""
    latest = since_round
    for message in messages(url, api_key, {"type": "subscribe", "session_id": session_id}):
        if message.get("session_id") != session_id:
            continue
        progress = progress_of(message)
        if progress is None or progress.retry_round < latest:
            continue  # an earlier run's figures: the session runs again since
        latest = progress.retry_round
        yield progress
        if progress.final:
            return


def watch_tenant(url: str, api_key: str) -> Iterator[Progress]:
    """The progress of every session of the key's tenant, as long as it is iterated."""
    for message in messages(url, api_key, {"type": "subscribe", "scope": "tenant"}):
        progress = progress_of(message)
        if progress is not None:
            yield progress
