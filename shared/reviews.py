"""A person's decisions on rows left for review, as stored, and what they do to the
session's counters.

A decision (`reviews/<row>.json`, written once by the gateway) moves its row out of
`needs_review`: accepting makes it `ok`, rejecting `ok` when the row has a website and
`not_found` otherwise. Stored results and chunk summaries keep the row as the pipeline
left it, and retry rounds never run a decided row again, so a session's counters are its
stored counters plus one move per decision: derived on every read, never counted twice.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.layout import SessionKeys
from shared.models import Counters
from shared.storage.protocol import ObjectStore

Outcome = Literal["ok", "not_found"]
_WEBSITE_CANDIDATE = re.compile(r"(^|\|)\s*website:", re.IGNORECASE)


class ReviewDecision(BaseModel):
    """`reviews/<row>.json`: written once by the gateway."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    row: int
    decision: Literal["accept", "reject"]
    decided_at: datetime
    candidates: str = Field(description="`Review_Candidates` as the decision saw them")
    # The row's status after the decision (absent from decisions stored before it was kept).
    becomes: Outcome | None = None

    def outcome(self) -> Outcome:
        if self.becomes is not None:
            return self.becomes
        if self.decision == "accept":
            return "ok"
        # A website left for review was left out of its field: rejected, the row has none.
        return "not_found" if _WEBSITE_CANDIDATE.search(self.candidates) else "ok"


def review_delta(decisions: Iterable[ReviewDecision]) -> Counters:
    """What the decisions change in the counters: each row leaves `needs_review`, and
    counts as `not_found` when that is what it became."""
    moved = list(decisions)
    return Counters(
        needs_review=-len(moved),
        not_found=sum(1 for decision in moved if decision.outcome() == "not_found"),
    )


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


async def reviewed_counters(store: ObjectStore, keys: SessionKeys, counters: Counters) -> Counters:
    """`counters` (as stored) with the session's review decisions applied."""
    if counters.needs_review <= 0:
        return counters  # no row was left for review: nothing can have been decided
    return counters + review_delta((await read_decisions(store, keys)).values())
