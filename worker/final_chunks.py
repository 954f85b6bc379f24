"""A session's chunks in order, as finalization writes them: each chunk's stored
rendering when it still holds (worker/chunk_exports.py), else its stored result lines,
duplicates filled, for the files' writer to render (worker/final_render.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Collection, Mapping
from dataclasses import dataclass

import orjson

from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.results import DuplicateFiller, duplicate_uses, raw_results
from shared.retry import chunk_rounds
from shared.storage.protocol import ObjectStore
from shared.storage.read_ahead import read_ahead
from worker.chunk_exports import RenderedRows, unpack

# Chunks read before they are needed: each read is mostly waiting on the store.
READ_AHEAD = 8


@dataclass(frozen=True)
class ChunkSource:
    """Which chunks' renderings may be used: `tag` names the session's layout (None: no
    chunk's); `attempts`, each chunk's latest stored attempt (`attempt_of` its summary's
    start; a chunk not in it is read as rows). Chunks in `duplicated` (their summaries
    count duplicate rows) are read as rows, with the chunks holding what they repeat.
    `chunk_size`: the plan's."""

    tag: str | None
    attempts: Mapping[int, str]
    duplicated: Collection[int]
    chunk_size: int


async def final_chunks(
    store: ObjectStore, keys: SessionKeys, chunk_count: int, source: ChunkSource
) -> AsyncIterator[RenderedRows | bytes]:
    """One item per chunk, in chunk order: its rendering, or its result lines to render."""
    rounds = await chunk_rounds(store, keys)
    last_use = await duplicate_uses(store, keys, sorted(source.duplicated), False, rounds)
    as_rows = set(source.duplicated) | {row // source.chunk_size for row in last_use}
    attempts = {n: a for n, a in source.attempts.items() if n not in as_rows}
    filler = DuplicateFiller(last_use)
    reads = (_read(store, keys, n, attempts.get(n), rounds, source.tag) for n in range(chunk_count))
    chunk = 0
    async for item in read_ahead(reads, READ_AHEAD):
        if chunk in as_rows and not isinstance(item, RenderedRows):
            # Filled here, in chunk order; lines again, so any process can render them.
            item = b"".join(orjson.dumps(row.fields) + b"\n" for row in filler.fill(item))
        yield item
        chunk += 1


async def _read(
    store: ObjectStore,
    keys: SessionKeys,
    chunk: int,
    attempt: str | None,
    rounds: dict[int, int],
    tag: str | None,
) -> RenderedRows | bytes:
    if attempt is not None and tag is not None:
        version = keys.in_round(rounds.get(chunk, 0))
        try:
            data = await store.get_bytes(version.chunk_exports(chunk))
        except NotFound:
            data = None
        if data is not None:
            # Inflating a chunk's rendering takes about a millisecond: off the event loop.
            found = await asyncio.to_thread(unpack, data, tag, attempt)
            if found is not None:
                return found
    return await raw_results(store, keys, chunk, False, rounds)
