"""One function per signal. Each looks at the fetched page and answers with a weighted
piece of evidence or nothing.

Domain-centric signals speak about the domain itself (landing on a marketplace, "this
domain is for sale", a parking script); shape signals (few words, the domain as the
title) describe most landers but also many tiny honest sites, so they only add weight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from shared.company_keys import registered_domain
from worker.pipeline.stages.page.page_facts import PageFacts
from worker.pipeline.stages.page.parked import hosts, notices, wording

# Landers say what they are in their first lines; reading further only costs time.
_TEXT_LIMIT = 6_000
_PARKING_JS = re.compile(
    r"adsense/domains|caf\.js|['\"]dp-[\w-]+['\"]|sedoparking|parkingcrew|bodis|parklogic"
    r"|window\.park\b",
    re.IGNORECASE,
)
# Words every match of _PARKING_JS holds: an ASCII script without them (most scripts are
# ASCII) is passed over without the pattern being tried at each of its characters.
_PARKING_JS_WORDS = wording.Words(
    *("adsense/domains", "caf.js", "dp-", "sedoparking", "parkingcrew", "bodis", "parklogic"),
    "window.park",
)
_OFFER_FIELD = re.compile(r"offer|\bbid\b|gebot|angebot|offre|oferta|offerta|\bbod\b|предлож")
_NEAR = 60
# Pages a web server shows by itself where no site has been put: a bare directory listing,
# a fresh install's welcome or test page.
_SERVER_PAGE = re.compile(
    r"^(?:index of /|welcome to nginx|apache2?\b.{0,30}\bdefault page|iis windows server"
    r"|test page for (?:the )?(?:apache|nginx))"
)


@dataclass(frozen=True)
class Signal:
    name: str
    weight: float
    detail: str
    domain_centric: bool


@dataclass(frozen=True)
class Landing:
    """A fetched page as the detector sees it: where it was asked for and where it ended."""

    url: str
    facts: PageFacts
    redirects: tuple[str, ...] = ()

    @cached_property
    def domain(self) -> str:
        return registered_domain(self.url) or (urlsplit(self.url).hostname or "")

    @cached_property
    def domain_names(self) -> tuple[str, ...]:
        """The domain as written in ASCII and, for an internationalised one, in Unicode."""
        try:
            shown = self.domain.encode("ascii").decode("idna")
        except UnicodeError:
            shown = self.domain
        return (self.domain,) if shown == self.domain else (self.domain, shown)

    @cached_property
    def origin(self) -> str:
        return (registered_domain(self.redirects[0]) or "") if self.redirects else self.domain

    @cached_property
    def text(self) -> str:
        """Title, descriptions and visible text, lower case, as every wording check reads it."""
        facts = self.facts
        parts = [facts.title, facts.meta_description, facts.og_title, facts.shape.text]
        return " ".join(part for part in parts if part)[:_TEXT_LIMIT].lower()

    @cached_property
    def notice_text(self) -> str:
        """Where a lander's notice is read: the start of a page of few words."""
        if self.facts.shape.words >= notices.NOTICE_WORDS:
            return ""
        return self.text[: notices.NOTICE_TEXT]

    @cached_property
    def domain_windows(self) -> list[str]:
        """The notice text around its first words for the domain, and around its first
        mentions of the domain's own name ("the registration of acme.de has expired")."""
        text = self.notice_text
        if not text:
            return []
        named = [notices.around(text, s, e) for s, e in _bare_mentions(self, text)[:2]]
        return notices.windows(text) + named


def marketplace_links(page: Landing) -> Signal | None:
    weakest: Signal | None = None
    for link in page.facts.shape.links:
        found = hosts.marketplace(link)
        if not found or found == page.domain:
            continue
        if hosts.names_domain(link, page.domain_names):
            return Signal("listing_link", 0.7, f"links to its own listing at {found}", True)
        if hosts.looks_like_listing(link) and (weakest is None or not weakest.domain_centric):
            weakest = Signal("marketplace_link", 0.4, f"links to {found} listings", True)
        elif weakest is None:
            weakest = Signal("registrar_link", 0.1, f"links to {found}", False)
    return weakest


def parking_scripts(page: Landing) -> Signal | None:
    shape = page.facts.shape
    for source in shape.script_sources:
        if hosts.parking_script_host(source) or _PARKING_JS.search(source):
            return Signal("parking_script", 0.7, f"loads {source}", True)
    scripts = shape.inline_scripts
    if scripts.isascii() and not _PARKING_JS_WORDS.within(scripts.lower()):
        return None
    found = _PARKING_JS.search(scripts)
    if found:
        return Signal("parking_script", 0.7, f"parking script ('{found.group(0)}')", True)
    return None


def server_page(page: Landing) -> Signal | None:
    """The web server's own page (a directory listing, a welcome page) with next to nothing
    on it: the domain points at a server nobody has put a site on."""
    if page.facts.shape.words >= 150:
        return None
    for text in (page.facts.title, page.facts.shape.headline):
        found = _SERVER_PAGE.match(" ".join(text.split()).lower())
        if found:
            return Signal("server_page", 1.0, f"a web server's own page ('{found.group(0)}')", True)
    return None


def sale_wording(page: Landing) -> Signal | None:
    phrases = set(wording.near(wording.DOMAIN_WORD, wording.DOMAIN_SALE, page.text))
    if not phrases:
        return _sale_notice(page)
    shown = ", ".join(f"'{p}'" for p in sorted(phrases)[:2])
    weight = min(0.6 + 0.2 * (len(phrases) - 1), 1.0)
    return Signal("sale_wording", weight, f"says the domain is for sale ({shown})", True)


def _sale_notice(page: Landing) -> Signal | None:
    """A word for the domain with a sale word beside it, in any major language. Said of
    domains in general (a registrar's "buy a domain") it says nothing; said beside the
    page's own domain name, or on a page that is just its domain name, it is a notice."""
    if hosts.marketplace(page.url):
        return None  # a marketplace speaks of selling domains everywhere
    found = notices.said_of_domain(notices.SALE, page.domain_windows)
    if found is None:
        return None
    noun, term, window = found
    detail = f"speaks of selling the domain ('{noun}' beside '{term}')"
    return Signal("sale_notice", 0.5, detail, True) if _about_itself(page, window) else None


def _about_itself(page: Landing, window: str) -> bool:
    """Whether words about "the domain" are about this page's own: its name stands beside
    them, or the page's title or headline is nothing but that name."""
    if any(name in window for name in page.domain_names):
        return True
    return _is_domain(page.facts.title, page) or _is_domain(page.facts.shape.headline, page)


def parking_wording(page: Landing) -> Signal | None:
    found = wording.near(wording.PARKED_WORD, wording.PARKED, page.text)
    if not found:
        return _lapse_notice(page)
    # Several parking phrases ("expired on ...", "pending renewal") say it more surely.
    weight = min(0.6 + 0.2 * (len(set(found)) - 1), 1.0)
    return Signal("parking_wording", weight, f"parking wording ('{found[0]}')", True)


def _lapse_notice(page: Landing) -> Signal | None:
    """A registrar's notice that the domain expired, awaits renewal or was just registered:
    a word for the domain with a lapse word beside it, or two of the words only expiry
    notices use ("grace period", "registrant", "renew it now"). An insurer's "your policy
    has expired, renew it" says them too: only about the page's own domain do they count."""
    if hosts.marketplace(page.url):
        return None
    terms = notices.lifecycle(page.notice_text)
    found = notices.said_of_domain(notices.LAPSE, page.domain_windows)
    if len(terms) >= 2 and _about_itself(page, page.notice_text[:400]):
        return Signal("lapse_notice", 0.6, f"an expiry notice ('{terms[0]}', '{terms[1]}')", True)
    if found is None:
        return None
    noun, term, window = found
    detail = f"says the domain lapsed or is registered ('{noun}' beside '{term}')"
    return Signal("lapse_notice", 0.5, detail, True) if _about_itself(page, window) else None


def own_domain_for_sale(page: Landing) -> Signal | None:
    """The page's own domain name beside a sale word, in any language."""
    if hosts.marketplace(page.url):
        return None  # a marketplace names itself everywhere; what it sells is elsewhere
    text = page.text
    for start, end in _bare_mentions(page):
        window = text[max(0, start - _NEAR) : end + _NEAR]
        if wording.SALE_WORD.search(window) or notices.first_of(notices.SALE, window):
            return Signal("domain_named_for_sale", 0.5, f"offers {text[start:end]} itself", True)
    return None


def domain_financing(page: Landing) -> Signal | None:
    """Lease-to-own, payment plans or a monthly price offered for the domain itself."""
    if hosts.marketplace(page.url):
        return None
    text = page.text
    for start, end in _domain_mentions(page):
        window = text[max(0, start - _NEAR) : end + _NEAR * 2]
        if found := wording.FINANCING.search(window):
            return Signal(
                "domain_financing", 0.5, f"offers the domain on terms ('{found.group(0)}')", True
            )
    return None


def _domain_mentions(page: Landing) -> list[tuple[int, int]]:
    """Where the page speaks of its domain: its name as such, or "this domain"."""
    spans = wording.THIS_DOMAIN.spans(page.text)
    return sorted(spans + _bare_mentions(page))[:8]


def _bare_mentions(page: Landing, text: str = "") -> list[tuple[int, int]]:
    """The page's domain name written as such (in `text`, the page's text by default): not
    inside an address such as info@example.com, shop.example.com or example.com/contact,
    which every site has."""
    text = text or page.text
    spans = []
    for name in page.domain_names:
        # A plain search: a pattern per domain would be compiled for every page.
        start = text.find(name) if name else -1
        while start != -1:
            end = start + len(name)
            before = text[max(0, start - 4) : start]
            after = text[end : end + 1]
            if (before == "www." or before[-1:] not in ("@", ".", "/")) and after != "/":
                spans.append((start, end))
            start = text.find(name, end)
    return sorted(spans)


def selling_words(page: Landing) -> Signal | None:
    found = wording.near(wording.SELLING_WORD, wording.SELLING, page.text)
    if not found:
        return None
    return Signal("selling_words", 0.15, f"selling words ('{found[0]}')", False)


def _is_domain(text: str, page: Landing) -> bool:
    """The text is just the page's domain, or the domain the visitor was sent from: a
    page reached by a redirect whose title or headline is the given domain's name is a
    page about that domain (a broker's listing), not the new home of its company."""
    bare = text.strip().lower().removeprefix("www.").rstrip("/")
    host = (urlsplit(page.url).hostname or "").removeprefix("www.")
    names = {*page.domain_names, host}
    if page.redirects and page.origin and page.origin != page.domain:
        first = (urlsplit(page.redirects[0]).hostname or "").lower().removeprefix("www.")
        names |= {page.origin, first}
    return bool(bare) and bare in names


def title_is_domain(page: Landing) -> Signal | None:
    if not _is_domain(page.facts.title, page):
        return None
    return Signal("title_is_domain", 0.35, "the title is just the domain name", False)


def headline_is_domain(page: Landing) -> Signal | None:
    if not _is_domain(page.facts.shape.headline, page):
        return None
    return Signal("headline_is_domain", 0.35, "the headline is just the domain name", False)


def offer_form(page: Landing) -> Signal | None:
    found = next((f for f in page.facts.shape.form_fields if _OFFER_FIELD.search(f)), None)
    if found is None:
        return None
    return Signal("offer_form", 0.3, f"an offer form ('{found}')", False)


def content_amount(page: Landing) -> Signal | None:
    """Landers say little; a page with real content is most likely somebody's site."""
    words = page.facts.shape.words
    if words < 15:
        return Signal("almost_no_content", 0.3, f"almost no content ({words} words)", False)
    if words < 60:
        return Signal("little_content", 0.2, f"little content ({words} words)", False)
    if words > 1000:
        return Signal("long_content", -1.0, f"{words} words of content", False)
    if words > 300:
        return Signal("substantial_content", -0.5, f"{words} words of content", False)
    if words > 150:
        return Signal("some_content", -0.2, f"{words} words of content", False)
    return None
