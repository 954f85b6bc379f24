"""A person's decisions on rows left for review, as stored, and what they do to the
session's counters.

A decision (`reviews/<row>.json`, written once by the gateway) moves its row out of
`needs_review`: accepting makes it `ok`, rejecting `ok` when the row has a website and
`not_found` otherwise. Stored results and chunk summaries keep the row as the pipeline
left it, so a session's counters are its stored counters plus one move per decision in
force: derived on every read, never counted twice.

A decision is in force while its row is still the one decided on, in review. Ordinary
retry rounds never run such a row again; a retry of accepted rows (`reviewed`) runs it
with its accepted website given, and from then on the row is that run's result, counted
as stored, and the decision moves it no more (unless the run left it in review again).
"""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.models import Counters, Plan
from shared.results import read_chunk_results
from shared.retry import chunk_rounds, first_reviewed_round
from shared.rows import RowStatus
from shared.storage.protocol import ObjectStore

Outcome = Literal["ok", "not_found"]
_WEBSITE_CANDIDATE = re.compile(r"(^|\|)\s*website:", re.IGNORECASE)
# `website: https://x.example/ (0.70; ...)`: the URL of the website candidate.
_WEBSITE_URL = re.compile(r"(?:^|\|)\s*website:\s+(\S+)", re.IGNORECASE)


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

    def accepted_website(self) -> str | None:
        """The website candidate a person accepted; None when rejected or when the row
        had no website candidate (only a LinkedIn page, say)."""
        if self.decision != "accept":
            return None
        match = _WEBSITE_URL.search(self.candidates)
        return match.group(1) if match else None


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


async def in_force(
    store: ObjectStore, keys: SessionKeys, decisions: dict[int, ReviewDecision]
) -> dict[int, ReviewDecision]:
    """The decisions whose rows are still in review as stored. Until a round ran decided
    rows again, that is every decision and nothing is read; after, the current version of
    each chunk such a round stored is read for its decided rows."""
    if not decisions:
        return decisions
    keys = keys.session
    first = await first_reviewed_round(store, keys)
    if first is None:
        return decisions
    try:
        chunk_size = (await store.get_model(keys.plan, Plan)).chunk_size
    except NotFound:
        return decisions
    rounds = await chunk_rounds(store, keys)
    by_chunk: dict[int, list[int]] = defaultdict(list)
    for row in decisions:
        by_chunk[row // chunk_size].append(row)
    moved: set[int] = set()
    for chunk, rows in by_chunk.items():
        if rounds.get(chunk, 0) < first:
            continue  # this version predates every run of decided rows
        current = await read_chunk_results(store, keys, chunk, missing_ok=True, rounds=rounds)
        status = {row.row: row.row_status for row in current}
        moved.update(
            r for r in rows if status.get(r, RowStatus.NEEDS_REVIEW) != RowStatus.NEEDS_REVIEW
        )
    return {row: decision for row, decision in decisions.items() if row not in moved}


async def decisions_in_force(
    store: ObjectStore, keys: SessionKeys, counters: Counters
) -> dict[int, ReviewDecision]:
    """The decisions that move rows counted in `counters` (as stored)."""
    if counters.needs_review <= 0:
        return {}  # no row is left for review: no decision moves one
    return await in_force(store, keys, await read_decisions(store, keys))


async def reviewed_counters(store: ObjectStore, keys: SessionKeys, counters: Counters) -> Counters:
    """`counters` (as stored) with the session's review decisions in force applied."""
    decisions = await decisions_in_force(store, keys, counters)
    return counters + review_delta(decisions.values()) if decisions else counters


def rerun_moves(decisions: dict[int, ReviewDecision], chunk_size: int) -> dict[int, Counters]:
    """Chunk -> what the decisions a retry of accepted rows runs again move in it: those
    moves end as the round's run of the chunk counts the rows anew."""
    taken: dict[int, list[ReviewDecision]] = defaultdict(list)
    for row, decision in decisions.items():
        if decision.accepted_website() is not None:
            taken[row // chunk_size].append(decision)
    return {chunk: review_delta(moved) for chunk, moved in taken.items()}
