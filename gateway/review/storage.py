"""Review decisions in object storage: one object per row, written once."""

from __future__ import annotations

import asyncio

from gateway.review.decision import ReviewDecision
from shared.layout import SessionKeys
from shared.storage.protocol import ObjectStore


async def read_decisions(store: ObjectStore, keys: SessionKeys) -> dict[int, ReviewDecision]:
    """Every decision of the session: one listing, then the decisions themselves (only as
    many as people have made)."""
    listed = await store.list_objects(keys.reviews_prefix)
    if not listed:
        return {}
    decisions = await asyncio.gather(
        *(store.get_model(info.key, ReviewDecision) for info in listed)
    )
    return {decision.row: decision for decision in decisions}


async def save_decision(store: ObjectStore, keys: SessionKeys, decision: ReviewDecision) -> bool:
    """False when the row was decided already (by another request, a moment earlier)."""
    return await store.put_model_if_absent(keys.review(decision.row), decision)
