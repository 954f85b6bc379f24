"""Serper-compatible search API: `POST {url}` with `{"q", "num"}` and an X-API-KEY."""

from __future__ import annotations

import httpx2

from worker.pipeline.clients.search.http import call_json
from worker.pipeline.clients.search.provider import SearchHit
from worker.pipeline.metrics import NO_METRICS, PipelineMetrics

DEFAULT_URL = "https://google.serper.dev/search"


class SerperSearch:
    name = "serper"

    def __init__(
        self,
        client: httpx2.AsyncClient,
        url: str,
        api_key: str,
        attempts: int,
        max_wait: float,
        metrics: PipelineMetrics = NO_METRICS,
    ) -> None:
        self._client = client
        self._metrics = metrics
        self._url = url or DEFAULT_URL
        self._api_key = api_key
        self._attempts = attempts
        self._max_wait = max_wait

    async def search(self, query: str, limit: int) -> list[SearchHit]:
        request = self._client.build_request(
            "POST",
            self._url,
            json={"q": query, "num": limit},
            headers={"X-API-KEY": self._api_key},
        )
        data = await call_json(
            self._client, request, self.name, self._attempts, self._max_wait, self._metrics
        )
        organic = data.get("organic", []) if isinstance(data, dict) else []
        return [
            SearchHit(str(item["link"]), str(item.get("title", "")), str(item.get("snippet", "")))
            for item in organic
            if isinstance(item, dict) and item.get("link")
        ][:limit]
