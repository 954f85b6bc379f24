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
import struct
import sys
from collections import deque
from pathlib import Path
from typing import IO, Protocol

import orjson

from shared.criteria.model import SessionCriteria
from shared.export_layout import ExportLayout
from shared.stored_rows import StoredRow
from worker.chunk_exports import RenderedRows, RowRenderer

# Sessions of at least this many rows render in a process of their own.
PROCESS_ROWS = 20_000


class ChunkRenderer(Protocol):
    async def render(self, lines: bytes) -> RenderedRows: ...

    async def finish(self) -> None:
        """Every chunk answered: ends what runs apart, and waits for it."""

    def stop(self) -> None:
        """Ends what runs apart at once (the files failed)."""


def render_lines(renderer: RowRenderer, lines: bytes) -> RenderedRows:
    rows = [StoredRow.of_line(line) for line in lines.splitlines() if line.strip()]
    return renderer.render(rows)


class ThreadRenderer:
    def __init__(self, layout: ExportLayout) -> None:
        self._renderer = RowRenderer(layout)

    async def render(self, lines: bytes) -> RenderedRows:
        return await asyncio.to_thread(render_lines, self._renderer, lines)

    async def finish(self) -> None:
        """Nothing runs apart."""

    def stop(self) -> None:
        """Nothing runs apart."""


_LENGTH = struct.Struct(">I")
_ROOT = Path(__file__).resolve().parent.parent


class RenderProcessError(RuntimeError):
    """The rendering process ended before answering."""


class ProcessRenderer:
    """Chunks rendered by `python -m worker.final_render`, started on the first chunk.

    Its own command rather than a multiprocessing pool: a spawned pool process imports the
    worker's whole main module (about 100 MiB), this one only what rendering needs (about
    55 MiB). Messages are a 4-byte big-endian length, then that many bytes: the layout
    (JSON) first, then each chunk's result lines; the process answers each chunk, in
    order: a rendering as `R`, a JSON line of part sizes and evidence, then the parts; a
    failure as `E` and the error's text."""

    def __init__(self, layout: ExportLayout) -> None:
        self._layout = layout
        self._started: asyncio.Future[asyncio.subprocess.Process] | None = None
        self._answers: deque[asyncio.Future[RenderedRows]] = deque()
        self._reader: asyncio.Future[None] | None = None

    async def render(self, lines: bytes) -> RenderedRows:
        if self._started is None:
            self._started = asyncio.ensure_future(self._start())
        process = await self._started
        assert process.stdin is not None
        # Written and queued with no wait between: answers come in the order asked.
        answer: asyncio.Future[RenderedRows] = asyncio.get_running_loop().create_future()
        self._answers.append(answer)
        process.stdin.write(_LENGTH.pack(len(lines)) + lines)
        await process.stdin.drain()
        return await answer

    async def _start(self) -> asyncio.subprocess.Process:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "worker.final_render",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            cwd=_ROOT,
        )
        assert process.stdin is not None
        head = _layout_message(self._layout)
        process.stdin.write(_LENGTH.pack(len(head)) + head)
        self._reader = asyncio.ensure_future(self._read(process))
        return process

    async def _read(self, process: asyncio.subprocess.Process) -> None:
        assert process.stdout is not None
        try:
            while True:
                (size,) = _LENGTH.unpack(await process.stdout.readexactly(_LENGTH.size))
                answer = await process.stdout.readexactly(size)
                waiting = self._answers.popleft()
                if waiting.done():
                    continue
                if answer[:1] == b"E":
                    waiting.set_exception(RenderProcessError(answer[1:].decode()))
                else:
                    waiting.set_result(_rendering_of(answer[1:]))
        except (asyncio.IncompleteReadError, ConnectionError):
            while self._answers:
                waiting = self._answers.popleft()
                if not waiting.done():
                    waiting.set_exception(RenderProcessError("the rendering process ended"))

    async def finish(self) -> None:
        if self._started is None:
            return
        process = await self._started
        assert process.stdin is not None
        process.stdin.close()
        await process.wait()
        if self._reader is not None:
            await self._reader

    def stop(self) -> None:
        """Ends the process at once."""
        if self._reader is not None:
            self._reader.cancel()
        for waiting in self._answers:
            waiting.cancel()
        if self._started is not None and self._started.done() and not self._started.cancelled():
            if self._started.exception() is None:
                process = self._started.result()
                if process.returncode is None:
                    process.kill()
        elif self._started is not None:
            self._started.cancel()


def serve(source: IO[bytes], answers: IO[bytes]) -> None:
    """The process's side: the layout, then chunks until its input ends."""

    def message() -> bytes | None:
        head = source.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return None
        return source.read(_LENGTH.unpack(head)[0])

    layout = message()
    if layout is None:
        return
    renderer = RowRenderer(_layout_of(layout))
    while (lines := message()) is not None:
        try:
            data = b"R" + _rendering_message(render_lines(renderer, lines))
        except Exception as exc:
            data = b"E" + f"{type(exc).__name__}: {exc}".encode()
        answers.write(_LENGTH.pack(len(data)) + data)
        answers.flush()


def _layout_message(layout: ExportLayout) -> bytes:
    criteria = None if layout.criteria is None else layout.criteria.model_dump(mode="json")
    return orjson.dumps(
        {
            "input_columns": list(layout.input_columns),
            "qualification": layout.qualification,
            "criteria": criteria,
            "fields": list(layout.fields),
        }
    )


def _layout_of(message: bytes) -> ExportLayout:
    described = orjson.loads(message)
    criteria = described["criteria"]
    return ExportLayout(
        described["input_columns"],
        described["qualification"],
        None if criteria is None else SessionCriteria.model_validate(criteria),
        described["fields"],
    )


def _rendering_message(rendered: RenderedRows) -> bytes:
    sizes = [len(rendered.csv), len(rendered.json)]
    head = orjson.dumps({"sizes": sizes, "evidence": rendered.evidence})
    return head + b"\n" + rendered.csv + rendered.json + rendered.sheet


def _rendering_of(message: bytes) -> RenderedRows:
    head, _, body = message.partition(b"\n")
    described = orjson.loads(head)
    csv_size, json_size = described["sizes"]
    json_end = csv_size + json_size
    return RenderedRows(
        body[:csv_size], body[csv_size:json_end], body[json_end:], described["evidence"]
    )


def chunk_renderer(layout: ExportLayout, rows: int) -> ChunkRenderer:
    """For a session of `rows` rows."""
    return ProcessRenderer(layout) if rows >= PROCESS_ROWS else ThreadRenderer(layout)


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
