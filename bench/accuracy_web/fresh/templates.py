"""Page markup of the fresh web's sites, in the shapes of site builders and CMSs not used
by the other webs: where the company's description sits differs by template (a paragraph,
a span in a widget, JSON-LD, OpenGraph or meta only, the About page only, app state in a
script, a table cell)."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass

from bench.accuracy_web.fresh.words import ABOUT


@dataclass(frozen=True)
class Firm:
    name: str  # as the site writes it
    lang: str
    description: str
    city: str
    country: str  # in the site's language
    phone: str
    base: str  # https://host
    linkedin: str | None = None  # linked from the site
    extra: tuple[str, ...] = ()  # more lines: "formerly ...", "part of ..."
    other_name: str = ""  # another spelling the site writes in its footer
    same_as: tuple[str, ...] = ()  # JSON-LD sameAs (beside the LinkedIn page)
    charset: str = ""  # declared in the page (a meta tag), not only in the header
    title: str = ""
    about_path: str = "/company"


Pages = dict[str, str]
Template = Callable[[Firm], tuple[Pages, str | None]]
RTL = {"he", "ar"}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _doc(firm: Firm, head: str, body: str, title: str = "") -> str:
    charset = f'<meta charset="{firm.charset}">' if firm.charset else ""
    direction = ' dir="rtl"' if firm.lang in RTL else ""
    shown = firm.title or title or firm.name
    return (
        f'<!DOCTYPE html><html lang="{firm.lang}"{direction}><head>{charset}'
        f"<title>{_e(shown)}</title>{head}</head><body>{body}</body></html>"
    )


def _contact(firm: Firm, tag: str = "address") -> str:
    link = f'<a href="{firm.linkedin}" rel="noopener">in</a>' if firm.linkedin else ""
    other = f"<span>{_e(firm.other_name)}</span>" if firm.other_name else ""
    lines = "".join(f"<div>{_e(line)}</div>" for line in firm.extra)
    return (
        f"{lines}<{tag}>{_e(firm.city)}, {_e(firm.country)} · "
        f'<a href="tel:{firm.phone.replace(" ", "")}">{_e(firm.phone)}</a></{tag}>{other}{link}'
    )


def _about_link(firm: Firm) -> str:
    return f'<a href="{firm.about_path}">{_e(ABOUT[firm.lang])}</a>'


def _jsonld(firm: Firm, with_description: bool = True) -> str:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": firm.name,
        "url": f"{firm.base}/",
        "telephone": firm.phone,
        "address": {"@type": "PostalAddress", "addressLocality": firm.city},
    }
    if with_description:
        data["description"] = firm.description
    links = [*([firm.linkedin] if firm.linkedin else []), *firm.same_as]
    if links:
        data["sameAs"] = links
    if firm.other_name:
        data["alternateName"] = firm.other_name
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def framer(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div id="main" data-framer-hydrate-v2><div data-framer-name="Nav">{_about_link(firm)}'
        f'</div><section data-framer-name="Hero"><h1 class="framer-text">{_e(firm.name)}</h1>'
        f'<p class="framer-text framer-styles-preset-1">{_e(firm.description)}</p></section>'
        f'<div data-framer-name="Footer">{_contact(firm, "p")}</div></div>'
    )
    head = f'<meta property="og:title" content="{_e(firm.name)}">'
    return {"/": _doc(firm, head, body)}, firm.description


def carrd(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div id="wrapper"><div id="main"><div class="inner"><section id="home-section">'
        f'<h1 id="text01">{_e(firm.name)}</h1><p id="text02">{_e(firm.description)}</p>'
        f'<ul id="buttons01"><li><a href="#contact">→</a></li></ul></section>'
        f'<section id="contact-section">{_contact(firm, "p")}</section></div></div></div>'
    )
    return {"/": _doc(firm, "", body)}, firm.description


def ghost(firm: Firm) -> tuple[Pages, str | None]:
    head = (
        f'<meta name="description" content="{_e(firm.description)}">'
        '<meta name="generator" content="Ghost 5.82">'
    )
    body = (
        f'<div class="viewport"><header class="site-header"><div class="site-header-content">'
        f'<h1 class="site-title">{_e(firm.name)}</h1>'
        f'<p class="site-description">{_e(firm.description)}</p></div></header>'
        f'<main class="site-main"><article class="post-card"><h2>2025</h2></article></main>'
        f'<footer class="site-footer">{_contact(firm)}</footer></div>'
    )
    return {"/": _doc(firm, head, body)}, firm.description


def hugo(firm: Firm) -> tuple[Pages, str | None]:
    head = f'<meta name="generator" content="Hugo 0.124.1">{_jsonld(firm)}'
    body = (
        f'<header><a class="logo" href="/">{_e(firm.name)}</a>{_about_link(firm)}</header>'
        f'<main><ul class="list"><li><a href="/posts/1/">→</a></li></ul></main>'
        f"<footer>{_contact(firm)}</footer>"
    )
    return {"/": _doc(firm, head, body)}, firm.description


def drupal(firm: Firm) -> tuple[Pages, str | None]:
    head = '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">'
    body = (
        f'<div class="dialog-off-canvas-main-canvas"><header role="banner">'
        f'<div class="site-branding__name">{_e(firm.name)}</div></header>'
        f'<main role="main"><div class="field field--name-body field--type-text-with-summary">'
        f"<p>{_e(firm.description)}</p></div></main>"
        f'<footer role="contentinfo">{_contact(firm)}</footer></div>'
    )
    return {"/": _doc(firm, head, body)}, firm.description


def hubspot(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div class="body-wrapper hs-content-id-7731"><div class="hs_cos_wrapper '
        f'hs_cos_wrapper_widget hs_cos_wrapper_type_rich_text"><h1>{_e(firm.name)}</h1>'
        f"<span>{_e(firm.description)}</span></div>"
        f'<div class="hs_cos_wrapper hs_cos_wrapper_type_module">{_contact(firm, "span")}'
        f'</div></div><script src="//js.hs-scripts.com/7731.js"></script>'
    )
    return {"/": _doc(firm, "", body)}, firm.description


def duda(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div id="dm" class="dmwr"><div class="dmHeader">{_about_link(firm)}</div>'
        f'<div class="dmNewParagraph" data-element-type="paragraph"><h2>{_e(firm.name)}</h2>'
        f"<div>{_e(firm.description)}</div></div>"
        f'<div class="dmFooterContainer">{_contact(firm, "div")}</div></div>'
    )
    return {"/": _doc(firm, "", body)}, firm.description


def google_sites(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div class="UtePc RCETm"><div class="tyJCtd mGzaTb baZpAe">'
        f'<p class="CDt4Ke zfr3Q">{_e(firm.name)}</p>'
        f'<p class="CDt4Ke zfr3Q">{_e(firm.description)}</p></div>'
        f'<div class="tyJCtd">{_contact(firm, "p")}</div></div>'
    )
    return {"/": _doc(firm, "", body, f"{firm.name} - Home")}, firm.description


def og_only(firm: Firm) -> tuple[Pages, str | None]:
    head = (
        f'<meta property="og:site_name" content="{_e(firm.name)}">'
        f'<meta property="og:description" content="{_e(firm.description)}">'
        f'<meta property="og:url" content="{firm.base}/">'
    )
    body = (
        f'<div class="slider"><img src="/img/1.webp" alt="{_e(firm.name)}">'
        f'<img src="/img/2.webp" alt=""></div><footer>{_contact(firm)}</footer>'
    )
    return {"/": _doc(firm, head, body)}, firm.description


def meta_only(firm: Firm) -> tuple[Pages, str | None]:
    head = f'<meta name="description" content="{_e(firm.description)}">'
    body = (
        f'<div class="gallery"><img src="/hero.jpg"></div><div class="bar">{_contact(firm)}</div>'
    )
    return {"/": _doc(firm, head, body)}, firm.description


def about_only(firm: Firm) -> tuple[Pages, str | None]:
    home = (
        f'<nav><a href="/">{_e(firm.name)}</a>{_about_link(firm)}</nav>'
        f'<div class="hero"><img src="/banner.png" alt=""></div><footer>{_contact(firm)}</footer>'
    )
    about = (
        f'<nav><a href="/">{_e(firm.name)}</a></nav><article><h1>{_e(ABOUT[firm.lang])}</h1>'
        f"<p>{_e(firm.description)}</p></article><footer>{_contact(firm)}</footer>"
    )
    pages = {"/": _doc(firm, "", home), firm.about_path: _doc(firm, "", about)}
    return pages, firm.description


def _app_shell(firm: Firm, script: str) -> str:
    return _doc(firm, "", f'<div id="root"></div>{script}<noscript>JavaScript</noscript>')


def remix(firm: Firm) -> tuple[Pages, str | None]:
    state = {
        "state": {
            "loaderData": {
                "root": {"company": {"title": firm.name, "summary": firm.description}},
                "routes/_index": {"city": firm.city, "phone": firm.phone},
            }
        }
    }
    script = f"<script>window.__remixContext = {json.dumps(state, ensure_ascii=False)};</script>"
    return {"/": _app_shell(firm, script)}, firm.description


def sveltekit(firm: Firm) -> tuple[Pages, str | None]:
    data = {"status": 200, "body": {"brand": firm.name, "tagline": firm.description}}
    script = (
        '<script type="application/json" data-sveltekit-fetched data-url="/api/site">'
        f"{json.dumps(data, ensure_ascii=False)}</script>"
    )
    return {"/": _app_shell(firm, script)}, firm.description


def angular(firm: Firm) -> tuple[Pages, str | None]:
    data = {"org": {"displayName": firm.name, "intro": firm.description, "city": firm.city}}
    state = json.dumps(data, ensure_ascii=False)
    script = f'<script id="ng-state" type="application/json">{state}</script>'
    return {"/": _doc(firm, "", f"<app-root></app-root>{script}")}, firm.description


def tables(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<table width="780" border="0" cellpadding="0"><tr><td bgcolor="#003366">'
        f'<font size="5" color="#ffffff">{_e(firm.name)}</font></td></tr>'
        f'<tr><td><font face="Tahoma" size="2">{_e(firm.description)}</font></td></tr>'
        f"<tr><td>{_contact(firm, 'font')}</td></tr></table>"
    )
    return {"/": _doc(firm, "", body)}, firm.description


TEMPLATES: dict[str, Template] = {
    "framer": framer,
    "carrd": carrd,
    "ghost": ghost,
    "hugo": hugo,
    "drupal": drupal,
    "hubspot": hubspot,
    "duda": duda,
    "google_sites": google_sites,
    "og_only": og_only,
    "meta_only": meta_only,
    "about_only": about_only,
    "remix": remix,
    "sveltekit": sveltekit,
    "angular": angular,
    "tables": tables,
}
