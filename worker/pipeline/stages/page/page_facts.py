"""Facts from one HTML page: title, descriptions, JSON-LD, social links, main text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from shared.company_keys import clean_text, registered_domain
from worker.pipeline.clients.fetch.decode import is_html
from worker.pipeline.stages.page.about_words import says_about
from worker.pipeline.stages.page.consent import remove_banners
from worker.pipeline.stages.page.jsonld import Organization, organizations
from worker.pipeline.stages.page.microdata import markup_items
from worker.pipeline.stages.page.page_shape import PageShape, page_shape
from worker.pipeline.stages.page.reading_length import reading_length
from worker.pipeline.stages.page.script_data import script_data
from worker.pipeline.stages.page.short_intro import is_intro

_SOCIAL_DOMAINS = {
    "linkedin.com": "linkedin",
    "twitter.com": "twitter",
    "x.com": "twitter",
    "facebook.com": "facebook",
    "instagram.com": "instagram",
    "youtube.com": "youtube",
    "github.com": "github",
    "tiktok.com": "tiktok",
    "vk.com": "vk",
    "t.me": "telegram",
}
# A link that may leave the page's host: a scheme (`https:`, `data:`) or `//host`.
_ELSEWHERE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|//|\\\\")
# Besides script, style, noscript, svg and template, which page_shape has removed already.
_NOISE_TAGS = ("nav", "footer", "header", "form")
# Less visible text than this, and the page is an app's shell.
_SHELL_TEXT = 200
# Where paragraphs are written: text blocks, and the table cells of older layouts.
_BLOCKS = "p, li, div, td, dd, blockquote"
# In Latin characters; a CJK paragraph counts each character as two or three.
MIN_PARAGRAPH = 80


@dataclass(frozen=True)
class PageFacts:
    url: str
    title: str = ""
    meta_description: str = ""
    og_title: str = ""
    og_description: str = ""
    og_site_name: str = ""
    organization: Organization | None = None
    socials: dict[str, list[str]] = field(default_factory=dict)
    about_url: str = ""
    paragraphs: tuple[str, ...] = ()
    main_text: str = ""
    shape: PageShape = field(default_factory=PageShape)
    # Where the page says it lives: `<link rel=canonical>` and `og:url`, absolute.
    canonical_url: str = ""
    og_url: str = ""
    # Other language versions of the page (`<link rel=alternate hreflang>`): (lang, URL).
    alternates: tuple[tuple[str, str], ...] = ()
    # The footer's text, which main_text leaves out: where a renamed company's site says
    # `Veenhof — voorheen Brouwer & Zonen`.
    footer_text: str = ""

    def identity_names(self) -> list[str]:
        """What the page says its owner is called, strongest signals first."""
        names = [self.og_site_name, self.organization.name if self.organization else ""]
        names += [part for part in re.split(r"\s[|\-–—:·]\s", self.title) if part]
        names.append(self.og_title)
        return [clean_text(name) for name in names if name and name.strip()]


_META_KEYS = {
    ("name", "description"),
    ("property", "og:title"),
    ("property", "og:description"),
    ("property", "og:site_name"),
    ("property", "og:url"),
    ("property", "twitter:description"),
}


def _metas(tree: HTMLParser) -> dict[tuple[str, str], str]:
    """The content of the first `<meta name=...>` or `<meta property=...>` of each key
    read, in one pass over the page's meta tags. OpenGraph and Twitter card keys count
    under either attribute: many themes write `<meta name="og:description">`, and
    Twitter's own cards are written with `name=`."""
    found: dict[tuple[str, str], str] = {}
    for node in tree.css("meta"):
        attributes = node.attributes
        for attribute in ("name", "property"):
            if attribute not in attributes:
                continue
            value = (attributes[attribute] or "").strip().lower()
            card = value.startswith(("og:", "twitter:"))
            key = ("property" if card else attribute, value)
            if key in _META_KEYS and key not in found:
                found[key] = clean_text(attributes.get("content") or "")
    return found


def _absolute(base: str, href: str) -> str:
    return urljoin(base, href.strip()) if href.strip() else ""


def _canonical(tree: HTMLParser, base: str) -> str:
    for node in tree.css("link[rel][href]"):
        if "canonical" in (node.attributes.get("rel") or "").lower().split():
            return _absolute(base, node.attributes.get("href") or "")
    return ""


def _is_about(url: str, text: str) -> bool:
    path = urlsplit(url).path
    return bool(path.strip("/")) and bool(says_about(text) or says_about(path))


def _alternates(tree: HTMLParser, base: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for node in tree.css("link[hreflang][href]"):
        if "alternate" not in (node.attributes.get("rel") or "").lower().split():
            continue
        lang = (node.attributes.get("hreflang") or "").strip().lower()
        href = _absolute(base, node.attributes.get("href") or "")
        if lang and href and (lang, href) not in found:
            found.append((lang, href))
    return tuple(found[:12])


def _links(
    tree: HTMLParser, base: str, more: tuple[str, ...] = ()
) -> tuple[dict[str, list[str]], str]:
    """Social profiles linked (also from an app's data script: `more`) and the About page."""
    socials: dict[str, list[str]] = {}
    about = ""
    own_domain = registered_domain(base)
    own_kind = _SOCIAL_DOMAINS.get(own_domain or "")
    base_about = bool(says_about(urlsplit(base).path))
    hrefs = [(node.attributes.get("href") or "", node) for node in tree.css("a[href]")]
    for href, node in hrefs + [(link, None) for link in more]:
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        if not own_kind and not _ELSEWHERE.match(href):
            # A relative link stays on the page's own site: no social profile; joined with
            # the page's address only when its text, itself or the page's path could make
            # it the About page (most links of a page are relative).
            if about or node is None:
                continue
            text = node.text(strip=True)
            if base_about or says_about(href) or says_about(text):
                url = urljoin(base, href)
                if _is_about(url, text):
                    about = url
            continue
        url = urljoin(base, href)
        domain = registered_domain(url)
        kind = _SOCIAL_DOMAINS.get(domain or "")
        if node is None and not kind:
            continue
        if kind:
            bucket = socials.setdefault(kind, [])
            if url not in bucket:
                bucket.append(url)
        elif not about and domain == own_domain and node and _is_about(url, node.text(strip=True)):
            about = url
    return socials, about


def _framed_page(frames: tuple[str, ...], base: str) -> str:
    """The last frame of the page's own site (a frameset's menu comes before its main
    frame), or ""."""
    own = registered_domain(base)
    shown = [f for f in frames if registered_domain(f) == own and f.split("#")[0] != base]
    return shown[-1] if shown else ""


def _moved_to_page(targets: tuple[str, ...], base: str) -> str:
    """A page of the site's own that an empty page sends visitors on to (a meta refresh
    or a script to `/tr/anasayfa`, the language's home), or ""."""
    own = registered_domain(base)
    moved = [t for t in targets if registered_domain(t) == own and t.split("#")[0] != base]
    return moved[0] if moved else ""


def moved_on_to(facts: PageFacts) -> str:
    """The page of its own site an empty page moves its visitors on to (a meta refresh or
    a script to `/pl/strona-glowna`), or "": the company's words are on that page."""
    if len(facts.main_text) >= _SHELL_TEXT:
        return ""
    return _moved_to_page(facts.shape.redirect_targets, facts.url)


def _unscripted_text(blocks: list[str]) -> tuple[tuple[str, ...], str] | None:
    """The paragraphs and text of `<noscript>` blocks, or None when they hold no words
    (a tracking pixel, a style sheet)."""
    inner = HTMLParser(
        "<body>"
        + "".join(b.removeprefix("<noscript>").removesuffix("</noscript>") for b in blocks)
        + "</body>"
    )
    for tag in ("style", "script", "img", "iframe"):
        for node in inner.css(tag):
            node.decompose()
    if inner.body is None:
        return None
    text = clean_text(inner.body.text(separator=" "))
    if len(text) < 20:
        return None
    return _paragraphs(inner.body.css(_BLOCKS)), text


def _leaf(node: Node) -> bool:
    """A block holding no other block: its text is one paragraph. (A selector matches the
    node it is run on too, so the node itself is left out.)"""
    return all(inner.mem_id == node.mem_id for inner in node.css(_BLOCKS))


def _paragraphs(nodes: list[Node], names: Sequence[str] = ()) -> tuple[str, ...]:
    """The paragraphs of at least MIN_PARAGRAPH; on a page with none, its one-sentence
    introductions (a small site's whole description may be one short sentence; shorter
    still when it names one of `names`, the site's own)."""
    texts = [
        text
        for node in nodes
        if node.tag == "p" or _leaf(node)
        for text in [clean_text(node.text(separator=" "))]
        if text
    ]
    return _long_or_intros(texts, names)


def _long_or_intros(texts: list[str], names: Sequence[str] = ()) -> tuple[str, ...]:
    full = tuple(text for text in texts if reading_length(text) >= MIN_PARAGRAPH)
    return full or tuple(text for text in texts if is_intro(text, names))


_TITLE_PARTS = re.compile(r"\s+[|\-–—·:]\s+")
# Shorter title parts are words (`Home`, `Blog`) that any sentence may hold.
_MIN_OWN_NAME = 5


def _own_names(title: str, site_name: str) -> tuple[str, ...]:
    """The names a site gives itself: its site name and the parts of its title."""
    parts = [site_name, *_TITLE_PARTS.split(title)]
    return tuple(dict.fromkeys(p for p in map(clean_text, parts) if len(p) >= _MIN_OWN_NAME))


_FOOTER_TEXT = 2000


def _body_text(tree: HTMLParser, names: Sequence[str] = ()) -> tuple[tuple[str, ...], str, str]:
    """The page's paragraphs, main text and footer text, once page_shape has read (and
    stripped) `tree`. `names`: the site's own names (see `_paragraphs`)."""
    remove_banners(tree)
    # Shop themes put the shop's own words in a footer block ("About us") and nothing but
    # products above it: the footer's paragraphs are read when the page has no other.
    footers = tree.css("footer")
    # Its block may be a `<div>` (Shopify's `footer-block__details-content`), not a `<p>`.
    footer = _paragraphs(tree.css("footer p"), names) or _paragraphs(
        [node for each in footers for node in each.css(_BLOCKS)], names
    )
    footer_text = clean_text(" ".join(node.text(separator=" ") for node in footers))
    for tag in _NOISE_TAGS:
        for node in tree.css(tag):
            node.decompose()
    root: Node | None = tree.css_first("main") or tree.css_first("article") or tree.body
    if root is None:
        return (), "", footer_text[:_FOOTER_TEXT]
    paragraphs = _paragraphs(root.css(_BLOCKS), names)
    if not paragraphs and tree.body is not None and root is not tree.body:
        # Blog themes put the site's own words in a cover above `<main>`, which holds
        # only a list of posts: the whole body is read when `<main>` says nothing.
        body_paragraphs = _paragraphs(tree.body.css(_BLOCKS), names)
        if body_paragraphs:
            root, paragraphs = tree.body, body_paragraphs
    return (
        paragraphs or footer,
        clean_text(root.text(separator=" ")),
        footer_text[:_FOOTER_TEXT],
    )


def extract_facts(url: str, html: str, content_type: str = "") -> PageFacts:
    """Facts of an HTML page; a PDF or an image at the address yields none."""
    if not is_html(content_type):
        return PageFacts(url=url)
    tree = HTMLParser(html)
    metas = _metas(tree)
    title_node = tree.css_first("title")
    scripts = [
        node.text()
        for node in tree.css("script")
        if (node.attributes.get("type") or "").lower() == "application/ld+json"
    ]
    orgs = organizations(scripts, markup_items(tree))
    data = script_data(tree)
    socials, about = _links(tree, url, data.links)
    # An app's shell may write its text for visitors without scripts in `<noscript>`,
    # which page_shape strips with the scripts.
    unscripted = [node.html or "" for node in tree.css("noscript")]
    shape = page_shape(tree, url)
    alternates = _alternates(tree, url)
    title = clean_text(title_node.text()) if title_node else ""
    names = _own_names(title, metas.get(("property", "og:site_name"), ""))
    paragraphs, main_text, footer_text = _body_text(tree, names)
    if not about and len(main_text) < _SHELL_TEXT:
        # A frameset (or a page that is one frame of its own site) shows its text from
        # another address: that page is read where an About page would be.
        about = _framed_page(shape.frames, url) or _moved_to_page(shape.redirect_targets, url)
    if len(main_text) < _SHELL_TEXT and unscripted:
        # An app's shell whose words are in `<noscript>`: read as the page's own.
        shown = _unscripted_text(unscripted)
        if shown:
            paragraphs += tuple(p for p in shown[0] if p not in paragraphs)
            main_text = " ".join([main_text, shown[1]]).strip()
    if len(main_text) < _SHELL_TEXT and (data.texts or data.prose):
        # A JavaScript shell: what it would render is in its data script or islands,
        # under a key that says it describes, or else as prose under any key.
        texts = _long_or_intros(list(dict.fromkeys(data.texts + data.prose)), names)
        paragraphs += tuple(dict.fromkeys(t for t in texts if t not in paragraphs))
        main_text = " ".join([main_text, *dict.fromkeys(data.texts + data.prose)]).strip()
    return PageFacts(
        url=url,
        title=title,
        meta_description=metas.get(("name", "description"), ""),
        og_title=metas.get(("property", "og:title"), ""),
        og_description=metas.get(("property", "og:description"))
        or metas.get(("property", "twitter:description"), ""),
        og_site_name=metas.get(("property", "og:site_name"), ""),
        organization=orgs[0] if orgs else None,
        socials=socials,
        about_url=about,
        paragraphs=paragraphs,
        main_text=main_text,
        shape=shape,
        canonical_url=_canonical(tree, url),
        og_url=_absolute(url, metas.get(("property", "og:url"), "")),
        alternates=alternates,
        footer_text=footer_text,
    )
