"""The benchmark's pipeline: each row waits on one request to a local slow server.

The request is a bare HTTP/1.1 GET on a fresh connection, so the figure measures the
engine (scheduling, storage, events), not an HTTP client library's own overhead.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from urllib.parse import urlsplit

from shared.budget.protocol import Budget
from shared.rows import PlannedRow, ResultRow
from worker.pipeline.metrics import PipelineMetrics
from worker.pipeline.protocol import ChunkPipeline, Pipeline, SessionContext
from worker.pipeline.settings import PipelineSettings


async def fetch(host: str, port: int, path: str) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        status = await reader.readline()
        if b" 200 " not in status:
            raise RuntimeError(f"slow server answered {status!r}")
        await reader.read()
    finally:
        writer.close()


class _Chunk:
    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port

    async def prepare(
        self, rows: Sequence[PlannedRow], answered: Sequence[PlannedRow] = ()
    ) -> None:
        return None

    async def enrich(self, row: PlannedRow) -> ResultRow:
        await fetch(self._host, self._port, f"/{row.row}")
        return ResultRow(row=row.row, original=row.original, company_name=row.name)

    async def finish(self, results: list[ResultRow]) -> list[ResultRow]:
        return results


class LatencyPipeline:
    def __init__(self) -> None:
        url = urlsplit(os.environ["DOSSIER_BENCH_SLOW_URL"])
        self._host = url.hostname or "127.0.0.1"
        self._port = url.port or 80

    def open_chunk(self, session: SessionContext) -> ChunkPipeline:
        return _Chunk(self._host, self._port)

    async def aclose(self) -> None:
        return None


def build(settings: PipelineSettings, metrics: PipelineMetrics, budget: Budget) -> Pipeline:
    return LatencyPipeline()
