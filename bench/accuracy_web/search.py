"""Serper- and SearXNG-compatible search over the labelled web's documents.

Ranking is term matching (title, address, text) with the noise of real engines: popular
directories and groups get a boost, and a per-query jitter sometimes puts a namesake or a
listing above the company's own site. The same query always gets the same answer."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bench.accuracy_web.model import Doc

API_KEY = "accuracy-bench-key"
_WORDS = re.compile(r"\w+")
_SITE = re.compile(r"site:(\S+)")
_QUOTED = re.compile(r'"([^"]+)"')
_IGNORED = {"official", "website", "site", "homepage", "company", "the", "and", "of", "www"}


def _fold(text: str) -> str:
    """Engines match `Peñalba` to `penalba` and `берёзка` to `березка`."""
    text = text.casefold().replace("ё", "е")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _tokens(text: str) -> set[str]:
    return set(_WORDS.findall(_fold(text)))


def _phrase_found(phrase: str, known: set[str]) -> bool:
    """Engines treat quotes loosely: a long phrase may miss one word."""
    words = _tokens(phrase)
    missing = len(words - known)
    return missing == 0 or (len(words) >= 3 and missing == 1)


@dataclass
class Indexed:
    doc: Doc
    title: set[str]
    address: set[str]
    text: set[str]
    phrase_text: str


def _jitter(query: str, url: str, salt: str = "") -> float:
    digest = hashlib.sha256(f"{salt}{query}|{url}".encode()).digest()
    return digest[0] / 255


@dataclass
class SearchIndex:
    docs: list[Doc]
    # Another salt orders near-equal results differently (the held-out web's engine).
    salt: str = ""
    queries: list[str] = field(default_factory=list)
    _indexed: list[Indexed] = field(default_factory=list)

    def __post_init__(self) -> None:
        for doc in self.docs:
            address = _tokens(urlsplit(doc.url).hostname or "") | _tokens(urlsplit(doc.url).path)
            text = " ".join(_fold(f"{doc.title} {doc.snippet} {doc.text}").split())
            self._indexed.append(Indexed(doc, _tokens(doc.title), address, _tokens(text), text))

    def search(self, query: str, limit: int) -> list[Doc]:
        self.queries.append(query)
        site = _SITE.search(query)
        scope = site.group(1).casefold() if site else ""
        rest = _SITE.sub(" ", query)
        phrases = [" ".join(_fold(p).split()) for p in _QUOTED.findall(rest)]
        terms = _tokens(rest) - _IGNORED
        if not terms:
            return []
        scored: list[tuple[float, Doc]] = []
        for entry in self._indexed:
            if scope and scope not in entry.doc.url.casefold():
                continue
            known = entry.title | entry.address | entry.text
            matched = terms & known
            if not all(_phrase_found(phrase, known) for phrase in phrases):
                continue
            if len(matched) < max(1, len(terms) // 2):
                continue
            score = sum(
                3.0 * (t in entry.title) + 2.0 * (t in entry.address) + 1.0 * (t in entry.text)
                for t in matched
            ) / len(terms)
            score += sum(4.0 for p in phrases if p in entry.phrase_text)
            score += entry.doc.rank_boost + 2.5 * _jitter(query, entry.doc.url, self.salt)
            scored.append((score, entry.doc))
        scored.sort(key=lambda pair: -pair[0])
        return [doc for _, doc in scored[:limit]]


def search_app(index: SearchIndex) -> Starlette:
    async def serper(request: Request) -> JSONResponse:
        if request.headers.get("x-api-key") != API_KEY:
            return JSONResponse({"message": "Unauthorized."}, 403)
        body = await request.json()
        hits = index.search(body["q"], int(body.get("num", 10)))
        organic = [
            {"title": d.title, "link": d.url, "snippet": d.snippet, "position": i}
            for i, d in enumerate(hits, 1)
        ]
        return JSONResponse({"searchParameters": {"q": body["q"]}, "organic": organic})

    async def searxng(request: Request) -> JSONResponse:
        if request.query_params.get("format") != "json":
            return JSONResponse({"message": "format"}, 403)
        query = request.query_params["q"]
        hits = index.search(query, 10)
        results = [
            {"url": d.url, "title": d.title, "content": d.snippet, "engine": "bench", "score": 1.0}
            for d in hits
        ]
        return JSONResponse({"query": query, "number_of_results": len(results), "results": results})

    return Starlette(
        routes=[
            Route("/search", serper, methods=["POST"]),
            Route("/search", searxng, methods=["GET"]),
        ]
    )
