"""The LinkedIn company page: the site's own links first, a name-checked search second."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from worker.pipeline.clients.search.provider import SearchProvider
from worker.pipeline.matching import domain_similarity, name_similarity
from worker.pipeline.stages.page.page_facts import PageFacts

_COMPANY_PATH = re.compile(r"^/company/([^/?#]+)")


def company_url(url: str) -> str | None:
    """Canonical `https://www.linkedin.com/company/<slug>` or None for any other link."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return None
    match = _COMPANY_PATH.match(parts.path)
    if not match:
        return None
    slug = unquote(match.group(1)).strip().lower()
    return f"https://www.linkedin.com/company/{slug}" if slug else None


def _slug_name(url: str) -> str:
    return url.rsplit("/", 1)[-1].replace("-", " ")


def from_site(facts: PageFacts, name: str) -> str | None:
    """JSON-LD sameAs first, then page links; several pages -> the one named most alike."""
    links = list(facts.organization.same_as) if facts.organization else []
    links += facts.socials.get("linkedin", [])
    found = list(dict.fromkeys(url for link in links if (url := company_url(link))))
    if len(found) <= 1:
        return found[0] if found else None
    return max(found, key=lambda url: name_similarity(name, _slug_name(url)))


async def from_search(
    search: SearchProvider,
    name: str,
    domain: str | None,
    threshold: float,
    limit: int,
    where: str = "",
) -> tuple[str, float] | None:
    """Raises SearchUnavailable when the provider is down. `where` (the row's city and
    country) narrows the search to the company's own page among namesakes."""
    query = " ".join(filter(None, (f'site:linkedin.com/company "{name}"', where)))
    hits = await search.search(query, limit)
    best: tuple[str, float] | None = None
    for hit in hits:
        url = company_url(hit.url)
        if url is None:
            continue
        title = re.split(r"\s[|\-–—]\s", hit.title)[0]
        score = max(name_similarity(name, title), name_similarity(name, _slug_name(url)))
        if domain and domain.split(".")[0] in (hit.snippet + hit.title).lower():
            score = min(1.0, score + 0.1)
        score = max(score, domain_similarity(name, _slug_name(url).replace(" ", "")) * 0.9)
        if score >= threshold and (best is None or score > best[1]):
            best = (url, round(score, 2))
    return best
