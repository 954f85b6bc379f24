"""`rows.jsonl` bytes in, chunk inputs (`PlannedRow` lines) out, deduped across the session.

Lines are read and written with orjson, not through the models: a million rows through
pydantic cost about 8 us a row, as much as their normalization. Rows are read in any
format `shared/rows_format.py` knows. A format 2 line whose name and website
normalization leaves as they are (the upload stored them trimmed) is not written again:
its bytes go into the chunk with the planned fields added before its closing brace, a
fifth of the cost of dumping the row anew; a format 3 row (cells only) is written whole.
Lines that are not plain well-typed rows still go through the model, so they are read (or
refused) exactly as before. The CPU-bound work runs in a thread, a block of lines at a
time, so the event loop keeps writing the chunks already planned while the next block is
normalized.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import orjson

from shared.rows import PlannedRow
from shared.rows_format import RowsReader
from worker.dedupe import Deduper

# Bytes of rows.jsonl normalized per trip to the thread.
BLOCK_BYTES = 1024 * 1024


class ChunkPlanner:
    """Normalizes lines and cuts them into chunks of `chunk_size` planned rows."""

    def __init__(self, chunk_size: int) -> None:
        self._size = chunk_size
        self._deduper = Deduper()
        self._reader = RowsReader()
        self._lines: list[bytes] = []

    def feed(self, block: bytes) -> list[tuple[int, bytes]]:
        """Whole lines in; every chunk they complete out, as (rows, jsonl bytes)."""
        done: list[tuple[int, bytes]] = []
        plan, lines, dumps = self._deduper.plan, self._lines, orjson.dumps
        read = self._reader.fields
        for line in block.split(b"\n"):
            if not line.strip():
                continue
            fields = read(line)
            if fields is None:
                continue  # the header
            row, whole = fields
            name, website, key, domain, duplicate_of = plan(
                row["row"], row["name"], row.get("website"), row["facts"]
            )
            if whole and name == row["name"] and website == row["website"]:
                # Nothing of the input changes (the upload stores names and websites
                # trimmed): its bytes go on, the planned fields added at the end.
                added = {"name_key": key, "domain": domain, "duplicate_of": duplicate_of}
                lines.append(line[:-1] + b"," + dumps(added)[1:])
                if len(lines) == self._size:
                    done.append(self._cut())
                continue
            planned = {
                "row": row["row"],
                "name": name,
                "website": website,
                "original": row["original"],
                "facts": row["facts"],
                "name_key": key,
                "domain": domain,
                "duplicate_of": duplicate_of,
            }
            lines.append(dumps(planned))
            if len(lines) == self._size:
                done.append(self._cut())
        return done

    def rest(self) -> tuple[int, bytes] | None:
        return self._cut() if self._lines else None

    def _cut(self) -> tuple[int, bytes]:
        lines = self._lines
        cut = len(lines), b"\n".join(lines) + b"\n"
        lines.clear()  # in place: `feed` holds the list
        return cut


async def planned_chunks(data: AsyncIterator[bytes], chunk_size: int) -> AsyncIterator[bytes]:
    """Chunk inputs in order, each `chunk_size` rows but the last. A block is normalized
    while the caller stores the chunks of the block before it."""
    planner = ChunkPlanner(chunk_size)
    feeding: asyncio.Future[list[tuple[int, bytes]]] | None = None
    try:
        async for block in _line_blocks(data):
            done = await feeding if feeding is not None else []
            # One block at a time: the planner's dedupe state is the stream's order.
            feeding = asyncio.ensure_future(asyncio.to_thread(planner.feed, block))
            for _, chunk in done:
                yield chunk
        for _, chunk in await feeding if feeding is not None else []:
            yield chunk
        feeding = None
    finally:
        if feeding is not None and not feeding.done():
            feeding.cancel()  # the caller stopped: the block's chunks are not wanted
    last = planner.rest()
    if last is not None:
        yield last[1]


async def planned_batches(
    data: AsyncIterator[bytes], batch_size: int
) -> AsyncIterator[list[PlannedRow]]:
    """The same chunks, read back as models."""
    async for chunk in planned_chunks(data, batch_size):
        yield [PlannedRow.model_validate_json(line) for line in chunk.splitlines()]


async def _line_blocks(data: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """About `BLOCK_BYTES` at a time, cut after a newline; the last block as it ends."""
    pending: list[bytes] = []
    size = 0
    async for piece in data:
        pending.append(piece)
        size += len(piece)
        if size >= BLOCK_BYTES and b"\n" in piece:
            joined = b"".join(pending)
            cut = joined.rindex(b"\n") + 1
            yield joined[:cut]
            rest = joined[cut:]
            pending, size = [rest], len(rest)
    if size:
        yield b"".join(pending)
