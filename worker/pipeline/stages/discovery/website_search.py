"""Finding the website of a company given only its name: search, fetch, score, pick."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from shared.company_keys import registered_domain
from worker.pipeline.clients.fetch.fetcher import FetchedPage, Fetcher, FetchError
from worker.pipeline.clients.search.provider import SearchHit, SearchProvider
from worker.pipeline.confidence.brand import named_together, names_domain
from worker.pipeline.confidence.canonical import canonical_homepage
from worker.pipeline.confidence.verdict import Verdict, verdict
from worker.pipeline.confidence.website import WebsiteSource, website_score
from worker.pipeline.matching import context_terms, domain_similarity, mentions_name
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.aggregators import is_aggregator
from worker.pipeline.stages.discovery.industry import IndustryEvidence, industry_evidence
from worker.pipeline.stages.discovery.location import location_evidence
from worker.pipeline.stages.discovery.namesakes import PASSING, undecided, unread_rival
from worker.pipeline.stages.discovery.queries import (
    brand_query,
    plain_query,
    translated_queries,
    website_queries,
)
from worker.pipeline.stages.page.brand_marks import mark_naming
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts, moved_on_to
from worker.pipeline.stages.page.parked import parking_reason
from worker.pipeline.stages.page.versions import claimed_names, version_naming


@dataclass(frozen=True)
class Candidate:
    url: str
    confidence: float
    evidence: str
    facts: PageFacts | None
    # Skipped: robots.txt or the address rules forbid fetching it, or it is a parked domain.
    skipped: bool = False
    # How far the page agrees with the row's country and city (already in `confidence`);
    # breaks ties between namesakes whose confidence is capped at 1.
    location: float = 0.0
    place_evidence: str = ""
    place_strength: float = 0.0  # the location's agreement without its cap: the last tie-break
    # Whether the page speaks of the row's industry (1), does not (-1), or cannot tell (0).
    industry: IndustryEvidence = field(default_factory=IndustryEvidence)
    names_city: bool = False  # the page names the row's city
    unread: str = ""  # why it could not be read this time (a timeout, a host asking to wait)

    @property
    def rank(self) -> tuple[float, float, float]:
        """Namesakes ordered: confidence, then the row's industry, city and country."""
        weighed = round(self.confidence + self.industry.score, 2)
        return (weighed, self.location, self.place_strength)


@dataclass(frozen=True)
class Discovery:
    best: Candidate | None
    considered: int
    reason: str = ""
    # Why candidates were skipped: not fetched (robots.txt, address rules) or parked.
    skipped: tuple[str, ...] = ()
    # The best candidate when it is plausible but below the acceptance line.
    review: Candidate | None = None


# Candidates read in their other languages when none passes.
VERSION_CANDIDATES = 2
# A domain this much like the name is fetched before the search's other hits.
NAMED_DOMAIN = 0.75


def _likeliest(name: str, homepages: dict[str, str]) -> list[str]:
    """Homepages to fetch, those whose domain spells the name first (each group in the
    search's order): directories and listings that rank above a company's own site for
    its name must not crowd a namesake's own site, or its own, out of the few fetched."""
    named = [
        url for domain, url in homepages.items() if domain_similarity(name, domain) >= NAMED_DOMAIN
    ]
    return named + [url for url in homepages.values() if url not in named]


@dataclass(frozen=True)
class Found:
    """What one discovery knows beyond each candidate page."""

    name: str
    terms: list[str]
    place: RowPlace | None
    old_domain: str
    # Every result's address, and its title and snippet.
    results: list[tuple[str, str]]

    def speaking_for(self, homepage: str) -> list[str]:
        """Results that may speak for the site at `homepage`: its homepage itself, or
        other sites' pages. Another page of its own site (a directory's listing of the
        company) names the company beside the site's own name as a matter of course."""
        own = registered_domain(homepage)
        return [
            text
            for url, text in self.results
            if registered_domain(url) != own or _homepage(url) == _address(url)
        ]


def _homepages(hits: list[SearchHit]) -> dict[str, str]:
    """The homepage of each result's site by its domain, listings and directories aside."""
    homepages: dict[str, str] = {}
    for hit in hits:
        domain = registered_domain(hit.url)
        if domain and not is_aggregator(hit.url) and domain not in homepages:
            homepages[domain] = _homepage(hit.url)
    return homepages


def _address(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme or 'https'}://{parts.netloc}{parts.path or '/'}"


def _homepage(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme or 'https'}://{parts.netloc}/"


class WebsiteDiscovery:
    def __init__(
        self,
        search: SearchProvider,
        fetcher: Fetcher,
        results: int,
        candidates: int,
        threshold: float,
        accept: float = 0.8,
    ) -> None:
        self._search = search
        self._fetcher = fetcher
        self._results = results
        self._candidates = candidates
        self._threshold = threshold
        self._accept = accept

    async def discover(
        self, name: str, context_text: str, place: RowPlace | None = None, old_domain: str = ""
    ) -> Discovery:
        """Raises SearchUnavailable when the provider is down. `old_domain`: the company's
        dead website, which a renamed company's new site may name."""
        hits = []
        for query in website_queries(name, place):
            hits += await self._search.search(query, self._results)
        plain = plain_query(name, place)
        if not hits and plain:
            hits = await self._search.search(plain, self._results)
        asked = (name, context_text, place, old_domain)
        found = await self._judge(hits, *asked)
        brand = brand_query(name, place)
        if brand and found.best is None and found.review is None:
            # Only listings and profiles named it, or only other companies' sites: its own
            # site may write the name only in a mark, and be found by its brand.
            more = await self._search.search(brand, self._results)
            if set(_homepages(more)) - set(_homepages(hits)):
                hits = hits + more
                found = await self._judge(hits, *asked)
        if found.best is None:
            # An English rendering of a name whose site writes it in its own language
            # (`Terelj Tours` for `Тэрэлж Аялал`): the brand with the trade in that language.
            more = []
            for query in translated_queries(name, place):
                more += await self._search.search(query, self._results)
            if set(_homepages(more)) - set(_homepages(hits)):
                found = await self._judge(hits + more, *asked)
        return found

    async def _judge(
        self,
        hits: list[SearchHit],
        name: str,
        context_text: str,
        place: RowPlace | None,
        old_domain: str,
    ) -> Discovery:
        """The candidates of these results fetched, scored and weighed against each other."""
        homepages = _homepages(hits)
        picked = _likeliest(name, homepages)[: self._candidates]
        if not picked:
            return Discovery(None, 0, f"search found no candidate website for '{name}'")
        terms = context_terms(context_text)
        results = [(h.url, f"{h.title} {h.snippet}") for h in hits]
        known = Found(name, terms, place, old_domain, results)
        scored = await asyncio.gather(*(self._score(url, known) for url in picked))
        skipped = tuple(c.evidence for c in scored if c.skipped)
        usable = [c for c in scored if not c.skipped]
        if not usable:
            reason = f"every candidate website for '{name}' was skipped"
            return Discovery(None, len(picked), reason, skipped)
        usable = await self._versions(usable, known)
        best = undecided(max(usable, key=lambda c: c.rank), usable, name, self._accept)
        best = unread_rival(best, usable, place, self._accept, name)
        found = verdict(best.confidence, self._threshold, self._accept)
        if found is Verdict.REJECT:
            reason = (
                f"no candidate matched well enough (best {best.url} at {best.confidence:.2f}, "
                f"threshold {self._threshold:.2f})"
            )
            return Discovery(None, len(picked), reason, skipped)
        if found is Verdict.REVIEW:
            reason = (
                f"the best candidate, {best.url}, is below the acceptance line "
                f"({best.confidence:.2f} < {self._accept:.2f})"
            )
            return Discovery(None, len(picked), reason, skipped, review=best)
        return Discovery(best, len(picked), skipped=skipped)

    async def _score(self, url: str, found: Found) -> Candidate:
        name, terms, place = found.name, found.terms, found.place
        try:
            # Checked as the row's website, one page, as the row's own website is.
            page = await self._fetcher.fetch(url, user_triggered=True)
        except FetchError as error:
            if error.kind in ("robots", "blocked"):
                why = f"candidate {url} not fetched: {error.reason}"
                return Candidate(url, 0.0, why, None, skipped=True)
            unread = error.reason if error.kind in PASSING else ""
            return Candidate(url, 0.0, f"unreachable ({error.reason})", None, unread=unread)
        facts = extract_facts(page.url, page.text, page.content_type)
        parked = parking_reason(page.url, facts, page.redirects)
        if parked:
            why = f"candidate {url} skipped: {parked}"
            return Candidate(page.url, 0.0, why, None, skipped=True)
        home = canonical_homepage(page.url, facts)
        moved = await self._moved_on(facts)
        if moved is not None:
            # An empty page that sends its visitors on (a meta refresh or a script to the
            # language's home) says nothing of its owner: the page it moves to is judged.
            page, facts = moved
        host = urlsplit(page.url).hostname or ""
        # The row's country and city: agreeing signals add a little, contradicting ones
        # take some away, so of two namesakes the one in the row's country wins.
        where = location_evidence(host, page.text, facts.main_text, place)
        candidate = Candidate(
            home,
            0.0,
            "",
            facts,
            location=where.score,
            place_evidence=where.describe(),
            place_strength=where.strength,
            industry=industry_evidence(place.industry, facts) if place else IndustryEvidence(),
            names_city="city" in where.agrees,
        )
        score = website_score(name, facts, WebsiteSource.SEARCH, terms)
        # A translated or renamed company: its page may not carry the row's name, but what
        # surrounds it can link the two.
        linked = self._linked(found, facts, page.text) if score.confidence < self._accept else ""
        return _rated(candidate, found, linked)

    async def _moved_on(self, facts: PageFacts) -> tuple[FetchedPage, PageFacts] | None:
        """The page of its own site an empty page moves its visitors on to, read, or None
        (no such move, the page unreadable, or a parked page)."""
        target = moved_on_to(facts)
        if not target:
            return None
        try:
            page = await self._fetcher.fetch(target, user_triggered=True)
        except FetchError:
            return None
        moved = extract_facts(page.url, page.text, page.content_type)
        if registered_domain(page.url) != registered_domain(facts.url):
            return None
        if parking_reason(page.url, moved, page.redirects):
            return None
        return page, moved

    async def _versions(self, usable: list[Candidate], found: Found) -> list[Candidate]:
        """When no candidate passes, the likeliest few are also read in their other
        languages (a translated name is written on the version in its language); a few
        fetches, and only for rows that would otherwise find nothing."""
        if any(c.confidence >= self._accept for c in usable):
            return usable
        rated = list(usable)
        for candidate in sorted(usable, key=lambda c: -c.confidence)[:VERSION_CANDIDATES]:
            if candidate.facts is None or not candidate.facts.alternates:
                continue
            linked = await version_naming(self._fetcher, candidate.facts, found.name)
            if linked:
                rated[rated.index(candidate)] = _rated(candidate, found, linked)
        return rated

    def _linked(self, found: Found, facts: PageFacts, html: str) -> str:
        """Evidence linking the row's name to the page's owner under another name: the
        company's old domain named on the page, or a search result naming both names."""
        if found.old_domain:
            evidence = names_domain(found.old_domain, html)
            if evidence:
                return evidence
        marked = mark_naming(found.name, facts, html)
        if marked:
            return marked
        # A page that writes the name itself (a group listing its companies) is judged on
        # what it says; results naming both would only repeat it.
        if not mentions_name(found.name, facts.main_text):
            results = found.speaking_for(facts.url)
            # Only names the site's own domain spells are its owner's (not `Home`, not a
            # directory's `Company directory`).
            domain = registered_domain(facts.url)
            owner = [
                n for n in claimed_names(facts) if domain_similarity(n, domain) >= NAMED_DOMAIN
            ]
            return named_together(found.name, owner, results)
        return ""


def _rated(candidate: Candidate, found: Found, linked: str = "") -> Candidate:
    """The candidate's confidence from its page, the link found (if any) and its place."""
    assert candidate.facts is not None
    source = WebsiteSource.SEARCH
    score = website_score(found.name, candidate.facts, source, found.terms, linked=linked)
    confidence = round(max(min(score.confidence + candidate.location, 1.0), 0.0), 2)
    industry = candidate.industry.detail
    evidence = ", ".join(filter(None, (score.describe(), candidate.place_evidence, industry)))
    return replace(candidate, confidence=confidence, evidence=evidence)
