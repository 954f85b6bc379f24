"""Chunks rendered at finalization, from their stored result lines: those without a
rendering that holds (worker/final_chunks.py).

A large session's chunks are rendered by a process of its own, on the machine's other
core, while the worker reads, fills duplicates and writes the files: rendering is about
40 us of interpreter work a row, and the worker's event loop and threads share one
interpreter lock. A small session's are rendered on a thread: starting a process costs
more than it gives, and a session's end comes sooner.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol

from shared.export_layout import ExportLayout
from shared.stored_rows import StoredRow
from worker.chunk_exports import RenderedRows, RowRenderer

# Sessions of at least this many rows render in a process of their own.
PROCESS_ROWS = 20_000


class ChunkRenderer(Protocol):
    async def render(self, lines: bytes) -> RenderedRows: ...

    def stop(self) -> None: ...


def render_lines(renderer: RowRenderer, lines: bytes) -> RenderedRows:
    rows = [StoredRow.of_line(line) for line in lines.splitlines() if line.strip()]
    return renderer.render(rows)


class ThreadRenderer:
    def __init__(self, layout: ExportLayout) -> None:
        self._renderer = RowRenderer(layout)

    async def render(self, lines: bytes) -> RenderedRows:
        return await asyncio.to_thread(render_lines, self._renderer, lines)

    def stop(self) -> None:
        """Nothing runs apart."""


# The process's own renderer, made once when it starts.
_RENDERER: RowRenderer | None = None


def _start(layout: ExportLayout) -> None:
    global _RENDERER
    _RENDERER = RowRenderer(layout)


def _render(lines: bytes) -> RenderedRows:
    assert _RENDERER is not None
    return render_lines(_RENDERER, lines)


class ProcessRenderer:
    def __init__(self, layout: ExportLayout) -> None:
        # Spawned, not forked: the worker runs threads (storage client, event loop helpers)
        # that a fork would copy mid-operation.
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(layout,),
        )

    async def render(self, lines: bytes) -> RenderedRows:
        return await asyncio.get_running_loop().run_in_executor(self._pool, _render, lines)

    def stop(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def chunk_renderer(layout: ExportLayout, rows: int) -> ChunkRenderer:
    """For a session of `rows` rows."""
    return ProcessRenderer(layout) if rows >= PROCESS_ROWS else ThreadRenderer(layout)
