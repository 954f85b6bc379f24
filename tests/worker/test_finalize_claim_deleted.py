"""A session deleted while its finalize claim is renewed: on real SeaweedFS, the gateway's
delete (manifest first, then the rest) lands just before a renewal rewrites the claim, so
the delete's listing misses it; the claim must not outlive the session."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from shared.settings import CommonSettings
from shared.storage.s3 import MinioStore
from tests.worker.sessions import make_rows, seed_session, wait_until
from worker.finalize_claim import FinalizeLease

pytestmark = pytest.mark.integration
LEASE_S = 0.6


class DeletedBeforeRenewal(MinioStore):
    """Deletes the session as the gateway does just before the first rewrite of a
    finalize claim (its first write is the conditional claim itself)."""

    fired = False
    rewritten = False

    async def put_bytes(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        if "/final/claims/" not in key or self.fired:
            await super().put_bytes(key, data, content_type)
            return
        self.fired = True
        prefix = key.split("final/claims/")[0]
        await self.delete(prefix + "manifest.json")
        await self.delete_prefix(prefix)
        await super().put_bytes(key, data, content_type)
        self.rewritten = True

    async def empty(self, prefix: str) -> bool:
        return await self.list_objects(prefix) == []


@pytest.fixture
async def deleting(common_settings: CommonSettings) -> AsyncIterator[DeletedBeforeRenewal]:
    store = DeletedBeforeRenewal(
        common_settings.s3_endpoint,
        common_settings.s3_access_key,
        common_settings.s3_secret_key.get_secret_value(),
        common_settings.s3_bucket,
    )
    await store.ensure_bucket()
    yield store
    store.close()


async def test_a_claim_renewed_as_its_session_is_deleted_goes_with_it(
    deleting: DeletedBeforeRenewal, tenant: str
) -> None:
    keys = await seed_session(deleting, tenant, "b" * 32, make_rows(2))

    async def never() -> bool:
        return False

    async with FinalizeLease(deleting, LEASE_S).held(keys, never) as holding:
        assert holding
        await wait_until(lambda: deleting.rewritten, 30, "a renewal after the delete")
        await wait_until(
            lambda: deleting.empty(keys.prefix), 30, "the renewed claim removed with the session"
        )
    assert await deleting.empty(keys.prefix)
