"""What the pipeline needs from a web search provider."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class SearchHit:
    url: str
    title: str
    snippet: str


class SearchUnavailable(Exception):
    """The provider failed after retries, or refused the request; the reason is user-facing."""


class SearchProvider(Protocol):
    name: str

    async def search(self, query: str, limit: int) -> list[SearchHit]: ...
