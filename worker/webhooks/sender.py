"""Delivers a session's webhook: claimed once per end (the session's own run, then each
retry round's), signed with the tenant's secret, retried
with doubling waits up to a bounded number of attempts, every attempt logged in storage.

Delivery runs beside the worker's other work, so a slow receiver never holds a chunk; the
HTTP client is the page fetcher's guarded one, so a webhook reaches exactly the addresses
a page fetch may.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from datetime import UTC, datetime

import httpx2
import structlog

from shared.errors import NotFound
from shared.layout import SessionKeys, webhook_config_key
from shared.models import FinalStatus, SessionManifest
from shared.storage.protocol import ObjectStore
from shared.webhooks.model import (
    EVENT_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    DeliveryAttempt,
    DeliveryLog,
    WebhookClaim,
    WebhookConfig,
    WebhookEvent,
)
from shared.webhooks.signing import signature
from worker.deleted import removed_if_deleted
from worker.webhooks.event import event_for

log = structlog.get_logger()


class WebhookSender:
    def __init__(
        self,
        store: ObjectStore,
        client: httpx2.AsyncClient,
        attempts: int,
        backoff_s: float,
        timeout_s: float = 10.0,
    ) -> None:
        self._store = store
        self._client = client
        self._timeout_s = timeout_s
        self._attempts = attempts
        self._backoff_s = backoff_s
        self._tasks: set[asyncio.Task[DeliveryLog]] = set()

    async def session_ended(
        self, keys: SessionKeys, manifest: SessionManifest, final: FinalStatus
    ) -> None:
        url = manifest.options.webhook_url
        event = event_for(keys.session_id, final)
        if not url or event is None:
            return
        # Each round's end has its own claim and log: a retry round ending is announced
        # even though the session's first end was.
        keys = keys.session.in_round(final.retry_round)
        claim = WebhookClaim(claimed_at=datetime.now(UTC))
        if not await self._store.put_model_if_absent(keys.webhook_claim, claim):
            return  # another finalizer run delivers it
        if await removed_if_deleted(self._store, keys, after="webhook claim"):
            return  # deleted since it ended: nobody is told about a session that is gone
        task = asyncio.create_task(self.deliver(keys, url, event))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def deliver(self, keys: SessionKeys, url: str, event: WebhookEvent) -> DeliveryLog:
        bound = log.bind(session_id=keys.session_id, round=event.retry_round)
        record = DeliveryLog(url=url, event=event.event, retry_round=event.retry_round)
        try:
            config = await self._store.get_model(webhook_config_key(keys.tenant), WebhookConfig)
        except NotFound:
            failed = DeliveryAttempt(attempt=1, at=datetime.now(UTC), error="no webhook secret")
            record = record.model_copy(update={"attempts": [failed]})
            await self._store.put_model(keys.webhook_deliveries, record)
            await removed_if_deleted(self._store, keys, after="webhook attempt")
            return record
        body = event.model_dump_json().encode()
        for attempt in range(1, self._attempts + 1):
            tried = await self._attempt(url, body, event.event, config.secret, attempt)
            delivered = tried.status_code is not None and 200 <= tried.status_code < 300
            record = record.model_copy(
                update={"attempts": [*record.attempts, tried], "delivered": delivered}
            )
            await self._store.put_model(keys.webhook_deliveries, record)
            bound.info("webhook.attempted", attempt=attempt, status=tried.status_code)
            if await removed_if_deleted(self._store, keys, after="webhook attempt"):
                break  # the session was deleted: its log goes with it, no more attempts
            if delivered:
                break
            if attempt < self._attempts:
                await asyncio.sleep(self._backoff_s * 2 ** (attempt - 1))
        return record

    async def _attempt(
        self, url: str, body: bytes, event: str, secret: str, attempt: int
    ) -> DeliveryAttempt:
        at = datetime.now(UTC)
        started = time.monotonic()
        timestamp = int(time.time())
        headers = {
            "Content-Type": "application/json",
            EVENT_HEADER: event,
            TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: signature(secret, timestamp, body),
        }
        status: int | None = None
        error = ""
        try:
            response = await self._client.post(
                url, content=body, headers=headers, timeout=self._timeout_s
            )
            status = response.status_code
            error = "" if 200 <= status < 300 else f"HTTP {status}"
        except Exception as exc:  # any failure to reach the receiver is one failed attempt
            error = str(exc)[:300] or type(exc).__name__
        ms = round((time.monotonic() - started) * 1000)
        return DeliveryAttempt(attempt=attempt, at=at, status_code=status, error=error, ms=ms)

    async def aclose(self, grace_s: float = 5.0) -> None:
        """Wait a little for deliveries under way, then give up on them."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=grace_s)
        for task in set(self._tasks):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._client.aclose()
