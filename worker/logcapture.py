"""Copies the log lines of one chunk into memory, to be stored as `chunks/logs/<n>.jsonl`.

A structlog processor looks up the collector of the current task (a context variable set
by the runner); row tasks inherit it, so every line logged while a chunk runs lands in
that chunk's collector, with its session, chunk and row bound by the contextvars.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import orjson

_CURRENT: ContextVar[ChunkLog | None] = ContextVar("dossier_chunk_log", default=None)
MAX_LINES = 50_000  # a runaway stage cannot grow one chunk's log without bound


class ChunkLog:
    def __init__(self) -> None:
        self.lines: list[bytes] = []
        self.dropped = 0

    def add(self, record: MutableMapping[str, Any]) -> None:
        if len(self.lines) >= MAX_LINES:
            self.dropped += 1
            return
        line = dict(record)
        line.setdefault("channel", "pipeline")
        self.lines.append(orjson.dumps(line, default=str))

    def to_bytes(self) -> bytes:
        lines = list(self.lines)
        if self.dropped:
            lines.append(orjson.dumps({"event": "log.truncated", "dropped": self.dropped}))
        return b"".join(line + b"\n" for line in lines)


def capture_processor(
    logger: object, method: str, record: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    collector = _CURRENT.get()
    if collector is not None:
        collector.add(record)
    return record


@contextmanager
def collecting(collector: ChunkLog) -> Iterator[ChunkLog]:
    token = _CURRENT.set(collector)
    try:
        yield collector
    finally:
        _CURRENT.reset(token)
