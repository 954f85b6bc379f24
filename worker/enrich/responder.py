"""Single-company requests answered by this worker's pipeline, as one row each."""

from __future__ import annotations

import asyncio

import structlog

from shared.broker.rabbit_enrich_server import RabbitEnrichServer
from shared.enrich import EnrichReply, EnrichRequest
from shared.topology import Topology
from worker.enrich.answer import answer
from worker.pipeline.protocol import Pipeline

log = structlog.get_logger()


class EnrichResponder:
    def __init__(
        self,
        url: str,
        topology: Topology,
        pipeline: Pipeline,
        concurrency: int,
        timeout_s: float = 300.0,
    ) -> None:
        self._pipeline = pipeline
        self._timeout_s = timeout_s
        self._server = RabbitEnrichServer(url, topology, self.reply, concurrency)

    async def reply(self, request: EnrichRequest) -> EnrichReply:
        try:
            async with asyncio.timeout(self._timeout_s):
                return await answer(self._pipeline, request)
        except TimeoutError:
            # A row that hangs must not hold a place for ever; its caller gave up long ago.
            log.warning("enrich.timed_out", request_id=request.request_id)
            return EnrichReply(request_id=request.request_id, error="row timed out")

    async def start(self) -> None:
        await self._server.start()

    async def stop(self, grace_s: float = 10.0) -> None:
        await self._server.stop(grace_s)
