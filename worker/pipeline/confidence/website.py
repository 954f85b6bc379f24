"""How likely a fetched homepage is the company's own website (0-1), with the evidence.

Each signal is a probability that the page is the company's on its own; `combine` joins
them (noisy-OR). A page whose owner calls itself by another name is someone else's unless
the page links the two names (a rebrand, an alias); a group's page that lists the company
as one of its own stays below the default acceptance line, so the company's own site wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from urllib.parse import urlsplit

from shared.company_keys import registered_domain
from shared.romanisation import has_cjk
from worker.pipeline.confidence.brand import BrandLink, structured_alias, text_link
from worker.pipeline.confidence.verdict import Score, combine
from worker.pipeline.matching import (
    best_name_similarity,
    domain_similarity,
    mentions_name,
    name_similarity,
    terms_found,
)
from worker.pipeline.stages.page.page_facts import PageFacts


class WebsiteSource(StrEnum):
    GIVEN = "given"  # the input's website, on its own domain
    REDIRECT = "redirect"  # the input's website sends visitors to another domain
    SEARCH = "search"  # found by search, no website given
    REDISCOVERED = "rediscovered"  # found by search, the given one being dead


# What the origin alone says: a user's list is usually right about its own websites.
_PRIOR = {
    WebsiteSource.GIVEN: (0.8, "given in the input"),
    WebsiteSource.REDIRECT: (0.35, "the given website redirects here"),
}
PARENT_CAP = 0.75
# A page whose only name is its domain (the title, the headline) and that never writes the
# company's name: a lander, a placeholder, an empty shell. The domain alone may be right,
# but nothing on the page says whose it is, so the candidate goes to review.
NAMELESS_CAP = 0.7
_SAME = 0.9
_CLOSE = 0.8
_OTHER_OWNER = 0.7


# "株式会社北斗精工 (Hokuto Seiko Co., Ltd.)": a name with its other-language form beside it.
_BESIDE = re.compile(r"(.+?)\s*[(（]([^()（）]+)[)）]\s*")


_CJK_TITLE_SPLIT = re.compile(r"\s*[|｜\-–—_／·・:：【】「」]\s*")


def _is_address(text: str, url: str) -> bool:
    """The text is just the page's host or domain name (`www.acme.fi`, `acme.fi/`)."""
    bare = text.strip().lower().removeprefix("www.").rstrip("/")
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return bool(bare) and bare in {host, registered_domain(url) or host}


def _titles(facts: PageFacts) -> list[str]:
    """The title's parts, the OpenGraph title and the page's headline, each name written
    with another in brackets also as the two names on their own. A title that is only the
    domain name is no name: the domain is weighed on its own."""
    parts = [p for p in re.split(r"\s[|\-–—:·]\s", facts.title) if p]
    if has_cjk(facts.title):
        # Chinese and Japanese titles join their parts without spaces (`新锐纺织-首页`).
        parts += [p for p in _CJK_TITLE_SPLIT.split(facts.title) if p.strip()]
    parts += [facts.og_title, facts.shape.headline]
    names = []
    for part in filter(None, parts):
        if _is_address(part, facts.url):
            continue
        names.append(part)
        beside = _BESIDE.fullmatch(part)
        if beside:
            names += [beside.group(1), beside.group(2)]
    return names


def _page_text(facts: PageFacts) -> str:
    org = facts.organization
    parts = [facts.title, facts.meta_description, facts.og_description]
    parts += [org.description if org else "", facts.main_text[:20_000]]
    return " ".join(part for part in parts if part)


def _slug(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1].split("?")[0].replace("-", " ")


def _profile_named(name: str, facts: PageFacts) -> bool:
    """The page links a social profile (LinkedIn, sameAs) whose handle is the name."""
    links = list(facts.organization.same_as) if facts.organization else []
    for urls in facts.socials.values():
        links += urls
    return any(name_similarity(name, _slug(link)) >= _SAME for link in links)


def _identity(name: str, facts: PageFacts) -> tuple[float, list[str], float]:
    """The identity signal, its evidence, and how well the page's own claimed names match."""
    org = facts.organization
    claimed = [facts.og_site_name, org.name if org else "", org.legal_name if org else ""]
    # The page's text lets initials count (`IBM` for International Business Machines)
    # when it writes both the full name and the initials.
    text = _page_text(facts)
    strong, strong_name = best_name_similarity(name, claimed, text)
    title, title_name = best_name_similarity(name, _titles(facts), text)
    weight = max(
        0.85 if strong >= _SAME else 0.6 if strong >= _CLOSE else 0.0,
        0.7 if title >= _SAME else 0.45 if title >= _CLOSE else 0.0,
    )
    evidence = []
    if weight:
        where, named, score = (
            ("site name", strong_name, strong) if strong >= title else ("title", title_name, title)
        )
        evidence.append(f"{where} '{named}' (name match {score:.2f})")
    claims = [c for c in claimed if c]
    owner_match = strong if claims else 1.0
    return weight, evidence, max(owner_match, title)


def _names_only_its_domain(name: str, facts: PageFacts, text: str) -> bool:
    if not any(_is_address(shown, facts.url) for shown in (facts.title, facts.shape.headline)):
        return False
    # The domain written out is not the name written: `kaarna-rakennus.fi` names no one.
    host = (urlsplit(facts.url).hostname or "").lower()
    addresses = {host, host.removeprefix("www."), registered_domain(facts.url) or host}
    pattern = "|".join(re.escape(a) for a in sorted(addresses, key=len, reverse=True) if a)
    return not mentions_name(name, re.sub(pattern, " ", text, flags=re.IGNORECASE))


def website_score(
    name: str,
    facts: PageFacts | None,
    source: WebsiteSource,
    terms: Sequence[str] = (),
    url: str = "",
    linked: str = "",
) -> Score:
    """`linked`: evidence found beyond the page that links the name to the page's owner (a
    language version naming it, a search result naming both, the old domain named)."""
    weights: list[float] = []
    evidence: list[str] = []
    if source in _PRIOR:
        prior, why = _PRIOR[source]
        weights.append(prior)
        evidence.append(why)
    if facts is None:
        return Score(combine(weights), tuple(evidence))
    identity, said, owner_match = _identity(name, facts)
    weights.append(identity)
    evidence += said
    text = _page_text(facts)
    if identity < 0.7 and mentions_name(name, text):
        weights.append(0.35)
        evidence.append("the page mentions the name")
    domain = domain_similarity(name, registered_domain(url or facts.url))
    weights.append(0.55 if domain >= _SAME else 0.3 if domain >= 0.75 else 0.0)
    evidence.append(f"domain match {domain:.2f}")
    if _profile_named(name, facts):
        weights.append(0.25)
        evidence.append("links a profile named like the company")
    if terms:
        found = terms_found(list(terms), facts.main_text)
        weights.append(0.25 * len(found) / len(terms))
        evidence.append(f"context terms {len(found)}/{len(terms)}")
    alias = structured_alias(name, facts)
    link = BrandLink.REBRAND if alias or linked else text_link(name, text)
    if link is None and text_link(name, facts.footer_text) is BrandLink.REBRAND:
        # `Veenhof Installatietechniek — voorheen Brouwer & Zonen` in the footer: a
        # rename, said where sites say who they are. (A footer's "part of" lists are a
        # group's, and not read as the company's own.)
        link = BrandLink.REBRAND
    if link is BrandLink.REBRAND:
        weights.append(0.8)
        if not linked:
            linked = f"structured data names it '{alias}'" if alias else "the text links the names"
        evidence.append(linked)
    elif link is BrandLink.PARENT:
        weights.append(0.45)
        evidence.append("the page lists it as part of its group")
    confidence = combine(weights)
    if not identity and link is None and _names_only_its_domain(name, facts, text):
        evidence.append("the page names nothing but its domain")
        confidence = min(confidence, NAMELESS_CAP)
    if owner_match < _OTHER_OWNER and link is not BrandLink.REBRAND:
        owner = facts.og_site_name or (facts.organization.name if facts.organization else "")
        evidence.append(f"the page's owner is '{owner}'")
        confidence = min(confidence * 0.9, PARENT_CAP) if link else confidence * 0.5
    return Score(round(confidence, 2), tuple(evidence))
