"""The LinkedIn company page: the site's own links first, a corroborated search second."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

from shared import other_scripts
from shared.company_keys import name_key, plain_name, registered_domain
from shared.informal_cyrillic import informal_readings
from shared.label_words import label_words
from shared.national_cyrillic import readings as national_readings
from shared.romanisation import has_cjk, search_readings
from shared.transliteration import (
    has_cyrillic,
    has_latin,
    is_kazakh_latin,
    kazakh_reading,
    plain_letters,
    to_kazakh,
    to_latin,
)
from shared.transliteration import latin_readings as to_latin_readings
from worker.pipeline.clients.search.provider import SearchProvider
from worker.pipeline.confidence.linkedin import Hit, held_for_namesake, judge_hit
from worker.pipeline.confidence.verdict import Score
from worker.pipeline.matching import domain_similarity, name_similarity
from worker.pipeline.stages.page.page_facts import PageFacts

_COMPANY_PATH = re.compile(r"^/company/([^/?#]+)")
_SPELLED = 0.9


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


# The company's own site links it: as sure as the site itself.
SITE_CONFIDENCE = 0.95


def site_source(facts: PageFacts, url: str) -> str:
    """`structured_data` when the page's JSON-LD sameAs names the page, else `site`."""
    same_as = facts.organization.same_as if facts.organization else ()
    return "structured_data" if url in {company_url(link) for link in same_as} else "site"


# Latin readings of one name in another script searched at most: each is a guess at
# how the company spells itself, and each costs a search.
MAX_READINGS = 2


def search_names(name: str, pages: Sequence[PageFacts], domain: str | None = None) -> list[str]:
    """The names a LinkedIn page may go by: the row's, its Latin readings when written in
    another script, and the name the company's own site gives itself when that is another
    (read in Latin letters too when the site writes it in another script). `domain`: the
    row's own domain when no page of it could be read (down, parked, in doubt); it is no
    evidence then, but when its label spells the name it spells it with the vowels and
    the Latin letters the company chose (`zagrossazeh.ir` for `زاگرس سازه`)."""
    names = [name]
    plain = plain_name(name)
    names += latin_readings(plain)
    if not pages and domain:
        spelled = _domain_words(plain, domain)
        if spelled and name_key(spelled) not in {name_key(each) for each in names}:
            # Before the readings, which only guess at the spelling the domain gives.
            names.insert(1, spelled)
    if plain.isascii() and any(has_cyrillic(page.title + page.main_text[:2000]) for page in pages):
        # `Juravli Stroy` of a site in Russian is on LinkedIn as Zhuravli Stroy.
        names += [each for each in informal_readings(plain) if each.isascii()][:1]
    elif not plain.isascii() and has_latin(plain) and not is_kazakh_latin(plain):
        # `Kızılırmak Lojistik` is often typed as Kizilirmak Lojistik.
        names.append(" ".join(plain_letters(word) for word in plain.split()))
    for page in pages[:1]:
        spelled = _domain_words(plain, registered_domain(page.url))
        own = _own_name(page)
        if not has_latin(plain):
            # How the site spells the name in Latin letters (`Andaman Marine`, its domain's
            # `ofek maarachot`) goes before readings of the row's name (`andaman marin`),
            # which only guess at it.
            site_spelled = [each for each in (own, spelled) if each and has_latin(each)]
            names[1:1] = [
                each
                for index, each in enumerate(site_spelled)
                if name_key(each) not in {name_key(other) for other in site_spelled[:index]}
            ]
            if not own or has_latin(own):
                continue
        elif spelled and name_key(spelled) not in {name_key(each) for each in names}:
            names.append(spelled)
        if not own:
            continue
        # A name like a known one is searched once, unless the scripts differ: the site's
        # Latin `Nachal Technologiot` finds a page the row's `נחל טכנולוגיות` does not.
        if all(
            name_similarity(own, known) < 0.8 or has_latin(own) != has_latin(known)
            for known in names
        ):
            names.append(own)
        if has_latin(plain) and not has_latin(own):
            # `Pearl Tourism` of a site calling itself `اللؤلؤة للسياحة` on allulutourism.ae:
            # its domain spells the site's own name as LinkedIn most likely does.
            own_spelled = _domain_words(plain_name(own), registered_domain(page.url))
            if own_spelled and name_key(own_spelled) not in {name_key(each) for each in names}:
                names.append(own_spelled)
            # `Elka Dekor` of a site calling itself `Ёлка Декор`: LinkedIn has Yolka Dekor.
            names += [each for each in latin_readings(plain_name(own)) if each not in names]
    return list(dict.fromkeys(names))


def latin_readings(name: str) -> list[str]:
    """How a name in Cyrillic, Japanese, Chinese, Kazakh Latin, Korean, Greek, Thai or
    Devanagari letters is likely spelled in Latin letters (none for a Latin name)."""
    key = name_key(name)
    if has_cyrillic(name) and not has_latin(name):
        national = national_readings(key)
        if national:
            # `Хөвсгөл Аялал` is on LinkedIn as Khuvsgul Travel, `Белавежа Мэбля` as
            # Bielaviezha Furniture: the language's own spelling with the trade in English,
            # then as read, then the Russian scheme's reading.
            return _distinct([*national[1:2], national[0], to_latin(key)])
        kazakh = kazakh_reading(key)
        if kazakh:
            # `Алатау Құрылыс` is on LinkedIn as Alatau Qurylys, or as Russian reads it.
            return _distinct([kazakh, to_latin(key)])
        # Three at most: the scheme's, `ё` as `yo`, a leading `е` as `e` (`Ёжик`: Yezhik,
        # Yozhik, Ezhik).
        return to_latin_readings(key)
    if has_cjk(name):
        # `株式会社朝霧電機` is on LinkedIn as Asagiri Denki, `永豐茶業` as Yung Feng Tea.
        return search_readings(key)[:MAX_READINGS]
    if is_kazakh_latin(name) and (kazakh := to_kazakh(key)) is not None:
        # `Aqjol Qūrylys` (the 2021 Kazakh alphabet) is informally Akzhol Kurylys.
        return [to_latin(kazakh)]
    if other_scripts.script_of(name) and not has_latin(name):
        # `한빛정밀` is on LinkedIn as Hanbit Jeongmil, `Αστέρας Υφάσματα` as Asteras Yfasmata.
        return other_scripts.search_readings(key)[:MAX_READINGS]
    return []


# A Latin name spelled otherwise by its own domain (`Aria Tarabar` on arya-tarabar.ir):
# alike enough that the domain is the name's, not another word.
_LATIN_SPELLED = 0.75


def _distinct(names: list[str]) -> list[str]:
    """The names without repeats of one key (`Khovsgol` and `khovsgol`)."""
    kept: dict[str, str] = {}
    for each in names:
        kept.setdefault(name_key(each), each)
    return list(kept.values())


def _domain_words(name: str, domain: str | None) -> str:
    """The words of the site's domain (`gefen-taasiyot.co.il`: gefen taasiyot) when it
    spells the name or its reading: a Hebrew or Arabic name has no reading with its
    vowels, but the domain the company chose has them; a name typed informally
    (`Tenger Lojistik`, `Aria Tarabar`) is spelled by the company's own domain as its
    LinkedIn page most likely is (`tenger-logistics.mn`, `arya-tarabar.ir`)."""
    label = domain.split(".")[0] if domain else ""
    if not label:
        return ""
    latin = has_latin(name)
    if "-" not in label:
        # `ofekmaarachot.co.il` for `אופק מערכות`: split where the reading's words are.
        if other_scripts.script_of(name) and not latin:
            return label_words(name, label)
        spellings = [name] if latin else to_latin_readings(name_key(name))
        return label_words(name, label, spellings) if spellings else ""
    if domain_similarity(name, domain) < (_LATIN_SPELLED if latin else _SPELLED):
        return ""
    return label.replace("-", " ")


def _own_name(page: PageFacts) -> str:
    """The name the site goes by: its site name or structured name, else the part of its
    title its domain spells (`Home | White Sail Travel` on white-sail-travel.com)."""
    org = page.organization
    if page.og_site_name or (org and org.name):
        return page.og_site_name or (org.name if org else "")
    domain = registered_domain(page.url)
    # `Vltavín Strojírny` on vltavinstrojirny.cz: domains drop the marks.
    spelled = [
        n
        for n in page.identity_names()
        if max(domain_similarity(n, domain), _plain_similarity(n, domain)) >= _SPELLED
    ]
    return spelled[0] if spelled else ""


def _plain_similarity(name: str, domain: str | None) -> float:
    """`domain_similarity` of a Latin name's plain letters (0 for other names)."""
    if not has_latin(name) or name.isascii():
        return 0.0
    return domain_similarity(" ".join(plain_letters(word) for word in name.split()), domain)


async def from_search(
    search: SearchProvider,
    name: str,
    domain: str | None,
    limit: int,
    site_text: str = "",
    hints: Sequence[str] = (),
    where: str = "",
    by_domain: bool = False,
    trades: Sequence[str] = (),
    loose_for: str = "",
    accept: float | None = None,
    site_domain: str | None = None,
) -> tuple[str, Score] | None:
    """The best company page found, judged on what corroborates it (see
    `confidence.linkedin`); None when search finds no company page at all. `where` (the
    row's city and country) narrows the search to the company's own page among
    namesakes. `by_domain`: search for the company's domain instead of its name, for a
    name in a script its LinkedIn page does not use. `loose_for`: `name` is a reading of
    this name that cannot be spelled exactly (an Arabic name without its vowels), searched
    unquoted and its results judged against this name. `accept`: the acceptance line; a
    best page that another page matches point for point is held below it (a guess between
    namesakes goes to review). `site_domain`: the domain of the company's site when it was
    read and accepted (see `judge_hit`). Raises SearchUnavailable when the provider is
    down."""
    if by_domain and domain:
        # A page's About section gives the company's website, which engines index.
        query = f'site:linkedin.com/company "{domain}"'
    elif loose_for:
        query = " ".join(filter(None, ("site:linkedin.com/company", name, where)))
    else:
        query = " ".join(filter(None, (f'site:linkedin.com/company "{name}"', where)))
    hits = await search.search(query, limit)
    plain = plain_name(name)
    if not hits and plain != name.strip() and not by_domain and not loose_for:
        # LinkedIn page names mostly leave the legal form out; quoted, it may find nothing.
        query = " ".join(filter(None, (f'site:linkedin.com/company "{plain}"', where)))
        hits = await search.search(query, limit)
    scored: dict[str, Score] = {}
    for hit in hits:
        url = company_url(hit.url)
        if url is None or url in scored:
            continue
        judged = Hit(url, hit.title, hit.snippet)
        scored[url] = judge_hit(
            judged, loose_for or name, domain, site_text, hints, trades, site_domain
        )
    if not scored:
        return None
    # The first of equals wins, as the engine ranked it.
    url, score = max(scored.items(), key=lambda item: item[1].confidence)
    if accept is not None:
        score = held_for_namesake(url, score, scored, accept)
    return url, score
