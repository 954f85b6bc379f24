"""SearXNG JSON API: `GET {url}/search?q=...&format=json` (the instance must allow json)."""

from __future__ import annotations

import httpx2

from worker.pipeline.clients.search.http import JsonSearchApi


class SearxngSearch(JsonSearchApi):
    name = "searxng"

    def request(self, query: str, limit: int) -> httpx2.Request:
        base = self._url.rstrip("/")
        url = base if base.endswith("/search") else f"{base}/search"
        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        return self._client.build_request(
            "GET", url, params={"q": query, "format": "json"}, headers=headers
        )
