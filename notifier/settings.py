"""Notifier settings: where it listens and how it treats slow or silent clients."""

from __future__ import annotations

from pydantic import Field

from shared.settings import CommonSettings


class NotifierSettings(CommonSettings):
    notifier_host: str = "127.0.0.1"
    notifier_port: int = Field(default=8001, ge=0, le=65535)
    # Messages waiting for one client; past this the queue is coalesced, then the client
    # is disconnected with close code 4008.
    notifier_queue_size: int = Field(default=256, ge=8)
    # A single frame that cannot be written for this long marks the client as too slow.
    notifier_send_timeout: float = Field(default=10.0, gt=0)
    # A client without subscriptions that sends nothing for this long is closed.
    notifier_idle_timeout: float = Field(default=60.0, gt=0)
    # Advertised to clients in `hello`; also the WebSocket-level ping interval.
    notifier_heartbeat_interval: float = Field(default=20.0, gt=0)
    notifier_auth_timeout: float = Field(default=10.0, gt=0)
    notifier_max_clients: int = Field(default=10_000, ge=1)
    # Largest client message; a bigger frame is refused by the WebSocket layer (close 1009).
    notifier_max_message_bytes: int = Field(default=4096, ge=1024, le=1024 * 1024)
    # Messages a client may send per second on average, and in one burst; past that it is
    # flooding and is closed with code 4029.
    notifier_message_rate: float = Field(default=20.0, gt=0)
    notifier_message_burst: int = Field(default=100, ge=1)
    # Sessions one connection may subscribe to one by one (the tenant scope covers all).
    notifier_max_subscriptions: int = Field(default=1000, ge=1)
    # A session's stored state is re-read on subscribe when older than this.
    notifier_snapshot_max_age: float = Field(default=2.0, ge=0)
    # Sessions nobody watches are forgotten after this long without events.
    notifier_session_ttl: float = Field(default=600.0, gt=0)
    # A watched, unfinished session without events for this long is re-read from storage,
    # so an event a worker could not publish (its `completed` above all) is made up for.
    notifier_recheck_interval: float = Field(default=10.0, gt=0)
