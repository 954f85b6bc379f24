"""One worker finalizes a session: racing workers leave it to the first claim, and a claim
its worker stopped renewing (the worker died) is taken over once its lease runs out."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from shared.errors import NotFound
from shared.models import FinalizeClaim, FinalStatus
from tests.worker.engine import MemoryEngine
from tests.worker.sessions import make_rows
from tests.worker.test_finalizer_unit import store_chunks
from worker.dedupe import plan_rows
from worker.finalizer import Finalizer

pytestmark = pytest.mark.unit

LEASE_S = 1.0


async def test_racing_workers_finalize_once(twin: MemoryEngine) -> None:
    rows = make_rows(10, lambda n: f"https://site{n % 8}.com")
    keys = await twin.seed(rows)
    chunk_count = await store_chunks(twin.store, keys, list(plan_rows(rows)))
    workers = [Finalizer(twin.store, twin.client, lease_s=LEASE_S) for _ in range(3)]

    finalized = await asyncio.gather(*(w.maybe_finalize(keys, chunk_count) for w in workers))

    assert sorted(finalized) == [False, False, True]
    claims = await twin.store.list_objects(keys.finalize_claims_prefix)
    assert [c.key for c in claims] == [keys.finalize_claim(0)]
    status = await twin.store.get_model(keys.final_status, FinalStatus)
    assert status.counters.done == 10


async def test_a_claim_no_longer_renewed_is_taken_over(twin: MemoryEngine) -> None:
    rows = make_rows(6, lambda n: f"https://site{n}.com")
    keys = await twin.seed(rows)
    chunk_count = await store_chunks(twin.store, keys, list(plan_rows(rows)))
    # A worker claimed the finalization, then died before writing anything.
    now = datetime.now(UTC)
    dead = FinalizeClaim(owner="dead", claimed_at=now, renewed_at=now)
    await twin.store.put_model(keys.finalize_claim(0), dead)

    taking_over = asyncio.create_task(
        Finalizer(twin.store, twin.client, lease_s=LEASE_S).maybe_finalize(keys, chunk_count)
    )
    await asyncio.sleep(LEASE_S / 4)
    # While the claim may still be renewed, its owner is left to work.
    assert not await twin.store.exists(keys.final_status)
    assert not taking_over.done()

    assert await asyncio.wait_for(taking_over, timeout=30)
    assert await twin.store.exists(keys.final_status)
    claims = await twin.store.list_objects(keys.finalize_claims_prefix)
    assert [c.key for c in claims] == [keys.finalize_claim(0), keys.finalize_claim(1)]
    taker = await twin.store.get_model(keys.finalize_claim(1), FinalizeClaim)
    assert taker.owner != "dead"


async def test_a_claim_given_up_by_an_error_is_claimed_again_at_once(
    twin: MemoryEngine,
) -> None:
    rows = make_rows(4, lambda n: f"https://site{n}.com")
    keys = await twin.seed(rows)
    chunk_count = await store_chunks(twin.store, keys, list(plan_rows(rows)))
    stored = await twin.store.get_bytes(keys.chunk_results(0))
    await twin.store.delete(keys.chunk_results(0))

    with pytest.raises(NotFound):
        await Finalizer(twin.store, twin.client, lease_s=600).maybe_finalize(keys, chunk_count)
    assert await twin.store.list_objects(keys.finalize_claims_prefix) == []

    # With the chunk readable again, the next attempt need not wait out the lease.
    await twin.store.put_bytes(keys.chunk_results(0), stored, "application/jsonl")
    again = Finalizer(twin.store, twin.client, lease_s=600).maybe_finalize(keys, chunk_count)
    assert await asyncio.wait_for(again, timeout=30)
