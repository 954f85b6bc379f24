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
from worker.pipeline.matching import mentions_name, name_similarity
from worker.pipeline.stages.page.page_facts import PageFacts

_WINDOW = 70  # characters on each side of a mention of the name


class BrandLink(StrEnum):
    REBRAND = "rebrand"  # the same company under a new name, or absorbed into this one
    PARENT = "parent"  # the page's owner is the company's group, not the company


_REBRAND = re.compile(
    r"\b("
    # English
    r"formerly|previously|f/k/a|fka|renamed|rebranded|re-branded|now known as|"
    r"new name|is now|has become|became|changed (?:its|our) name|now called|trading as|"
    r"now part of|acquired|merged|"
    # German, Dutch
    r"ehemals|vormals|früher|umbenannt|heißt jetzt|jetzt teil|übernommen|voorheen|"
    r"voormalig|wurde zur?|"
    # French, Spanish, Italian, Portuguese
    r"anciennement|auparavant|précédemment|désormais|rebaptisé|renommée?|est devenue?|"
    r"anteriormente|antes conocid[ao]|antiguamente|ahora se llama|renombrad[ao]|se convirtió en|"
    r"precedentemente|ora si chiama|rinominat[ao]|agora se chama|già|"
    # Turkish, Kazakh, Japanese, Chinese
    r"eski ad\w*|önceki ad\w*|yeni ad\w*|adını değiştir\w*|бұрынғы|"
    r"旧社名|旧称|社名変更|原名|曾用名|更名为?|"
    # Polish, Russian, Ukrainian
    r"dawniej|wcześniej|obecnie|ранее|прежде|бывш\w*|переименова\w*|теперь|стал[аои]?|"
    r"прежнее название|вошл\w* в состав|раніше|колишн\w*|"
    # Swedish, Danish, Norwegian, Finnish
    r"tidigare|bytt namn|nytt namn|tidligere|skiftet navn|nyt navn|nytt navn|"
    r"entinen|aiemmin|uusi nimi|"
    # Czech, Slovak, Hungarian, Romanian, Serbian, Croatian, Bulgarian, Greek
    r"dříve|původně|přejmenován\w*|predtým|premenovan\w*|korábban|régi nev\w*|"
    r"fost(?:ul|a)?|redenumit\w*|ranije|bivš\w*|преименован\w*|раније|бивш\w*|"
    r"преди|πρώην|μετονομάστηκε|"
    # Spanish and Portuguese "antes", Hebrew, Arabic
    r"antes|antiga(?:mente)?|לשעבר|سابقا|سابقاً|"
    # The old address or name itself: "our old website", "nuestra antigua web", ...
    r"old (?:website|site|web address|address|domain|name)|former (?:website|site|name)|"
    r"alte[nr]? (?:website|webseite|adresse|domain|name)|"
    r"ancien(?:ne)? (?:site|nom|adresse)|antigu[ao] (?:web|sitio|página|dirección|nombre)|"
    r"стар\w+ (?:сайт|адрес|название)"
    r")",
    re.IGNORECASE,
)
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
