"""Validation of a given website: alive, https preferred, redirects resolved and judged."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit, urlunsplit

from shared.company_keys import registered_domain
from worker.pipeline.clients.fetch.fetcher import FetchedPage, Fetcher, FetchError
from worker.pipeline.confidence.brand import names_domain, names_old_name
from worker.pipeline.confidence.canonical import canonical_homepage, is_deep, site_root
from worker.pipeline.confidence.verdict import Score, Verdict, verdict
from worker.pipeline.confidence.website import WebsiteSource, website_score
from worker.pipeline.stages.normalize import website_url
from worker.pipeline.stages.page.brand_marks import mark_naming
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts
from worker.pipeline.stages.page.parked import parking_reason
from worker.pipeline.stages.page.versions import version_naming


class WebsiteOutcome(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"
    DEAD_URL = "dead_url"
    BLOCKED = "blocked"  # an address fetches may not reach
    DISALLOWED = "disallowed"  # robots.txt keeps the page from being fetched
    REVIEW = "review"  # alive, but not surely the company's: a person should decide


@dataclass(frozen=True)
class WebsiteCheck:
    outcome: WebsiteOutcome
    url: str
    reason: str = ""
    page: FetchedPage | None = None
    facts: PageFacts | None = None
    parked: bool = False  # a parked or for-sale domain: no company's website at all
    score: Score | None = None
    source: WebsiteSource = WebsiteSource.GIVEN
    # Dead because it could not be fetched (down or gone), not parked or someone else's:
    # the company may still have a LinkedIn page.
    down: bool = False


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


def _without_www(url: str) -> str:
    """`url` on its host without `www.`, or "" when the host has none."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.startswith("www.") or host.count(".") < 2:
        return ""
    netloc = parts.netloc[parts.netloc.lower().index("www.") + 4 :]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _same_place(left: str, right: str) -> bool:
    a, b = urlsplit(left), urlsplit(right)

    def host(name: str | None) -> str:
        return (name or "").removeprefix("www.")

    return (host(a.hostname), a.path.rstrip("/")) == (host(b.hostname), b.path.rstrip("/"))


class WebsiteValidator:
    def __init__(self, fetcher: Fetcher, match_threshold: float, accept: float = 0.8) -> None:
        self._fetcher = fetcher
        self._threshold = match_threshold
        self._accept = accept

    async def check(self, website: str, name: str) -> WebsiteCheck:
        """The site at the given address; where a `www.` name cannot be reached, the same
        address without it (lists add `www.` to names that have no such host)."""
        url = website_url(website) or website
        found = await self._check_site(url, name)
        bare = _without_www(url)
        if found.outcome is WebsiteOutcome.DEAD_URL and found.page is None and bare:
            other = await self._check_site(bare, name)
            if other.outcome is not WebsiteOutcome.DEAD_URL:
                return other
        return found

    async def _check_site(self, url: str, name: str) -> WebsiteCheck:
        """A pasted deep link stands for its site: the site's root is checked first, the
        page itself only when the root is dead."""
        if not is_deep(url):
            return await self._check(url, name)
        root = await self._check(site_root(url), name)
        if root.outcome is not WebsiteOutcome.DEAD_URL or root.page is not None:
            return root
        deep = await self._check(url, name)
        return root if deep.outcome is WebsiteOutcome.DEAD_URL else deep

    async def _check(self, url: str, name: str) -> WebsiteCheck:
        errors: list[str] = []
        for scheme in _schemes(url):
            try:
                # The website the row names: the user asked for it to be checked.
                page = await self._fetcher.fetch(_with_scheme(url, scheme), user_triggered=True)
            except FetchError as error:
                if error.kind == "blocked":
                    return WebsiteCheck(WebsiteOutcome.BLOCKED, url, reason=error.reason)
                if error.kind == "robots":
                    return WebsiteCheck(WebsiteOutcome.DISALLOWED, url, reason=error.reason)
                errors.append(f"{scheme}: {error.reason}")
                if error.kind == "dns":
                    break  # the same name will not resolve over http either
                continue
            return await self._judge(url, name, page)
        reason = "; ".join(errors)
        return WebsiteCheck(WebsiteOutcome.DEAD_URL, url, reason=reason, down=True)

    async def _judge(self, url: str, name: str, page: FetchedPage) -> WebsiteCheck:
        facts = extract_facts(page.url, page.text, page.content_type)
        parked = parking_reason(page.url, facts, page.redirects)
        if parked:
            return WebsiteCheck(WebsiteOutcome.DEAD_URL, page.url, parked, page, None, True)
        origin, final = registered_domain(url), registered_domain(page.url)
        source = WebsiteSource.REDIRECT if origin != final else WebsiteSource.GIVEN
        score = website_score(name, facts, source)
        if score.confidence < self._accept:
            # The site may go by a translated name (in its logo, on its version in the
            # name's language), or be the new site the old domain now sends visitors to:
            # evidence beyond the page's text links the names.
            linked = (
                names_domain(origin or "", page.text) or names_old_name(name, facts.shape.text)
                if source is WebsiteSource.REDIRECT
                else ""
            )
            linked = linked or mark_naming(name, facts, page.text)
            linked = linked or await version_naming(self._fetcher, facts, name)
            if linked:
                score = website_score(name, facts, source, linked=linked)
        home = canonical_homepage(page.url, facts)
        found = verdict(score.confidence, self._threshold, self._accept)
        if found is Verdict.REJECT and source is WebsiteSource.REDIRECT:
            # The company's own domain sending its visitors to a live site relates the two
            # (a rename, a merger), but does not prove them one company: an expired domain
            # bought by someone else redirects too. A person decides.
            score = Score(self._threshold, (*score.evidence, f"{origin} redirects here"))
            reason = f"{origin} redirects to {final}, whose site names another company"
            return WebsiteCheck(
                WebsiteOutcome.REVIEW, home, reason, page, facts, score=score, source=source
            )
        if found is not Verdict.ACCEPT:
            # A given website is never thrown away: a person decides on a doubtful one.
            reason = f"{home} may not be the company's website ({score.confidence:.2f})"
            return WebsiteCheck(
                WebsiteOutcome.REVIEW, home, reason, page, facts, score=score, source=source
            )
        if page.redirects and not _same_place(page.redirects[0], page.url):
            reason = f"redirected from {url} to {page.url}"
            outcome = WebsiteOutcome.REDIRECTED
            return WebsiteCheck(outcome, home, reason, page, facts, score=score, source=source)
        return WebsiteCheck(WebsiteOutcome.OK, home, "", page, facts, score=score, source=source)
