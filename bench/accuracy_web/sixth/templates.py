"""Page markup of the sixth web's sites, in shapes the other webs do not use: Framer,
Ghost, HubSpot CMS behind a cookie banner, Elementor, Drupal, Google Sites, a Hugo site
whose homepage lists posts and says what the company does only in its meta description, a
Jekyll (minima) site that says it in the footer, an AMP-only page, a frameset whose text is
in a frame, RDFa and microdata with the LinkedIn page as `sameAs`.

Each template returns its pages and where the company's description can be read (the
grounding), or None when the site says nothing usable. Footers write the LinkedIn address
as people paste it: with a trailing slash, a country subdomain, a tracking query, or
without a scheme."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from bench.accuracy_web.land import Firm
from bench.accuracy_web.sixth.wording import ABOUT

Pages = dict[str, str]
Template = Callable[[Firm], tuple[Pages, str | None]]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def pasted(linkedin: str, base: str, name: str) -> str:
    """The LinkedIn address as the site's owner pasted it."""
    tld = base.rsplit(".", 1)[-1]
    return (
        f"{linkedin}/",
        linkedin.replace("://www.", f"://{tld}."),
        f"{linkedin}?trk=public_profile_topcard-name",
        f"{linkedin.removeprefix('https:')}/about/",
    )[len(name) % 4]


def _html(firm: Firm, head: str, body: str, title: str = "", tag: str = "") -> str:
    charset = f'<meta http-equiv="Content-Type" content="text/html; charset={firm.charset}">'
    return (
        f'<!DOCTYPE html>\n<html lang="{firm.lang}"{tag}><head>'
        f"{charset if firm.charset else ''}<title>{_e(title or firm.name)}</title>{head}"
        f"</head><body>{body}</body></html>"
    )


def _social(firm: Firm) -> str:
    if not firm.linkedin:
        return ""
    return f'<a class="icon-linkedin" href="{pasted(firm.linkedin, firm.base, firm.name)}"></a>'


def _foot(firm: Firm) -> str:
    alt = f"<small>{_e(firm.alt_name)}</small>" if firm.alt_name else ""
    said = "".join(f"<p class=note>{_e(line)}</p>" for line in firm.lines)
    return (
        f"{said}<address>{_e(firm.town)}, {_e(firm.country)} · "
        f'<a href="tel:{_e(firm.phone.replace(" ", ""))}">{_e(firm.phone)}</a></address>'
        f"{alt}{_social(firm)}"
    )


def framer(firm: Firm) -> tuple[Pages, str | None]:
    head = '<meta name="generator" content="Framer 7c1e0a2">'
    body = (
        '<div id="main" data-framer-hydrate-v2=\'{"routeId":"augiA20Il"}\'>'
        '<div class="framer-1x2k3 framer-v-72rtr7" style="min-height:100vh">'
        f'<div class="framer-8h2qv" data-framer-name="Hero"><h1 class="framer-text">'
        f'{_e(firm.name)}</h1><p class="framer-text framer-styles-preset-21ogod">'
        f'{_e(firm.description)}</p></div><div class="framer-1uhyx5" data-framer-name='
        f'"Footer">{_foot(firm)}</div></div></div><div id="__framer-badge-container"></div>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def ghost(firm: Firm) -> tuple[Pages, str | None]:
    head = '<meta name="generator" content="Ghost 5.82">'
    body = (
        '<div class="gh-viewport"><header id="gh-head" class="gh-head outer">'
        f'<a class="gh-head-logo" href="{firm.base}">{_e(firm.name)}</a></header>'
        f'<section class="gh-cover"><p class="gh-cover-description">{_e(firm.description)}'
        '</p></section><main class="gh-main"><article class="gh-card post">'
        '<h2 class="gh-card-title">2025</h2></article></main>'
        f'<footer class="gh-foot">{_foot(firm)}<a href="https://ghost.org/">Powered by Ghost'
        "</a></footer></div>"
    )
    return {"/": _html(firm, head, body)}, firm.description


COOKIE_BANNER = (
    "This website stores cookies on your computer. These cookies are used to collect "
    "information about how you interact with our website and allow us to remember you. We "
    "use this information in order to improve and customize your browsing experience and "
    "for analytics and metrics about our visitors both on this website and other media."
)


def hubspot(firm: Firm) -> tuple[Pages, str | None]:
    """A cookie banner in English before anything the company says."""
    head = '<meta name="generator" content="HubSpot">'
    body = (
        f'<div id="hs-eu-cookie-confirmation"><div id="hs-eu-policy-wording"><p>{COOKIE_BANNER}'
        '</p></div><a id="hs-eu-confirmation-button">Accept</a></div>'
        '<div class="body-wrapper hs-content-id-8812"><div class="dnd-section">'
        '<div class="hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_header">'
        f"<h1>{_e(firm.name)}</h1></div>"
        '<div class="hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_rich_text">'
        f"<p>{_e(firm.description)}</p></div></div>"
        f'<footer class="footer">{_foot(firm)}</footer></div>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def elementor(firm: Firm) -> tuple[Pages, str | None]:
    head = '<meta name="generator" content="Elementor 3.21.4; features: e_optimized_css_loading">'
    widget = '<div class="elementor-widget {kind}"><div class="elementor-widget-container">{x}'
    body = (
        '<div data-elementor-type="wp-page" class="elementor elementor-12">'
        '<section class="elementor-section elementor-top-section"><div class="elementor-container">'
        + widget.format(kind="elementor-widget-heading", x=f"<h2>{_e(firm.name)}</h2>")
        + "</div></div>"
        + widget.format(kind="elementor-widget-text-editor", x=f"<p>{_e(firm.description)}</p>")
        + "</div></div></div></section>"
        + f'<footer class="elementor-location-footer">{_foot(firm)}</footer></div>'
        + '<div data-elementor-type="popup" class="elementor-popup-modal"><p>Newsletter</p></div>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def drupal(firm: Firm) -> tuple[Pages, str | None]:
    head = '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">'
    body = (
        '<div class="dialog-off-canvas-main-canvas"><header role="banner"><div id="block-'
        f'sitebranding"><a href="/" rel="home">{_e(firm.name)}</a></div></header>'
        '<main role="main"><article class="node node--type-page"><div class="clearfix '
        "text-formatted field field--name-body field--type-text-with-summary "
        f'field--label-hidden field__item"><p>{_e(firm.description)}</p></div></article>'
        f'</main><footer role="contentinfo">{_foot(firm)}</footer></div>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def google_sites(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        '<div class="UtePc RCETm" role="main"><section class="yaqOZd"><div class="tyJCtd '
        f'mGzaTb Depvyb baZpAe"><p class="zfr3Q JYVBee">{_e(firm.name)}</p></div>'
        '<div class="tyJCtd mGzaTb Depvyb baZpAe"><p class="zfr3Q CDt4Ke"><span class='
        f'"C9DxTc">{_e(firm.description)}</span></p></div></section>'
        f'<div class="BbxBP">{_foot(firm)}</div></div>'
    )
    head = '<meta itemprop="name" content="Google Sites">'
    return {"/": _html(firm, head, body)}, firm.description


def hugo(firm: Firm) -> tuple[Pages, str | None]:
    """Posts on the homepage; what the company does in the meta description only."""
    head = (
        '<meta name="generator" content="Hugo 0.125.4">'
        f'<meta name="description" content="{_e(firm.description)}">'
    )
    posts = "".join(
        f'<li><a href="/posts/{n}/">{title}</a> <time>2025-0{n}-1{n}</time></li>'
        for n, title in enumerate(("Sajam 2025", "Fair 2024", "2023"), 1)
    )
    body = (
        f'<header><a class="logo" href="/">{_e(firm.name)}</a></header>'
        f'<main><ul class="post-list">{posts}</ul></main><footer>{_foot(firm)}</footer>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def jekyll(firm: Firm) -> tuple[Pages, str | None]:
    """The minima theme: the site's description sits in the footer's third column."""
    head = '<meta name="generator" content="Jekyll v4.3.3">'
    body = (
        f'<header class="site-header"><div class="wrapper"><a class="site-title" href="/">'
        f'{_e(firm.name)}</a></div></header><main class="page-content"><div class="wrapper">'
        '<div class="home"><h2 class="post-list-heading">Posts</h2></div></div></main>'
        '<footer class="site-footer h-card"><div class="wrapper"><div class="footer-col-wrapper">'
        f'<div class="footer-col footer-col-1">{_foot(firm)}</div>'
        f'<div class="footer-col footer-col-3"><p>{_e(firm.description)}</p></div>'
        "</div></div></footer>"
    )
    return {"/": _html(firm, head, body)}, firm.description


_AMP_STYLE = (
    "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
    "animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility"
    ":hidden}to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-"
    "animation:none;animation:none}</style></noscript>"
)


def amp(firm: Firm) -> tuple[Pages, str | None]:
    head = (
        '<meta name="viewport" content="width=device-width"><script async '
        f'src="https://cdn.ampproject.org/v0.js"></script>{_AMP_STYLE}'
        f'<link rel="canonical" href="{firm.base}/">'
    )
    body = (
        f'<amp-img src="/logo.png" width="120" height="40" alt="{_e(firm.name)}"></amp-img>'
        "<amp-accordion><section expanded><h2>" + _e(firm.name) + "</h2>"
        f"<p>{_e(firm.description)}</p></section></amp-accordion><footer>{_foot(firm)}</footer>"
    )
    return {"/": _html(firm, head, body, tag=" amp")}, firm.description


def frames(firm: Firm) -> tuple[Pages, str | None]:
    """A frameset: the root holds frames only; the text is in the main frame's page."""
    root = (
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">\n<html lang="{firm.lang}">'
        f"<head><title>{_e(firm.name)}</title></head>"
        '<frameset rows="90,*" frameborder="0"><frame src="/menu.htm" name="menu">'
        '<frame src="/main.htm" name="main"><noframes><body>Frames!</body></noframes>'
        "</frameset></html>"
    )
    menu = _html(firm, "", f'<b>{_e(firm.name)}</b> | <a href="/main.htm" target="main">Home</a>')
    main = _html(firm, "", f"<h3>{_e(firm.name)}</h3><p>{_e(firm.description)}</p>{_foot(firm)}")
    return {"/": root, "/menu.htm": menu, "/main.htm": main}, firm.description


def rdfa(firm: Firm) -> tuple[Pages, str | None]:
    """schema.org in RDFa; the LinkedIn page only as a `sameAs` link, with no text."""
    same = f'<link property="sameAs" href="{firm.linkedin}">' if firm.linkedin else ""
    alt = f'<meta property="legalName" content="{_e(firm.alt_name)}">' if firm.alt_name else ""
    notes = "".join(f"<p>{_e(line)}</p>" for line in firm.lines)
    body = (
        '<div vocab="https://schema.org/" typeof="Organization">'
        f'<h1 property="name">{_e(firm.name)}</h1>{alt}'
        f'<p property="description">{_e(firm.description)}</p>{same}{notes}'
        f'<div property="address" typeof="PostalAddress"><span property="addressLocality">'
        f'{_e(firm.town)}</span>, <span property="addressCountry">{_e(firm.country)}</span>'
        f'</div><span property="telephone">{_e(firm.phone)}</span></div>'
    )
    return {"/": _html(firm, "", body)}, firm.description


def microdata(firm: Firm) -> tuple[Pages, str | None]:
    """A LocalBusiness in microdata: the description in a meta itemprop, a slogan shown."""
    same = f'<link itemprop="sameAs" href="{firm.linkedin}">' if firm.linkedin else ""
    notes = "".join(f"<p>{_e(line)}</p>" for line in firm.lines)
    alt = f'<meta itemprop="legalName" content="{_e(firm.alt_name)}">' if firm.alt_name else ""
    body = (
        '<div itemscope itemtype="https://schema.org/LocalBusiness">'
        f'<meta itemprop="description" content="{_e(firm.description)}">{same}{alt}'
        f'<h1 itemprop="name">{_e(firm.name)}</h1><p class="slogan">★ 1 · 2 · 3 ★</p>{notes}'
        f'<span itemprop="telephone">{_e(firm.phone)}</span> · <span itemprop="address">'
        f"{_e(firm.town)}</span></div>"
    )
    return {"/": _html(firm, "", body)}, firm.description


def shop(firm: Firm) -> tuple[Pages, str | None]:
    """A Shopify Dawn store: products at the root, the company on its page."""
    items = "".join(
        f'<li class="grid__item"><div class="card-wrapper product-card-wrapper"><a href='
        f'"/products/p{n}" class="full-unstyled-link">{_e(item)}</a><span class="price-item">'
        f"S/ {29 + 9 * n}.90</span></div></li>"
        for n, item in enumerate(firm.products or ("—",))
    )
    head = (
        '<script>window.Shopify = window.Shopify || {}; Shopify.theme = {"name":"Dawn"};</script>'
    )
    home = (
        f'<sticky-header class="header-wrapper"><a class="header__heading-link">{_e(firm.name)}'
        '</a><a href="/pages/nosotros">Nosotros</a></sticky-header><main id="MainContent">'
        f'<ul class="grid product-grid">{items}</ul></main><footer class="footer">'
        f"{_foot(firm)}</footer>"
    )
    about = (
        f'<main id="MainContent"><h1 class="main-page-title">{_e(firm.name)}</h1><div class="rte">'
        f"<p>{_e(firm.description)}</p></div></main><footer>{_foot(firm)}</footer>"
    )
    pages = {"/": _html(firm, head, home), "/pages/nosotros": _html(firm, head, about)}
    return pages, firm.description


def about_only(firm: Firm) -> tuple[Pages, str | None]:
    """A slogan at the root, the About page linked under its own language's name."""
    label, path = ABOUT[firm.lang]
    state = json.dumps({"lang": firm.lang}, ensure_ascii=False)
    home = (
        f'<nav><a href="/">{_e(firm.name)}</a> <a href="{path}">{_e(label)}</a></nav>'
        f'<div class="hero"><img src="/h.jpg" alt=""></div><footer>{_foot(firm)}</footer>'
        f"<script>window.__site={state}</script>"
    )
    about = f"<h1>{_e(label)}</h1><section><p>{_e(firm.description)}</p></section>{_foot(firm)}"
    pages = {"/": _html(firm, "", home), path: _html(firm, "", about, f"{label} — {firm.name}")}
    return pages, firm.description


TEMPLATES: dict[str, Template] = {
    "framer": framer,
    "ghost": ghost,
    "hubspot": hubspot,
    "elementor": elementor,
    "drupal": drupal,
    "google_sites": google_sites,
    "hugo": hugo,
    "jekyll": jekyll,
    "amp": amp,
    "frames": frames,
    "rdfa": rdfa,
    "microdata": microdata,
    "shop": shop,
    "about_only": about_only,
}
# Plain shapes for classes whose difficulty is not the markup.
PLAIN = ("framer", "ghost", "hubspot", "elementor", "drupal", "google_sites")
