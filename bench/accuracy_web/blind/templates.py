"""Page markup of the blind web's sites, in shapes the other webs do not use: Jimdo,
Webnode, TYPO3, Odoo, Blogger, FrontPage, a Shopify store, a Gatsby shell whose only
description is a react-helmet meta tag, an Astro island and a Vue app holding their text
in script state, a JSON-LD list (not a graph) of WebSite and Corporation, OpenGraph
written with `name=`, and a homepage of pictures with the text on the About page only.

Each template returns its pages and where the company's description can be read (the
grounding), or None when the site says nothing usable."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from bench.accuracy_web.blind.wording import ABOUT
from bench.accuracy_web.land import Firm

Pages = dict[str, str]
Template = Callable[[Firm], tuple[Pages, str | None]]
_RTL = {"fa"}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html(firm: Firm, head: str, body: str, title: str = "") -> str:
    charset = f'<meta http-equiv="Content-Type" content="text/html; charset={firm.charset}">'
    direction = ' dir="rtl"' if firm.lang in _RTL else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{firm.lang}"{direction}><head>'
        f"{charset if firm.charset else ''}<title>{_e(title or firm.name)}</title>{head}"
        f"</head><body>{body}</body></html>"
    )


def _foot(firm: Firm) -> str:
    social = f'<a class="social-li" href="{firm.linkedin}">LinkedIn</a>' if firm.linkedin else ""
    alt = f"<small>{_e(firm.alt_name)}</small>" if firm.alt_name else ""
    said = "".join(f"<p class=note>{_e(line)}</p>" for line in firm.lines)
    return (
        f"{said}<div class=contact>{_e(firm.town)} · {_e(firm.country)} · "
        f"<span>{_e(firm.phone)}</span></div>{alt}{social}"
    )


def _about_link(firm: Firm) -> str:
    label, path = ABOUT[firm.lang]
    return f'<a href="{path}">{_e(label)}</a>'


def jimdo(firm: Firm) -> tuple[Pages, str | None]:
    head = '<meta name="generator" content="Jimdo Creator">'
    body = (
        f'<div class="jtpl-main"><div class="j-module n j-header"><h1>{_e(firm.name)}</h1></div>'
        f'<div class="j-module n j-text"><p>{_e(firm.description)}</p></div>'
        f'<div class="j-module n j-hr"></div></div><div class="jtpl-footer">{_foot(firm)}</div>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def webnode(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div class="wnd-page"><header class="wnd-header"><span class="wnd-logo">'
        f'{_e(firm.name)}</span></header><section class="wnd-section"><div class="wnd-text">'
        f'<div class="text-content">{_e(firm.description)}</div></div></section>'
        f'<footer class="wnd-footer">{_foot(firm)}</footer></div>'
    )
    return {"/": _html(firm, "", body)}, firm.description


def typo3(firm: Firm) -> tuple[Pages, str | None]:
    head = '<meta name="generator" content="TYPO3 CMS">'
    body = (
        f'<div id="page"><nav class="navbar">{_about_link(firm)}</nav>'
        f'<div id="c112" class="frame frame-default frame-type-text"><header><h2>'
        f'{_e(firm.name)}</h2></header><div class="ce-bodytext"><p>{_e(firm.description)}</p>'
        f'</div></div><footer id="footer">{_foot(firm)}</footer></div>'
    )
    label, path = ABOUT[firm.lang]
    about = _html(firm, head, f"<h1>{_e(label)}</h1><p>{_e(firm.name)}</p>{_foot(firm)}")
    return {"/": _html(firm, head, body), path: about}, firm.description


def odoo(firm: Firm) -> tuple[Pages, str | None]:
    head = '<meta name="generator" content="Odoo">'
    body = (
        f'<div id="wrapwrap"><main><div id="wrap" class="oe_structure oe_empty">'
        f'<section class="s_title"><h1>{_e(firm.name)}</h1></section>'
        f'<section class="s_text_block"><div class="container"><p class="lead">'
        f"{_e(firm.description)}</p></div></section></div></main>"
        f'<footer class="o_footer">{_foot(firm)}</footer></div>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def blogger(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div class="header-outer"><div class="widget Header" id="Header1"><h1 class="title">'
        f'{_e(firm.name)}</h1><p class="description"><span>{_e(firm.description)}</span></p>'
        f'</div></div><div class="main-inner"><div class="date-outer"><h2 class="date-header">'
        f'<span>2025</span></h2></div></div><div class="footer-outer">{_foot(firm)}</div>'
    )
    return {"/": _html(firm, "", body, f"{firm.name}: blog")}, firm.description


def frontpage(firm: Firm) -> tuple[Pages, str | None]:
    head = '<meta name="GENERATOR" content="Microsoft FrontPage 6.0">'
    body = (
        f'<center><font face="Verdana" size="5"><b>{_e(firm.name)}</b></font></center>'
        f'<p class=MsoNormal><span style="font-size:10pt">{_e(firm.description)}</span></p>'
        f'<hr noshade size="1"><font size="1">{_foot(firm)}</font>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def shop(firm: Firm) -> tuple[Pages, str | None]:
    """A store: products with prices on the homepage, what the company is on its page."""
    items = "".join(
        f'<div class="grid__item"><a class="product-card" href="/products/{n}">{_e(item)}</a>'
        f'<span class="price">{19 + 7 * n},00</span><button>+</button></div>'
        for n, item in enumerate(firm.products or ("—",))
    )
    nav = '<a href="/pages/about-us">About</a>'
    home = (
        f'<header class="site-header"><a class="site-header__logo">{_e(firm.name)}</a>{nav}'
        f'</header><main><div class="grid">{items}</div></main>'
        f'<footer class="site-footer">{_foot(firm)}</footer>'
    )
    about = (
        f'<main><h1 class="page-title">{_e(firm.name)}</h1><div class="rte">'
        f"<p>{_e(firm.description)}</p></div></main><footer>{_foot(firm)}</footer>"
    )
    head = '<script>var Shopify = Shopify || {}; Shopify.shop = "store.myshopify.com";</script>'
    pages = {"/": _html(firm, head, home), "/pages/about-us": _html(firm, head, about)}
    return pages, firm.description


def gatsby(firm: Firm) -> tuple[Pages, str | None]:
    """A React shell: the description only in a helmet meta tag, attributes reordered."""
    head = (
        f'<meta data-react-helmet="true" content="{_e(firm.description)}" name="description"/>'
        f'<meta data-react-helmet="true" content="{_e(firm.name)}" property="og:title"/>'
    )
    body = (
        '<div id="___gatsby"><div style="outline:none" tabindex="-1" id="gatsby-focus-wrapper">'
        '</div></div><script id="gatsby-chunk-mapping">window.___chunkMapping={}</script>'
        f"<noscript>{_e(firm.name)}</noscript>"
    )
    return {"/": _html(firm, head, body)}, firm.description


def astro(firm: Firm) -> tuple[Pages, str | None]:
    """An island hydrated from its props; nothing rendered on the server."""
    props = {
        "company": [0, {"title": [0, firm.name], "intro": [0, firm.description]}],
        "phone": [0, firm.phone],
        "social": [0, firm.linkedin or ""],
    }
    island = _e(json.dumps(props, ensure_ascii=False))
    body = (
        f'<astro-island uid="Z1xq" component-url="/_astro/Hero.c1.js" '
        f'component-export="default" renderer-url="/_astro/client.b7.js" props="{island}" '
        f'ssr="" client="load"></astro-island>'
    )
    return {"/": _html(firm, "", body)}, firm.description


def vue_state(firm: Firm) -> tuple[Pages, str | None]:
    state = {
        "site": {"brand": firm.name, "lang": firm.lang},
        "home": {"blocks": [{"type": "lead", "text": firm.description}]},
        "contacts": {"town": firm.town, "phone": firm.phone, "linkedin": firm.linkedin},
    }
    body = (
        '<div id="app" data-server-rendered="false"></div>'
        f"<script>window.__INITIAL_STATE__={json.dumps(state, ensure_ascii=False)}</script>"
        '<script src="/js/app.4f1c.js" defer></script>'
    )
    return {"/": _html(firm, "", body)}, firm.description


def jsonld_list(firm: Firm) -> tuple[Pages, str | None]:
    """A JSON-LD list of WebSite and Corporation; the page itself only a slogan."""
    corporation: dict[str, object] = {
        "@type": "Corporation",
        "name": firm.name,
        "url": f"{firm.base}/",
        "description": firm.description,
        "telephone": firm.phone,
        "address": {"@type": "PostalAddress", "addressLocality": firm.town},
    }
    if firm.linkedin:
        corporation["sameAs"] = [firm.linkedin]
    if firm.alt_name:
        corporation["legalName"] = firm.alt_name
    data = [
        {"@context": "https://schema.org", "@type": "WebSite", "name": firm.name},
        {"@context": "https://schema.org", **corporation},
    ]
    head = f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
    body = f"<header><b>{_e(firm.name)}</b></header><main><h2>★ ★ ★</h2></main>"
    return {"/": _html(firm, head, body)}, firm.description


def og_name(firm: Firm) -> tuple[Pages, str | None]:
    """OpenGraph written with `name=` as many themes do, and a Twitter card; no text."""
    head = (
        f'<meta name="og:title" content="{_e(firm.name)}">'
        f'<meta name="og:description" content="{_e(firm.description)}">'
        f'<meta name="twitter:description" content="{_e(firm.description)}">'
        f'<meta name="og:url" content="{firm.base}/">'
    )
    body = (
        '<div class="gallery"><img src="/img/1.webp" alt=""><img src="/img/2.webp" alt="">'
        f"</div><footer>{_e(firm.phone)}</footer>"
    )
    return {"/": _html(firm, head, body)}, firm.description


def pictures(firm: Firm) -> tuple[Pages, str | None]:
    """Pictures and a slogan at the root; what the company does on the About page only."""
    label, path = ABOUT[firm.lang]
    home = (
        f'<nav><a href="/">{_e(firm.name)}</a> {_about_link(firm)}</nav>'
        '<div class="slider"><img src="/s/1.jpg" alt=""><img src="/s/2.jpg" alt=""></div>'
        f"<footer>{_foot(firm)}</footer>"
    )
    about = f"<h1>{_e(label)}</h1><article><p>{_e(firm.description)}</p></article>{_foot(firm)}"
    pages = {"/": _html(firm, "", home), path: _html(firm, "", about, f"{label} | {firm.name}")}
    return pages, firm.description


TEMPLATES: dict[str, Template] = {
    "jimdo": jimdo,
    "webnode": webnode,
    "typo3": typo3,
    "odoo": odoo,
    "blogger": blogger,
    "frontpage": frontpage,
    "shop": shop,
    "gatsby": gatsby,
    "astro": astro,
    "vue_state": vue_state,
    "jsonld_list": jsonld_list,
    "og_name": og_name,
    "pictures": pictures,
}
