"""The evidence a company is qualified on: its own pages, and what the searches of its
criteria find, within a budget of pages per company.

A criterion searches when it has a `Search Query` (`{website}` filled with the company's
domain) or when its `Place` says search; the same query asked by several criteria is
searched once. Result pages are read in rank order, taking the best result of every query
before any second one, until the company's page budget (its own pages included) is
spent; the results left unread still count by their snippets.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from shared.criteria.model import Criterion
from worker.pipeline.clients.fetch.fetcher import Fetcher, FetchError
from worker.pipeline.clients.search.provider import SearchHit, SearchProvider
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts

_SEARCH_PLACES = ("search", "google")
_QUERY_CHARS = 200


@dataclass(frozen=True)
class Source:
    url: str
    # What the model reads, and what its quotes from this source are checked against.
    text: str
    # A search result whose page was not read: only its title and snippet are known.
    snippet_only: bool = False


def page_text(facts: PageFacts) -> str:
    """The page as the model reads it: title, descriptions, then the main text."""
    organization = facts.organization.description if facts.organization else ""
    parts = [
        facts.title,
        facts.og_description,
        facts.meta_description,
        organization,
        facts.main_text,
    ]
    return "\n".join(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def searches(criterion: Criterion) -> bool:
    place = criterion.place.lower()
    return bool(criterion.search_query.strip()) or any(w in place for w in _SEARCH_PLACES)


def query_for(criterion: Criterion, name: str, domain: str) -> str:
    if criterion.search_query.strip():
        return criterion.query_for(domain)
    return f'"{name}" {criterion.text}'[:_QUERY_CHARS]


def url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.netloc.lower().removeprefix('www.')}{path}{query}"


@dataclass
class Evidence:
    """A company's evidence; `for_criteria` picks what one product's criteria may use."""

    own: list[Source]
    name: str
    domain: str
    found: dict[str, list[Source]] = field(default_factory=dict)  # query -> its results
    searched: bool = True

    def for_criteria(self, criteria: Iterable[Criterion]) -> list[Source]:
        chosen: dict[str, Source] = {url_key(s.url): s for s in self.own}
        for criterion in criteria:
            if not searches(criterion):
                continue
            for source in self.found.get(query_for(criterion, self.name, self.domain), []):
                chosen.setdefault(url_key(source.url), source)
        return list(chosen.values())


class EvidenceFinder:
    def __init__(
        self,
        search: SearchProvider | None,
        fetcher: Fetcher | None,
        max_pages: int,
        results_per_query: int,
    ) -> None:
        self._search = search
        self._fetcher = fetcher
        self._max_pages = max_pages
        self._results = results_per_query

    async def gather(
        self, name: str, domain: str, own: Sequence[PageFacts], criteria: Iterable[Criterion]
    ) -> Evidence:
        """Raises SearchUnavailable when the search provider is down."""
        own_sources = [Source(f.url, text) for f in own if (text := page_text(f))]
        evidence = Evidence(own_sources[: self._max_pages], name, domain)
        queries = list(dict.fromkeys(query_for(c, name, domain) for c in criteria if searches(c)))
        if not queries:
            return evidence
        if self._search is None:
            evidence.searched = False
            return evidence
        search = self._search
        answers = await asyncio.gather(*(search.search(q, self._results) for q in queries))
        hits = dict(zip(queries, answers, strict=True))
        budget = self._max_pages - len(evidence.own)
        read = await self._read(self._to_read(hits, evidence.own, budget))
        for query, results in hits.items():
            evidence.found[query] = [_source(hit, read.get(url_key(hit.url))) for hit in results]
        return evidence

    def _to_read(
        self, hits: dict[str, list[SearchHit]], own: list[Source], budget: int
    ) -> list[str]:
        seen = {url_key(s.url) for s in own}
        chosen: list[str] = []
        depth = max((len(results) for results in hits.values()), default=0)
        for rank in range(depth):
            for results in hits.values():
                if len(chosen) >= budget:
                    return chosen
                if rank < len(results) and url_key(results[rank].url) not in seen:
                    seen.add(url_key(results[rank].url))
                    chosen.append(results[rank].url)
        return chosen

    async def _read(self, urls: list[str]) -> dict[str, PageFacts]:
        fetcher = self._fetcher
        if fetcher is None:
            return {}

        async def one(url: str) -> tuple[str, PageFacts | None]:
            try:
                page = await fetcher.fetch(url)
            except FetchError:
                return url, None
            return url, extract_facts(page.url, page.text, page.content_type)

        pages = await asyncio.gather(*(one(url) for url in urls))
        return {url_key(url): facts for url, facts in pages if facts is not None}


def _source(hit: SearchHit, facts: PageFacts | None) -> Source:
    snippet = ". ".join(part for part in (hit.title.strip(), hit.snippet.strip()) if part)
    text = page_text(facts) if facts is not None else ""
    if not text:
        return Source(hit.url, snippet, snippet_only=True)
    return Source(hit.url, f"{snippet}\n{text}" if snippet else text)
