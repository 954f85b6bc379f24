"""Which rows a retry round runs again: rows of the statuses asked for, rows an optional
step asked for failed for, and rows a person accepted a website for when `reviewed` asks
for them; never duplicates or cancelled rows, and a row whose decision is in force (still
in review as stored) only through `reviewed`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection

from shared.layout import SessionKeys, chunk_from_key
from shared.results import read_chunk_results
from shared.retry import ACCEPTED, chunk_rounds
from shared.reviews import read_decisions
from shared.rows import CUSTOM_FIELDS_FAILED, ResultRow, RowStatus, StepStatus
from shared.storage.protocol import ObjectStore

# Optional steps whose failure (a model, search or HubSpot outage, most often) leaves the
# row's status as it was; a retry may name them to run those rows again.
RETRYABLE_STEPS: tuple[str, ...] = ("deep_search", "custom_fields", "hubspot", "qualification")
_FAILED = StepStatus.failed("")


def unknown_steps(steps: list[str]) -> list[str]:
    return [s for s in steps if s not in RETRYABLE_STEPS]


def step_failed(row: ResultRow, step: str) -> bool:
    """The row's optional step `step` failed: its status column says `failed: ...`, or
    (custom fields, which have no status column) its notes say the fields failed."""
    if step == "custom_fields":
        return CUSTOM_FIELDS_FAILED in row.notes
    status: str = getattr(row, f"{step}_status")
    return status.startswith(_FAILED)


def wanted(row: ResultRow, statuses: Collection[str], steps: Collection[str]) -> bool:
    """The row runs again in a retry of `statuses` and `steps`. Duplicates follow their
    first occurrence and cancelled rows belong to a cancelled run: neither runs on its own."""
    if row.row_status in (RowStatus.DUPLICATE, RowStatus.CANCELLED):
        return False
    return row.row_status.value in statuses or any(step_failed(row, s) for s in steps)


async def rows_wanted(
    store: ObjectStore,
    keys: SessionKeys,
    chunk_count: int,
    statuses: Collection[str],
    steps: Collection[str],
    below: int | None = None,
    reviewed: Collection[str] = (),
) -> AsyncIterator[tuple[int, set[int]]]:
    """(chunk, its rows a retry of `statuses`, `steps` and `reviewed` runs again), for
    each chunk that has some, reading each chunk as the rounds below `below` left it.
    A row still in review that a person decided on runs again only when `reviewed` asks
    for it (accepted, with a website candidate): otherwise the run could overturn the
    decision. A decided row that such a run already took is a row like any other."""
    rounds = await chunk_rounds(store, keys, below=below)
    listed = await store.list_objects(keys.reviews_prefix)
    # `reviews/<row>.json`: the key ends in the row's number, as a chunk's key in its own.
    decided = {chunk_from_key(info.key) for info in listed}
    accepted: set[int] = set()
    if ACCEPTED in reviewed and listed:
        decisions = await read_decisions(store, keys)
        accepted = {row for row, d in decisions.items() if d.accepted_website() is not None}
    for n in range(chunk_count):
        # A chunk with no stored rows (never the case once finalized) has none to retry.
        current = await read_chunk_results(store, keys, n, missing_ok=True, rounds=rounds)
        rows: set[int] = set()
        for r in current:
            if r.row in decided and r.row_status is RowStatus.NEEDS_REVIEW:
                if r.row in accepted:
                    rows.add(r.row)
            elif wanted(r, statuses, steps):
                rows.add(r.row)
        if rows:
            yield n, rows
