"""Serper-compatible search API: `POST {url}` with `{"q", "num"}` and an X-API-KEY."""

from __future__ import annotations

import httpx2

from worker.pipeline.clients.search.http import JsonSearchApi

DEFAULT_URL = "https://google.serper.dev/search"


class SerperSearch(JsonSearchApi):
    name = "serper"
    results_key = "organic"
    url_key, title_key, snippet_key = "link", "title", "snippet"

    def request(self, query: str, limit: int) -> httpx2.Request:
        return self._client.build_request(
            "POST",
            self._url or DEFAULT_URL,
            json={"q": query, "num": limit},
            headers={"X-API-KEY": self._api_key},
        )
