"""Whether a LinkedIn company page from search is the company's: named like it, and
corroborated by something a namesake would not share.

A search result that names the company proves little: namesakes abroad and sibling brands
are named alike. It counts when it also agrees with what is known of the company: its
domain in the result, the result's place and line of business found on the company's
own site, or values from the row's own columns (a country, a city).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from shared.company_keys import name_key, named_after_form
from shared.countries import (
    country_name,
    parse_country,
    parse_country_cell,
    subdivision_countries,
)
from shared.transliteration import has_cyrillic, has_latin, to_latin
from worker.pipeline.confidence.verdict import Score, combine
from worker.pipeline.matching import OTHER_BRAND_MATCH, name_similarity, other_brand

_TITLE_SPLIT = re.compile(r"\s[|\-–—]\s")
# A page named as a group or holding is the family's, not one member's: a row without the
# word is the company, its page is another entity's (the parent, a sibling's holding).
_GROUP_WORD = re.compile(
    r"(?<!\w)(?:group|holdings?|gruppe|groupe|gruppo|grupo|grupa|grubu|holding|холдинг"
    r"|группа|група|集团|集團|グループ)(?!\w)"
)
# `Narmada Pharma on LinkedIn: Pharmaceutical Manufacturing`: the name before LinkedIn's.
_ON_LINKEDIN = re.compile(r"\s+on LinkedIn:", re.IGNORECASE)
_WORD = re.compile(r"\w{3,}")
# Words every LinkedIn result carries, whoever the company is.
_COMMON = {
    "linkedin", "followers", "follower", "employees", "employee", "company", "companies",
    "about", "industry", "website", "headquarters", "founded", "size", "specialties",
    "view", "profile", "more", "join", "page", "sign", "people", "work", "jobs", "the",
    "and", "for", "with", "our", "from", "that", "this", "are", "was", "has", "have",
    "inc", "ltd", "llc", "gmbh", "limited", "group", "services", "solutions", "see",
    "who", "what", "your", "you", "all", "new", "its", "their", "они", "для", "компания",
}  # fmt: skip


@dataclass(frozen=True)
class Hit:
    url: str  # the canonical company page
    title: str
    snippet: str


# Letters Unicode does not decompose, as slugs and domains spell them.
_SPELLED = str.maketrans(
    {"ø": "o", "æ": "ae", "đ": "d", "ł": "l", "ß": "ss", "ð": "d", "þ": "th", "œ": "oe",
     "ı": "i"}
)  # fmt: skip


def _plain(text: str) -> str:
    """`Đông Á`, `Østervang` as a slug writes them: `dong a`, `ostervang`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPELLED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _slug_name(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


def _same_words(name: str, slug: str) -> float:
    """Slugs add words freely (`other-meta`), so only the whole slug counts as the name."""
    left, right = _plain(name_key(name)), _plain(name_key(slug))
    if left and right and other_brand(left, right):
        # `ege-yildizi-gida` for `Ege Yıldızı İnşaat`: the brand's other trade.
        return min(round(fuzz.token_sort_ratio(left, right) / 100, 3), OTHER_BRAND_MATCH)
    return round(fuzz.token_sort_ratio(left, right) / 100, 3) if left and right else 0.0


def _slug_reading(name: str, slug: str) -> float:
    """A name in another script against a slug: the whole slug as its reading."""
    return name_similarity(name, name_key(slug)) if slug.isascii() else 0.0


def _capitalised_words(text: str, name: str) -> list[str]:
    """Capitalised words of the result beyond the name and LinkedIn's boilerplate."""
    skip = {_plain(w) for w in _WORD.findall(name)} | _COMMON
    found = [w for w in _WORD.findall(text) if w[0].isupper() and _plain(w) not in skip]
    return list(dict.fromkeys(found))


def _named_on_site(word: str, site_text: str) -> bool:
    """The site writes the word as a proper noun mid-sentence (`based in Leeds`), so it is
    a place or a name, not the trade words namesakes in the same business share."""
    pattern = rf"\b[a-zа-яё]\w*[\s,]+{re.escape(word)}(?!\w)"
    return re.search(pattern, site_text) is not None


def _forms(hint: str) -> list[str]:
    """How a result may write a cell of the row: as typed, a country code as the
    country's name (`RU`: Russia), a Cyrillic place in Latin letters (`Казань`: Kazan)."""
    forms = [hint] if len(hint) >= 3 else []
    code = parse_country_cell(hint)
    if code:
        forms.append(country_name(code))
    if has_cyrillic(hint):
        forms.append(to_latin(hint))
    return [form.casefold() for form in forms if len(form) >= 3]


# The row's line of business found in the result: namesakes in the same trade share it
# (the trade is often in the name itself), so it adds a little, only to a result named as
# the company, and never corroborates alone.
TRADE_WEIGHT = 0.25


# The shortest domain label a page's name may be taken from: shorter ones are words
# (`bau`, `nova`) that other companies' names spell too.
_MIN_OWN_LABEL = 6


def _squashed(text: str) -> str:
    """`Al Reem IT`, `al-reem-it` as a domain label writes them: `alreemit`."""
    return re.sub(r"[^a-z0-9]", "", _plain(text))


def _named_by_site(written: Sequence[str], site_domain: str | None) -> str:
    """The name of the result (its title or slug) that spells the label of the company's
    own site letter for letter (`Al Reem IT` on alreemit.ae), or "". The site is the
    company's (its page was read and accepted), so its domain is a name the company goes
    by, in Latin letters, however the row writes the name (`الريم لتقنية المعلومات`)."""
    label = _squashed((site_domain or "").split(".")[0])
    if len(label) < _MIN_OWN_LABEL:
        return ""
    return next((each for each in written if _squashed(each) == label), "")


def judge_hit(
    hit: Hit,
    name: str,
    domain: str | None,
    site_text: str,
    hints: Sequence[str] = (),
    trades: Sequence[str] = (),
    site_domain: str | None = None,
) -> Score:
    """The result's confidence; without corroboration it stays below any sane floor.
    `hints`: the row's places (a country, a city); `trades`: its industry cells;
    `site_domain`: the domain of the company's own site when it was read and accepted."""
    title = _TITLE_SPLIT.split(hit.title)[0]
    slug_name = _slug_name(hit.url)
    named = max(name_similarity(name, title), _same_words(name, slug_name))
    shown = title
    bare = _ON_LINKEDIN.split(title)[0]
    if bare != title and (alone := name_similarity(name, bare)) > named:
        # `Narmada Pharma on LinkedIn: Pharmaceutical Manufacturing`: the name alone.
        named, shown = alone, bare
    for written in (title, slug_name):
        # `dameco-cong-ty-co-phan-co-khi-dong-a`: a brand, then the legal form the name
        # starts with (left out of its key), then the name; the name is the part after.
        after = named_after_form(written)
        if after and (inner := max(name_similarity(name, after), _same_words(name, after))) > named:
            named, shown = inner, after
    if not has_latin(name) and (read := _slug_reading(name, slug_name)) > named:
        # `हिमालय कफी` against `himalaya-coffee`: the slug is the name in Latin letters,
        # compared with the name's reading (letters alone cannot compare the two).
        named, shown = read, slug_name
    spelled = "" if named >= 0.9 else _named_by_site((shown, title, slug_name), site_domain)
    if spelled:
        # Still a name only: the result must agree with the domain or the row's places too.
        named, shown = 0.9, spelled
    if named < 0.8:
        return Score(0.0, (f"names '{shown}' (name match {named:.2f})",))
    weights = [0.5 if named >= 0.9 else 0.35]
    evidence = [f"names '{shown}' (name match {named:.2f})"]
    if spelled:
        evidence[0] = f"names '{shown}', as the company's domain {site_domain} spells it"
    text = f"{hit.title} {hit.snippet}"
    lowered = text.casefold()
    if domain and domain.casefold() in lowered:
        weights.append(0.9)
        evidence.append(f"mentions {domain}")
    # A name read off the domain already says the address is the domain's.
    slug = slug_name.replace(" ", "")
    label = (domain or "").split(".")[0].replace("-", "")
    if label and slug == label and _same_words(name, slug_name) < 0.8 and not spelled:
        weights.append(0.6)
        evidence.append(f"its address is the domain's name ({label})")
    agreed = [h for h in hints if any(form in lowered for form in _forms(h))]
    if agreed:
        weights.append(min(0.85, 0.6 * len(agreed)))
        evidence.append("agrees with the row: " + ", ".join(agreed))
    same_trade = [t for t in trades if len(t) >= 3 and t.casefold() in lowered]
    # A name matched only in part (`Hegyköz Építő` for `Kőrösvíz Építő`) shares its trade
    # word with the row's: the industry agreeing then repeats what made the names alike.
    if same_trade and named >= 0.9:
        weights.append(TRADE_WEIGHT)
        evidence.append("the row's line of business: " + ", ".join(same_trade))
    if site_text:
        shared = [w for w in _capitalised_words(text, name) if _named_on_site(w, site_text)]
        if shared:
            weights.append(min(0.75, 0.6 * len(shared)))
            evidence.append("the company's site also names: " + ", ".join(shared[:5]))
    if len(weights) == 1:
        evidence.append("nothing else corroborates it")
    confidence = combine(weights)
    group = _GROUP_WORD.search(title.casefold())
    if group and not _GROUP_WORD.search(name.casefold()):
        confidence *= 0.6
        evidence.append(f"names a group ('{group.group(0)}'), the row does not")
    elsewhere = _other_countries(text, hints)
    if elsewhere:
        # A namesake abroad: whatever else agrees, the page places it in another country.
        confidence *= 0.5
        evidence.append("places the company in " + ", ".join(map(country_name, elsewhere)))
    return Score(round(confidence, 2), tuple(evidence))


_AFTER_COMMA = re.compile(r",\s*([A-ZÀ-ÞА-ЯЁ][\w'-]+(?:\s+[A-ZÀ-ÞА-ЯЁ][\w'-]+){0,2})")
_PLACE_WORDS = re.compile(r"\b[A-ZА-ЯЁ][\w'-]+(?:\s+[A-ZА-ЯЁ][\w'-]+){0,2}")


def _other_countries(text: str, hints: Sequence[str]) -> list[str]:
    """Countries the result names when none of them is the row's own (by its columns)."""
    # A country cell read only in another language (`Brasil`) agrees when the result names
    # it (`_forms`), but places nothing elsewhere: see `RowPlace.country_hint`.
    own = {code for hint in hints if (code := parse_country(hint))}
    if not own:
        return []
    named: set[str] = set()
    for match in _PLACE_WORDS.finditer(text):
        words = match.group(0).split()
        # "United Kingdom", "Kingdom"... every run of 1 to 3 capitalised words, whole names
        # of at least four letters only (two-letter codes are words too).
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                code = parse_country(phrase) if len(phrase) >= 4 else None
                if code:
                    named.add(code)
    # "Cambridge, Massachusetts": the state or province after a place, as LinkedIn and
    # directories write a location, places it too (where several countries have a region
    # of that name, any of them may be the row's).
    for match in _AFTER_COMMA.finditer(text):
        codes = subdivision_countries(match.group(1))
        if codes and not codes & own:
            named.update(codes)
        elif codes:
            return []
    return [] if not named or named & own else sorted(named)


# Two pages this close are corroborated alike: nothing the row or the site says picks one.
_TIED = 0.01


def held_for_namesake(url: str, score: Score, scored: dict[str, Score], accept: float) -> Score:
    """The best page's score, held just below the acceptance line when another company page
    of the same search scores as well (twins of one city with nothing, not even the row's
    industry, between them): a guess between namesakes goes to review, not into the CRM."""
    if score.confidence < accept:
        return score
    rival = next(
        (
            other
            for other, its in scored.items()
            if other != url and its.confidence >= score.confidence - _TIED
        ),
        None,
    )
    if rival is None:
        return score
    held = round(accept - 0.01, 2)
    return Score(held, (*score.evidence, f"a namesake's page is as plausible ({rival})"))
