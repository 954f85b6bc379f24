"""Company pages in the styles found on real small-company sites: JSON-LD, OpenGraph,
meta tags only, nothing but the About page, JavaScript shells, plain markup."""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass, field

STYLES = ("jsonld", "opengraph", "meta", "about_only", "spa", "plain")


@dataclass(frozen=True)
class SiteInfo:
    name: str
    description: str
    city: str
    country: str
    phone: str
    base: str  # https://host
    more: str = ""  # what a page's paragraph says after the description
    linkedin: str | None = None  # linked from the footer (and JSON-LD sameAs)
    lang: str = "en"
    extra: tuple[str, ...] = ()  # more paragraphs: "formerly ...", the group's brands
    alternate_names: tuple[str, ...] = ()
    legal_name: str = ""  # a footer line such as `ООО «Ромашка»`
    title: str = ""  # the <title>, when not the name
    charset_in_meta: str = ""  # declare the charset in the page, not only in the header
    spa_meta: bool = True  # a JavaScript shell that still carries a meta description
    about_path: str = "/about"
    facts: dict[str, str] = field(default_factory=dict)


_NAV = (
    ("Home", "Products", "About", "Contact"),
    ("Start", "Services", "Company", "Careers"),
    ("Overview", "Solutions", "Who we are", "Get in touch"),
)
_COOKIE = (
    '<div class="cookie-banner">We use cookies to improve your experience. '
    "<button>Accept all</button></div>"
)
_TAGS = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.DOTALL | re.IGNORECASE)


def visible_text(markup: str) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", markup)).split())


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _head(info: SiteInfo, extra: str) -> str:
    charset = f'<meta charset="{info.charset_in_meta}">' if info.charset_in_meta else ""
    title = info.title or info.name
    return f"<head>{charset}<title>{_e(title)}</title>{extra}</head>"


def _footer(info: SiteInfo, rng: random.Random) -> str:
    link = f'<a href="{info.linkedin}">LinkedIn</a>' if info.linkedin else ""
    legal = f"<p>{_e(info.legal_name)}</p>" if info.legal_name else ""
    year = rng.choice(("2024", "2025", "2026"))
    return (
        f"<footer><p>{_e(info.city)}, {_e(info.country)} · {_e(info.phone)}</p>{legal}"
        f"<p>© {year} {_e(info.name)}</p>{link}</footer>"
    )


def _body(info: SiteInfo, rng: random.Random, main: str) -> str:
    nav = rng.choice(_NAV)
    links = "".join(
        f'<a href="{info.about_path if i == 2 else "/"}">{_e(label)}</a>'
        for i, label in enumerate(nav)
    )
    cookie = _COOKIE if rng.random() < 0.3 else ""
    extra = "".join(f"<p>{_e(p)}</p>" for p in info.extra)
    return f"<body><nav>{links}</nav>{cookie}<main>{main}{extra}</main>{_footer(info, rng)}</body>"


def _jsonld(info: SiteInfo) -> str:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": info.name,
        "url": info.base + "/",
        "description": info.description,
        "address": {"@type": "PostalAddress", "addressLocality": info.city},
    }
    if info.linkedin:
        data["sameAs"] = [info.linkedin]
    if info.alternate_names:
        data["alternateName"] = list(info.alternate_names)
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def homepage(style: str, info: SiteInfo, rng: random.Random) -> str:
    """The homepage's markup; its description is where the style puts it."""
    hero = f"<h1>{_e(info.name)}</h1>"
    slogan = rng.choice(("Welcome!", "Quality you can trust.", "Hello.", "Since day one."))
    if style == "jsonld":
        head = _head(info, _jsonld(info))
        main = f"{hero}<p>{_e(slogan)}</p>"
    elif style == "opengraph":
        og = (
            f'<meta property="og:site_name" content="{_e(info.name)}">'
            f'<meta property="og:title" content="{_e(info.name)}">'
            f'<meta property="og:description" content="{_e(info.description)}">'
            f'<meta property="og:url" content="{info.base}/">'
        )
        head = _head(info, og)
        main = f"{hero}<p>{_e(slogan)}</p>"
    elif style == "meta":
        head = _head(info, f'<meta name="description" content="{_e(info.description)}">')
        main = f"{hero}<p>{_e(slogan)}</p>"
    elif style == "about_only":
        head = _head(info, "")
        main = f'{hero}<p>{_e(slogan)}</p><a href="{info.about_path}">About us</a>'
    elif style == "spa":
        meta = ""
        if info.spa_meta:
            meta = f'<meta name="description" content="{_e(info.description)}">'
        return (
            f'<!doctype html><html lang="{info.lang}">{_head(info, meta)}<body>'
            "<noscript>You need to enable JavaScript to run this app.</noscript>"
            '<div id="root"></div><script src="/static/js/main.3f9a1c.js"></script>'
            "</body></html>"
        )
    else:
        head = _head(info, "")
        main = f"{hero}<p>{_e(info.description)} {_e(info.more)}</p><p>{_e(slogan)}</p>"
    return f'<!doctype html><html lang="{info.lang}">{head}{_body(info, rng, main)}</html>'


def about_page(info: SiteInfo, rng: random.Random) -> str:
    facts = "".join(f"<li>{_e(k)}: {_e(v)}</li>" for k, v in info.facts.items())
    main = (
        f"<h1>About {_e(info.name)}</h1><p>{_e(info.description)} {_e(info.more)}</p>"
        f"<ul>{facts}</ul><p>Visit us in {_e(info.city)}.</p>"
    )
    head = _head(info, "")
    return f'<!doctype html><html lang="{info.lang}">{head}{_body(info, rng, main)}</html>'


def described_on_site(style: str, info: SiteInfo) -> str | None:
    """The description a reader of this site finds, or None when the site gives none."""
    if style == "spa" and not info.spa_meta:
        return None
    return info.description
