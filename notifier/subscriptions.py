"""Who watches what: the open connections, and which watch each session or each tenant.

A connection subscribes to single sessions or watches every session of its tenant. The
connection's own record of that (`sessions`, `watches_tenant`, and for sessions it no
longer watches, `snapshotted` and `held`) changes here together with the indexes.
"""

from __future__ import annotations

from typing import TypeVar

from notifier.connection import Connection
from notifier.live import SessionKey

K = TypeVar("K")


class Subscriptions:
    def __init__(self) -> None:
        self.connections: set[Connection] = set()
        self._by_session: dict[SessionKey, set[Connection]] = {}
        self._by_tenant: dict[str, set[Connection]] = {}

    def attach(self, connection: Connection) -> None:
        self.connections.add(connection)

    def detach(self, connection: Connection) -> None:
        self.connections.discard(connection)
        for session_id in list(connection.sessions):
            _discard(self._by_session, (connection.tenant, session_id), connection)
        _discard(self._by_tenant, connection.tenant, connection)

    def subscribe(self, connection: Connection, session_id: str) -> None:
        self._by_session.setdefault((connection.tenant, session_id), set()).add(connection)
        connection.sessions.add(session_id)

    def unsubscribe(self, connection: Connection, session_id: str) -> None:
        _discard(self._by_session, (connection.tenant, session_id), connection)
        connection.sessions.discard(session_id)
        if not connection.watches_tenant:
            connection.snapshotted.discard(session_id)
            connection.held.pop(session_id, None)

    def watch_tenant(self, connection: Connection) -> None:
        self._by_tenant.setdefault(connection.tenant, set()).add(connection)
        connection.watches_tenant = True

    def unwatch_tenant(self, connection: Connection) -> None:
        _discard(self._by_tenant, connection.tenant, connection)
        connection.watches_tenant = False
        connection.snapshotted &= connection.sessions
        connection.held = {k: v for k, v in connection.held.items() if k in connection.sessions}

    def targets(self, key: SessionKey) -> set[Connection]:
        """The connections that get the session's events."""
        subscribers = self._by_session.get(key)
        watchers = self._by_tenant.get(key[0])
        if subscribers and watchers:
            return subscribers | watchers
        return subscribers or watchers or set()

    def watched(self) -> set[SessionKey]:
        """Sessions some connection subscribed to or already has a snapshot of."""
        watched = set(self._by_session)
        for connection in self.connections:
            watched.update((connection.tenant, session_id) for session_id in connection.snapshotted)
        return watched


def _discard(index: dict[K, set[Connection]], key: K, connection: Connection) -> None:
    members = index.get(key)
    if members is not None:
        members.discard(connection)
        if not members:
            del index[key]
