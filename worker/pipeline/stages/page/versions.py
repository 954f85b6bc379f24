"""A site's other language versions, read when its page does not carry the row's name.

A company listed by a translated name (`Золотой Колос` for Golden Ear Bakery) writes that
name on its version in that language: the `<link rel=alternate hreflang>` pages. Only a
few versions on the same site are read, those in the name's script first.
"""

from __future__ import annotations

from shared.company_keys import registered_domain
from shared.transliteration import has_cyrillic
from worker.pipeline.clients.fetch.fetcher import Fetcher, FetchError
from worker.pipeline.matching import name_similarity
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts

VERSIONS_READ = 2
_SAME = 0.9
_CYRILLIC_LANGUAGES = ("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn")


def _order(name: str, alternates: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Versions in the name's script first (Cyrillic languages for a Cyrillic name,
    English for a Latin one), `x-default` never."""
    cyrillic = has_cyrillic(name)

    def rank(item: tuple[str, str]) -> int:
        base = item[0].split("-")[0]
        if cyrillic:
            return 0 if base in _CYRILLIC_LANGUAGES else 1
        return 0 if base == "en" else 1 if base not in _CYRILLIC_LANGUAGES else 2

    return sorted((a for a in alternates if a[0] != "x-default"), key=rank)


def claimed_names(facts: PageFacts) -> list[str]:
    """What the page calls its owner: site name, structured names, title parts."""
    org = facts.organization
    names = facts.identity_names()
    if org is not None:
        names += [org.legal_name, *org.alternate_names]
    return [name for name in names if name]


async def version_naming(fetcher: Fetcher, facts: PageFacts, name: str) -> str:
    """Evidence that a language version of the page's site calls its owner `name`, or ''."""
    own = registered_domain(facts.url)
    read = 0
    for lang, url in _order(name, facts.alternates):
        if read == VERSIONS_READ:
            break
        if registered_domain(url) != own or url.rstrip("/") == facts.url.rstrip("/"):
            continue
        read += 1
        try:
            page = await fetcher.fetch(url)
        except FetchError:
            continue
        version = extract_facts(page.url, page.text, page.content_type)
        for claimed in claimed_names(version):
            if name_similarity(name, claimed) >= _SAME:
                return f"its {lang} version ({page.url}) calls itself '{claimed}'"
    return ""
