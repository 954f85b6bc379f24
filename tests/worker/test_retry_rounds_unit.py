"""Retry rounds on in-process workers: only the chosen rows run again, the rest is kept
byte for byte, and a round's chunk the broker gives up on keeps the rows it had."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from shared.layout import SessionKeys
from shared.messages import RetrySession
from shared.models import FinalStatus
from shared.results import decode_results, merged_results
from shared.retry import RetryRequest
from shared.reviews import ReviewDecision
from shared.rows import ResultRow, RowStatus
from tests.worker.engine import MemoryEngine
from tests.worker.sessions import make_rows

pytestmark = pytest.mark.unit


async def retry(
    twin: MemoryEngine,
    keys: SessionKeys,
    round_: int,
    statuses: list[str],
    reviewed: list[str] | None = None,
) -> FinalStatus:
    """As the gateway asks for it, then until the round is finalized."""
    request = RetryRequest(
        round=round_, statuses=statuses, reviewed=reviewed or [], requested_at=datetime.now(UTC)
    )
    assert await twin.store.put_model_if_absent(keys.retry_request(round_), request)
    await twin.client.publish_start(
        RetrySession(tenant=keys.tenant, session_id=keys.session_id, round=round_)
    )
    async with asyncio.timeout(10):
        while True:
            final = await twin.store.get_model(keys.final_status, FinalStatus)
            if final.retry_round == round_:
                return final
            await asyncio.sleep(0.02)


async def rows(twin: MemoryEngine, keys: SessionKeys) -> list[ResultRow]:
    return [row async for batch in merged_results(twin.store, keys, 3) for row in batch]


async def test_a_round_reruns_only_the_failed_rows_in_their_chunks(twin: MemoryEngine) -> None:
    await twin.start_workers(2, chunk_size=10)
    twin.script.poison = {"Company 3", "Company 15"}
    keys = await twin.start(make_rows(30))
    first = await twin.final(keys)
    assert first.counters.failed == 2
    before = await rows(twin, keys)
    exported = await twin.store.get_bytes(keys.final_results("csv"))

    twin.script.poison.clear()
    final = await retry(twin, keys, 1, ["failed"])

    assert (final.counters.failed, final.counters.done, final.retry_round) == (0, 30, 1)
    after = await rows(twin, keys)
    for old, new in zip(before, after, strict=True):
        if old.row in (3, 15):
            assert (new.row_status, new.attempts) == (RowStatus.OK, 2)
            assert new.last_attempt_at >= old.last_attempt_at
        else:
            assert new == old
    # Chunk 2 had nothing to retry: the round wrote no copy of it.
    plan = await twin.store.list_objects(keys.in_round(1).chunk_done_prefix)
    assert [info.key.rsplit("/", 1)[-1] for info in plan] == ["000000.json", "000001.json"]
    assert await twin.store.get_bytes(keys.final_results("csv")) != exported
    ledger = twin.script.ledger(keys.session_id)
    assert all(ledger.enriched[n] == 1 for n in range(30) if n not in (3, 15))


async def test_a_round_leaves_the_rows_a_person_reviewed_unless_asked_for_accepted_ones(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(2, chunk_size=10)
    twin.script.poison = {"Company 15"}
    keys = await twin.start(make_rows(30))
    await twin.final(keys)
    # Row 3 was left for review and a person accepted its website candidate.
    stored = decode_results(await twin.store.get_bytes(keys.chunk_results(0)))
    candidate = "website: https://www.acme-corp.com/about (0.70; title)"
    in_review = {"row_status": RowStatus.NEEDS_REVIEW, "review_candidates": candidate}
    stored[3] = stored[3].model_copy(update={**in_review, "official_website": ""})
    body = b"".join(row.model_dump_json(by_alias=True).encode() + b"\n" for row in stored)
    await twin.store.put_bytes(keys.chunk_results(0), body)
    decision = ReviewDecision(
        row=3, decision="accept", decided_at=datetime.now(UTC), candidates=candidate, becomes="ok"
    )
    await twin.store.put_model(keys.review(3), decision)

    twin.script.poison.clear()
    await retry(twin, keys, 1, ["failed", "needs_review"])

    after = {row.row: row for row in await rows(twin, keys)}
    assert (after[3].row_status, after[3].attempts) == (RowStatus.NEEDS_REVIEW, 1)
    assert (after[15].row_status, after[15].attempts) == (RowStatus.OK, 2)

    await retry(twin, keys, 2, [], reviewed=["accepted"])

    after = {row.row: row for row in await rows(twin, keys)}
    # Run with the accepted website: its domain, as planning finds one, reached the pipeline.
    assert (after[3].row_status, after[3].attempts) == (RowStatus.OK, 2)
    assert after[3].official_website == "https://acme-corp.com/"
    assert after[3].description == "About Company 3"
    assert after[15].attempts == 2
    ledger = twin.script.ledger(keys.session_id)
    assert ledger.enriched[3] == 2  # its first run and round 2, not round 1


async def test_a_rounds_chunk_given_up_on_fails_its_rows_and_keeps_the_others(
    twin: MemoryEngine,
) -> None:
    await twin.start_workers(1, chunk_size=10, retry_backoff_s=0)
    twin.script.poison = {"Company 3", "Company 25"}
    keys = await twin.start(make_rows(30))
    await twin.final(keys)
    before = {row.row: row for row in await rows(twin, keys)}

    twin.script.poison.clear()
    twin.script.unreachable = {"Company 25": None}  # its chunk's batch step always fails
    final = await retry(twin, keys, 1, ["failed"])

    after = {row.row: row for row in await rows(twin, keys)}
    assert (after[3].row_status, after[3].attempts) == (RowStatus.OK, 2)
    assert (after[25].row_status, after[25].attempts) == (RowStatus.FAILED, 2)
    assert "dead-lettered" in after[25].error
    assert all(after[n] == before[n] for n in range(20, 30) if n != 25)
    assert final.counters.failed == 1
