"""SearXNG JSON API: `GET {url}/search?q=...&format=json` (the instance must allow json)."""

from __future__ import annotations

import httpx2

from worker.pipeline.clients.search.http import call_json
from worker.pipeline.clients.search.provider import SearchHit
from worker.pipeline.metrics import NO_METRICS, PipelineMetrics


class SearxngSearch:
    name = "searxng"

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
        base = url.rstrip("/")
        self._url = base if base.endswith("/search") else f"{base}/search"
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._attempts = attempts
        self._max_wait = max_wait

    async def search(self, query: str, limit: int) -> list[SearchHit]:
        request = self._client.build_request(
            "GET", self._url, params={"q": query, "format": "json"}, headers=self._headers
        )
        data = await call_json(
            self._client, request, self.name, self._attempts, self._max_wait, self._metrics
        )
        results = data.get("results", []) if isinstance(data, dict) else []
        return [
            SearchHit(str(item["url"]), str(item.get("title", "")), str(item.get("content", "")))
            for item in results
            if isinstance(item, dict) and item.get("url")
        ][:limit]
