"""Text that links a company's name to a page owned under another brand.

A rebrand or an acquisition leaves words near the old name ("NewCo, formerly OldCo",
"OldCo is now part of NewCo", "ранее ООО Ромашка"); a group site lists its companies
("OldCo is a subsidiary of Group"). Only words within a short window of the name count,
so a page that merely mentions both is not taken as a link.
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum

from shared.company_keys import name_key
from worker.pipeline.confidence.rebrand_wording import rebrand_pattern
from worker.pipeline.matching import mentions_name, name_similarity
from worker.pipeline.stages.page.page_facts import PageFacts

_WINDOW = 70  # characters on each side of a mention of the name
# Letters a name needs for its mention alone to say something (not `Tec`, `Al Noor`).
_OWN_NAME = 8


class BrandLink(StrEnum):
    REBRAND = "rebrand"  # the same company under a new name, or absorbed into this one
    PARENT = "parent"  # the page's owner is the company's group, not the company


_REBRAND = rebrand_pattern()
_PARENT = re.compile(
    r"\b("
    r"part of|member of|subsidiary|division of|a brand of|owned by|our companies|"
    r"group companies|our brands|teil der|tochter\w*|gehört zu|filiale|fait partie|"
    r"groupe|parte del|forma parte|filial|grupo|gruppo|controllata|"
    r"входит в|дочерн\w*|в составе|группа компаний|холдинг"
    r")",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=256)
def _mention_pattern(key: str) -> re.Pattern[str]:
    """Kept here, not in `re`'s own cache, which a new pattern per company would churn."""
    words = r"\W+".join(re.escape(word) for word in key.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


_DOMAIN_LIKE = re.compile(r"[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def _mentions(name: str, text: str) -> list[int]:
    key = name_key(name)
    if not key:
        return []
    return [m.start() for m in _mention_pattern(key).finditer(text)]


def text_link(name: str, text: str) -> BrandLink | None:
    """How the text links `name` to the page's owner, judged near each mention of it."""
    found: BrandLink | None = None
    for start in _mentions(name, text):
        window = text[max(0, start - _WINDOW) : start + len(name) + _WINDOW]
        if _REBRAND.search(window):
            return BrandLink.REBRAND
        if _PARENT.search(window):
            found = BrandLink.PARENT
    return found


def structured_alias(name: str, facts: PageFacts) -> str:
    """A JSON-LD alternateName or legalName of the page's owner that is `name`."""
    org = facts.organization
    if org is None:
        return ""
    for alias in (*org.alternate_names, org.legal_name):
        if alias and name_similarity(name, alias) >= 0.9:
            return alias
    return ""


def named_together(name: str, owner_names: list[str], texts: list[str]) -> str:
    """Evidence that one search result names both the company (`name`) and the page's
    owner under another name (`Белый Парус (White Sail Travel)`), or ''. `texts` are the
    results that may speak for the page: the page itself, or other sites' pages (another
    page of the candidate's own site, a directory's listing, names the company beside the
    site's own name as a matter of course)."""
    others = [
        n
        for n in owner_names
        if n and name_similarity(name, n) < 0.8 and not _DOMAIN_LIKE.fullmatch(n.strip())
    ]
    for text in texts:
        if not mentions_name(name, text):
            continue
        for other in others:
            if len(name_key(other)) >= 4 and mentions_name(other, text):
                return f"a search result names '{name}' and '{other}' together"
    return ""


def names_domain(domain: str, text: str) -> str:
    """Evidence that the page names `domain` (the company's old address), or ''."""
    if domain and re.search(rf"(?<![\w.-]){re.escape(domain)}(?![\w-])", text, re.IGNORECASE):
        return f"the page names {domain}"
    return ""


def names_old_name(name: str, text: str) -> str:
    """Evidence that a page the company's old domain now sends visitors to writes the
    company's name, not as one of its group's companies, or ''. Whoever buys an expired
    domain does not write the former owner's name on their own site."""
    key = name_key(name)
    if len(key.replace(" ", "")) < _OWN_NAME or not _mentions(name, text):
        return ""
    if text_link(name, text) is BrandLink.PARENT:
        return ""
    return f"the page names '{name}'"
