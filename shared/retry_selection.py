"""Which rows a retry round runs again: rows of the statuses asked for, and rows an
optional step asked for failed for, except duplicates, cancelled rows and rows a person
decided on."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection

from shared.layout import SessionKeys, chunk_from_key
from shared.results import read_chunk_results
from shared.retry import chunk_rounds
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
) -> AsyncIterator[tuple[int, set[int]]]:
    """(chunk, its rows a retry of `statuses` and `steps` runs again), for each chunk that
    has some, reading each chunk as the rounds below `below` left it. Rows a person
    decided on are left out: running them again could overturn the decision."""
    rounds = await chunk_rounds(store, keys, below=below)
    # `reviews/<row>.json`: the key ends in the row's number, as a chunk's key in its own.
    decided = {chunk_from_key(info.key) for info in await store.list_objects(keys.reviews_prefix)}
    for n in range(chunk_count):
        # A chunk with no stored rows (never the case once finalized) has none to retry.
        current = await read_chunk_results(store, keys, n, missing_ok=True, rounds=rounds)
        rows = {r.row for r in current if r.row not in decided and wanted(r, statuses, steps)}
        if rows:
            yield n, rows
