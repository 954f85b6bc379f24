"""Held-out page templates: schema.org microdata, JSON-LD graphs with specific business
types, footer-only addresses, cookie walls, SPA shells with their data in a script tag,
multi-language sites with hreflang, legacy table layouts, site-builder markup, one-page
sites. Each returns the site's pages and the description a reader finds there."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bench.accuracy_web.heldout.wording import ABOUT_PATH, COOKIES, MORE, NAV, RIGHTS


@dataclass(frozen=True)
class Firm:
    name: str  # as the site writes it
    lang: str
    description: str
    city: str
    country: str  # in the site's language
    phone: str
    street: str
    base: str  # https://host
    linkedin: str | None = None
    alternate_names: tuple[str, ...] = ()
    legal_name: str = ""
    extra: tuple[str, ...] = ()  # paragraphs: rebrand notes, group members
    schema_type: str = "Organization"
    title: str = ""
    charset: str = ""  # declared in the page (legacy layouts)
    # Other language versions: lang -> (path, name as that version writes it, description)
    versions: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    iso: str = ""


Pages = dict[str, str]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _linkedin(firm: Firm) -> str:
    if not firm.linkedin:
        return ""
    return f'<a class="social" href="{firm.linkedin}" aria-label="LinkedIn">in</a>'


def _footer(firm: Firm) -> str:
    legal = f"{_e(firm.legal_name)} · " if firm.legal_name else ""
    return (
        f'<footer><div class="addr">{_e(firm.street)}, {_e(firm.city)}, {_e(firm.country)}'
        f'<br><a href="tel:{firm.phone.replace(" ", "")}">{_e(firm.phone)}</a></div>'
        f"<small>{legal}© 2025 {_e(firm.name)}. {RIGHTS[firm.lang]}.</small>{_linkedin(firm)}"
        "</footer>"
    )


def _nav(firm: Firm) -> str:
    home, about, contact = NAV[firm.lang]
    return (
        f'<header><a href="/">{_e(home)}</a> <a href="{ABOUT_PATH[firm.lang]}">{_e(about)}</a> '
        f'<a href="/kontakt">{_e(contact)}</a></header>'
    )


def _doc(firm: Firm, head: str, body: str, title: str = "") -> str:
    charset = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={firm.charset}">'
        if firm.charset
        else '<meta charset="utf-8">'
    )
    alternates = "".join(
        f'<link rel="alternate" hreflang="{lang}" href="{firm.base}{path}">'
        for lang, (path, _, _) in firm.versions.items()
    )
    return (
        f'<!DOCTYPE html><html lang="{firm.lang}"><head>{charset}'
        f"<title>{_e(title or firm.title or firm.name)}</title>{alternates}{head}</head>"
        f"<body>{body}</body></html>"
    )


def _extra(firm: Firm) -> str:
    return "".join(f"<p>{_e(p)}</p>" for p in firm.extra)


def _about(firm: Firm, described: bool = True) -> str:
    _, about, _ = NAV[firm.lang]
    text = f"<p>{_e(firm.description)} {_e(MORE[firm.lang])}</p>" if described else ""
    body = f"{_nav(firm)}<main><h1>{_e(about)}</h1>{text}{_extra(firm)}</main>{_footer(firm)}"
    return _doc(firm, "", body, f"{about} – {firm.name}")


def microdata(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'{_nav(firm)}<main><div itemscope itemtype="https://schema.org/{firm.schema_type}">'
        f'<h1 itemprop="name">{_e(firm.name)}</h1>'
        f'<p itemprop="description">{_e(firm.description)}</p>'
        f'<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
        f'<span itemprop="streetAddress">{_e(firm.street)}</span>, '
        f'<span itemprop="addressLocality">{_e(firm.city)}</span>, '
        f'<span itemprop="addressCountry">{_e(firm.iso)}</span></div>'
        f'<span itemprop="telephone">{_e(firm.phone)}</span></div>{_extra(firm)}</main>'
        f"{_footer(firm)}"
    )
    return {"/": _doc(firm, "", body), ABOUT_PATH[firm.lang]: _about(firm)}, firm.description


def jsonld_graph(firm: Firm) -> tuple[Pages, str | None]:
    """A graph of WebSite, WebPage and the business under its specific schema.org type."""
    business: dict[str, object] = {
        "@type": firm.schema_type,
        "@id": f"{firm.base}/#business",
        "name": firm.name,
        "description": firm.description,
        "telephone": firm.phone,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": firm.street,
            "addressLocality": firm.city,
            "addressCountry": firm.iso,
        },
    }
    if firm.linkedin:
        business["sameAs"] = [firm.linkedin]
    if firm.alternate_names:
        business["alternateName"] = firm.alternate_names[0]
    if firm.legal_name:
        business["legalName"] = firm.legal_name
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": f"{firm.base}/#website", "url": firm.base + "/"},
            {"@type": "WebPage", "@id": f"{firm.base}/#webpage", "isPartOf": {"@id": "#website"}},
            business,
        ],
    }
    script = f'<script type="application/ld+json">{json.dumps(graph, ensure_ascii=False)}</script>'
    slogan = {
        "en": "Good work, fair prices.",
        "de": "Qualität seit Generationen.",
        "fr": "Le savoir-faire local.",
        "es": "Calidad y confianza.",
        "ru": "Надёжно и в срок.",
    }[firm.lang]
    body = (
        f"{_nav(firm)}<main><h1>{_e(firm.name)}</h1><h2>{_e(slogan)}</h2>{_extra(firm)}</main>"
        f"{_footer(firm)}"
    )
    return {"/": _doc(firm, script, body), ABOUT_PATH[firm.lang]: _about(firm)}, firm.description


def footer_address(firm: Firm) -> tuple[Pages, str | None]:
    """No metadata at all; the text in divs, the address only in the footer."""
    body = (
        f'{_nav(firm)}<div class="wrap"><div class="hero">{_e(firm.name)}</div>'
        f'<div class="intro">{_e(firm.description)} {_e(MORE[firm.lang])}</div>{_extra(firm)}'
        f"</div>{_footer(firm)}"
    )
    return {"/": _doc(firm, "", body), ABOUT_PATH[firm.lang]: _about(firm)}, firm.description


def cookie_wall(firm: Firm) -> tuple[Pages, str | None]:
    """A consent wall before the content, whose text is longer than the company's."""
    wall = (
        f'<div id="consent" class="cmp-overlay" role="dialog"><p>{_e(COOKIES[firm.lang])}</p>'
        "<button>OK</button><button>Reject</button></div>"
    )
    body = (
        f"{wall}{_nav(firm)}<main><h1>{_e(firm.name)}</h1>"
        f"<p>{_e(firm.description)}</p>{_extra(firm)}</main>{_footer(firm)}"
    )
    return {"/": _doc(firm, "", body), ABOUT_PATH[firm.lang]: _about(firm)}, firm.description


def next_shell(firm: Firm) -> tuple[Pages, str | None]:
    """A JavaScript app whose page data sits in a JSON script tag, nothing else rendered."""
    data = {
        "props": {
            "pageProps": {
                "company": {
                    "name": firm.name,
                    "tagline": firm.description,
                    "city": firm.city,
                    "linkedin": firm.linkedin,
                }
            }
        },
        "page": "/",
        "buildId": "k3Jd9s",
    }
    body = (
        '<div id="__next"></div><script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps(data, ensure_ascii=False)}</script>"
        '<script src="/_next/static/chunks/main-4f1c.js" defer></script>'
    )
    return {"/": _doc(firm, "", body)}, firm.description


def multilingual(firm: Firm) -> tuple[Pages, str | None]:
    """The root in the main language, other versions under their own paths; every page
    lists the others with hreflang."""
    og = (
        f'<meta property="og:site_name" content="{_e(firm.name)}">'
        f'<meta property="og:locale" content="{firm.lang}">'
    )
    body = (
        f"{_nav(firm)}<main><h1>{_e(firm.name)}</h1><p>{_e(firm.description)}</p>"
        f"{_extra(firm)}</main>{_footer(firm)}"
    )
    pages = {"/": _doc(firm, og, body), ABOUT_PATH[firm.lang]: _about(firm)}
    for lang, (path, name, text) in firm.versions.items():
        if path == "/":
            continue
        version = replace(firm, name=name, description=text, lang=lang, versions={})
        other = (
            f"{_nav(version)}<main><h1>{_e(name)}</h1><p>{_e(text)}</p></main>{_footer(version)}"
        )
        pages[path] = _doc(version, f'<meta property="og:site_name" content="{_e(name)}">', other)
    return pages, firm.description


def legacy_table(firm: Firm) -> tuple[Pages, str | None]:
    """A 2000s layout: tables, font tags, the charset only in an http-equiv meta."""
    body = (
        '<table width="760" border="0" cellpadding="0"><tr><td bgcolor="#003366">'
        f'<font color="white" size="5"><b>{_e(firm.name)}</b></font></td></tr>'
        f'<tr><td><font face="Verdana" size="2">{_e(firm.description)} {_e(MORE[firm.lang])}'
        f"</font></td></tr><tr><td>{_extra(firm)}</td></tr>"
        f'<tr><td><font size="1">{_e(firm.street)}, {_e(firm.city)} · {_e(firm.phone)}'
        f"</font></td></tr></table>{_linkedin(firm)}"
    )
    return {"/": _doc(firm, "", body)}, firm.description


def og_twitter(firm: Firm) -> tuple[Pages, str | None]:
    """OpenGraph and Twitter cards, a title led by the page ("Home | Name")."""
    home = NAV[firm.lang][0]
    head = (
        f'<meta property="og:type" content="website">'
        f'<meta property="og:description" content="{_e(firm.description)}">'
        f'<meta property="og:title" content="{_e(home)} | {_e(firm.name)}">'
        f'<meta name="twitter:card" content="summary">'
        f'<meta name="twitter:description" content="{_e(firm.description)}">'
    )
    body = f"{_nav(firm)}<main><h1>{_e(firm.name)}</h1>{_extra(firm)}</main>{_footer(firm)}"
    pages = {
        "/": _doc(firm, head, body, f"{home} | {firm.name}"),
        ABOUT_PATH[firm.lang]: _about(firm),
    }
    return pages, firm.description


def builder_site(firm: Firm) -> tuple[Pages, str | None]:
    """Markup of a hosted site builder: nested divs, data attributes, the builder's name."""
    block = (
        '<div data-testid="richTextElement" class="font_8">'
        '<p class="wixui-rich-text__text">{}</p></div>'
    )
    body = (
        '<div id="SITE_CONTAINER"><div id="masterPage"><div class="comp-1">'
        + block.format(_e(firm.name))
        + block.format(_e(firm.description))
        + "".join(block.format(_e(p)) for p in firm.extra)
        + "</div></div></div>"
        + _footer(firm)
        + '<div class="builder-banner">This site was designed with the SiteMaker.com website '
        "builder. Create your website today.</div>"
    )
    head = '<meta name="generator" content="SiteMaker.com Website Builder">'
    return {"/": _doc(firm, head, body)}, firm.description


def one_pager(firm: Firm) -> tuple[Pages, str | None]:
    """Everything on one page, in sections reached by anchors."""
    _, about, contact = NAV[firm.lang]
    body = (
        f'<nav><a href="#about">{_e(about)}</a><a href="#contact">{_e(contact)}</a></nav>'
        f'<section id="hero"><h1>{_e(firm.name)}</h1></section>'
        f'<section id="about"><h2>{_e(about)}</h2><p>{_e(firm.description)}</p>{_extra(firm)}'
        "</section>"
        f'<section id="contact"><h2>{_e(contact)}</h2><p>{_e(firm.street)}, {_e(firm.city)}</p>'
        "</section>"
        f"{_footer(firm)}"
    )
    head = f'<meta name="description" content="{_e(firm.description)}">'
    return {"/": _doc(firm, head, body)}, firm.description


def about_elsewhere(firm: Firm) -> tuple[Pages, str | None]:
    """A homepage of pictures and a slogan; what the company does only on its About page,
    reached by the menu in the site's language."""
    _, about, _ = NAV[firm.lang]
    body = (
        f'{_nav(firm)}<main><h1>{_e(firm.name)}</h1><img src="/hero.jpg" alt="">'
        f'<a class="cta" href="{ABOUT_PATH[firm.lang]}">{_e(about)} →</a></main>{_footer(firm)}'
    )
    return {"/": _doc(firm, "", body), ABOUT_PATH[firm.lang]: _about(firm)}, firm.description


def meta_description_only(firm: Firm) -> tuple[Pages, str | None]:
    """Only a meta description says anything; the page itself is a gallery."""
    head = f'<meta name="description" content="{_e(firm.description)}">'
    gallery = "".join(f'<img src="/img/{n}.jpg" alt="">' for n in range(4))
    body = f'<div class="gallery">{gallery}</div>{_footer(firm)}'
    return {"/": _doc(firm, head, body)}, firm.description


TEMPLATES: dict[str, Callable[[Firm], tuple[Pages, str | None]]] = {
    "microdata": microdata,
    "jsonld_graph": jsonld_graph,
    "footer_address": footer_address,
    "cookie_wall": cookie_wall,
    "next_shell": next_shell,
    "multilingual": multilingual,
    "legacy_table": legacy_table,
    "og_twitter": og_twitter,
    "builder_site": builder_site,
    "one_pager": one_pager,
    "about_elsewhere": about_elsewhere,
    "meta_description_only": meta_description_only,
}
