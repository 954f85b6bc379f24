"""The worker's single-company answering code, called in this process without the broker:
for gateway tests that need `POST /api/enrich` answered."""

from __future__ import annotations

from shared.enrich import EnrichReply, EnrichRequest
from worker.enrich.answer import answer
from worker.pipeline.build import build_pipeline
from worker.pipeline.settings import PipelineSettings


class LocalEnricher:
    def __init__(self) -> None:
        self.pipeline = build_pipeline(PipelineSettings(stages="normalize"))
        self.asked: list[EnrichRequest] = []

    async def ask(self, request: EnrichRequest, timeout_s: float) -> EnrichReply:
        self.asked.append(request)
        return await answer(self.pipeline, request)

    async def close(self) -> None:
        await self.pipeline.aclose()
