"""Only one worker finalizes a round; another takes over when that one stops.

When the last two chunks of a session end together, both workers would write the same
final objects (harmless: they write the same bytes) at twice the CPU. The first to store
`final/claims/<round>/<g>.json` with a conditional write finalizes; it rewrites the claim
every third of the lease while it works. Every other worker waits, reading the final
status and the claim now and then: once the session is final, it has nothing to do;
once the claim has gone a whole lease without renewal (its worker died: the chunk
message it held comes back to the queue and here), it claims generation g+1 and
finalizes itself. Lease times are read against this worker's own clock, so workers'
clocks must agree to well within a lease.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime

import structlog

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import FinalizeClaim
from shared.storage.protocol import ObjectStore
from worker.checkpoint import session_deleted

log = structlog.get_logger()
Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


class FinalizeLease:
    def __init__(self, store: ObjectStore, lease_s: float, clock: Clock = _now) -> None:
        self._store = store
        self._lease_s = lease_s
        self._clock = clock

    @contextlib.asynccontextmanager
    async def held(
        self, keys: SessionKeys, finalized: Callable[[], Awaitable[bool]]
    ) -> AsyncIterator[bool]:
        """Yields True holding the claim of `keys`' round, renewed meanwhile; False when
        the round was finalized (by another worker) before this one could claim it. A
        claim given up by an error is removed, so the next attempt need not wait."""
        key = await self._claim(keys, finalized)
        if key is None:
            yield False
            return
        renewing = asyncio.create_task(self._renew(keys, key))
        try:
            # Finalized between the last check and the claim: by the previous owner.
            yield not await finalized()
        except BaseException:
            with contextlib.suppress(Exception):
                await self._store.delete(key)
            raise
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing

    async def _claim(
        self, keys: SessionKeys, finalized: Callable[[], Awaitable[bool]]
    ) -> str | None:
        waited = False
        while not await finalized():
            claims = await self._store.list_objects(keys.finalize_claims_prefix)
            generation = 0
            if claims:
                latest = claims[-1].key
                generation = int(latest.rsplit("/", 1)[1].split(".")[0]) + 1
                if await self._alive(latest):
                    if not waited:
                        log.info("session.finalize_waits", claim=latest)
                        waited = True
                    await asyncio.sleep(self._poll_s)
                    continue
                log.info("session.finalize_takes_over", claim=latest)
            now = self._clock()
            claim = FinalizeClaim(owner=uuid.uuid4().hex, claimed_at=now, renewed_at=now)
            key = keys.finalize_claim(generation)
            if await self._store.put_model_if_absent(key, claim):
                return key
        return None

    async def _alive(self, key: str) -> bool:
        try:
            claim = await self._store.get_model(key, FinalizeClaim)
        except NotFound:  # given up by its owner's error
            return False
        return (self._clock() - claim.renewed_at).total_seconds() < self._lease_s

    async def _renew(self, keys: SessionKeys, key: str) -> None:
        claim = await self._store.get_model(key, FinalizeClaim)
        while True:
            await asyncio.sleep(self._lease_s / 3)
            claim = claim.model_copy(update={"renewed_at": self._clock()})
            try:
                await self._store.put_model(key, claim)
                # A delete whose listing ran before this write missed the claim: checked
                # after it (worker/deleted.py), the claim goes with the session.
                if await session_deleted(self._store, keys):
                    await self._store.delete(key)
                    log.info("session.deleted_meanwhile", after="finalize claim renewal")
                    return
            except Exception as exc:  # the next renewal may get through before the lease ends
                log.warning("session.finalize_claim_not_renewed", error=repr(exc))

    @property
    def _poll_s(self) -> float:
        return min(self._lease_s / 6, 5.0)
