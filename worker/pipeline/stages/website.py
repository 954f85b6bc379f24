"""Validation of a given website: alive, https preferred, redirects resolved and judged."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit, urlunsplit

from shared.company_keys import registered_domain
from worker.pipeline.clients.fetch.fetcher import FetchedPage, Fetcher, FetchError
from worker.pipeline.matching import best_name_similarity, mentions_name
from worker.pipeline.stages.normalize import website_url
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts
from worker.pipeline.stages.page.parked import parking_reason


class WebsiteOutcome(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"
    DEAD_URL = "dead_url"
    BLOCKED = "blocked"  # an address fetches may not reach
    DISALLOWED = "disallowed"  # robots.txt keeps the page from being fetched


@dataclass(frozen=True)
class WebsiteCheck:
    outcome: WebsiteOutcome
    url: str
    reason: str = ""
    page: FetchedPage | None = None
    facts: PageFacts | None = None
    parked: bool = False  # a parked or for-sale domain: no company's website at all


def _with_scheme(url: str, scheme: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


def _schemes(url: str) -> tuple[str, ...]:
    """https first, then http; a URL with an explicit port speaks only the scheme it names."""
    parts = urlsplit(url)
    try:
        explicit_port = parts.port is not None
    except ValueError:
        explicit_port = False
    return (parts.scheme,) if explicit_port else ("https", "http")


def _same_place(left: str, right: str) -> bool:
    a, b = urlsplit(left), urlsplit(right)

    def host(name: str | None) -> str:
        return (name or "").removeprefix("www.")

    return (host(a.hostname), a.path.rstrip("/")) == (host(b.hostname), b.path.rstrip("/"))


class WebsiteValidator:
    def __init__(self, fetcher: Fetcher, match_threshold: float) -> None:
        self._fetcher = fetcher
        self._threshold = match_threshold

    async def check(self, website: str, name: str) -> WebsiteCheck:
        url = website_url(website) or website
        errors: list[str] = []
        for scheme in _schemes(url):
            try:
                page = await self._fetcher.fetch(_with_scheme(url, scheme))
            except FetchError as error:
                if error.kind == "blocked":
                    return WebsiteCheck(WebsiteOutcome.BLOCKED, url, reason=error.reason)
                if error.kind == "robots":
                    return WebsiteCheck(WebsiteOutcome.DISALLOWED, url, reason=error.reason)
                errors.append(f"{scheme}: {error.reason}")
                if error.kind == "dns":
                    break  # the same name will not resolve over http either
                continue
            return self._judge(url, name, page)
        return WebsiteCheck(WebsiteOutcome.DEAD_URL, url, reason="; ".join(errors))

    def _judge(self, url: str, name: str, page: FetchedPage) -> WebsiteCheck:
        facts = extract_facts(page.url, page.text, page.content_type)
        parked = parking_reason(page.url, facts, page.redirects)
        if parked:
            return WebsiteCheck(WebsiteOutcome.DEAD_URL, page.url, parked, page, None, True)
        origin, final = registered_domain(url), registered_domain(page.url)
        if origin != final:
            score, _ = best_name_similarity(name, facts.identity_names())
            text = " ".join([facts.title, facts.main_text[:20_000]])
            if score < self._threshold and not mentions_name(name, text):
                reason = f"redirects to another company's site ({final})"
                return WebsiteCheck(WebsiteOutcome.DEAD_URL, page.url, reason, page, facts)
        if page.redirects and not _same_place(page.redirects[0], page.url):
            reason = f"redirected from {url} to {page.url}"
            return WebsiteCheck(WebsiteOutcome.REDIRECTED, page.url, reason, page, facts)
        return WebsiteCheck(WebsiteOutcome.OK, page.url, "", page, facts)
