"""Review decisions in object storage: one object per row, written once."""

from __future__ import annotations

from shared.layout import SessionKeys
from shared.reviews import ReviewDecision, read_decisions
from shared.storage.protocol import ObjectStore

__all__ = ["read_decisions", "save_decision"]


async def save_decision(store: ObjectStore, keys: SessionKeys, decision: ReviewDecision) -> bool:
    """False when the row was decided already (by another request, a moment earlier)."""
    return await store.put_model_if_absent(keys.review(decision.row), decision)
