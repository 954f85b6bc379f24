"""Unseen-web page templates in the markup of site builders and CMS themes: Wix, Squarespace,
Tilda, 1C-Bitrix, a WordPress page-builder theme, Webflow, Weebly, a Shopify-like shop, a
Nuxt app, a Joomla article, a Japanese company-profile table, a Chinese corporate page.
Each returns the site's pages and the description a reader finds there."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass

from bench.accuracy_web.unseen.wording import ABOUT_PATH, NAV, RIGHTS


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
    other_name: str = ""  # the name in another script or language, written beside it
    extra: tuple[str, ...] = ()  # paragraphs: rebrand notes, group members
    charset: str = ""  # declared in the page only


Pages = dict[str, str]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _social(firm: Firm) -> str:
    if not firm.linkedin:
        return ""
    return f'<a href="{firm.linkedin}" target="_blank" rel="noopener"><i class="icon-li"></i></a>'


def _html(firm: Firm, head: str, body: str, title: str = "") -> str:
    charset = (
        f'<meta http-equiv="content-type" content="text/html; charset={firm.charset}">'
        if firm.charset
        else '<meta charset="UTF-8">'
    )
    return (
        f'<!doctype html><html lang="{firm.lang}"><head>{charset}'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title or firm.name)}</title>{head}</head><body>{body}</body></html>"
    )


def _contacts(firm: Firm) -> str:
    return f"{_e(firm.street)} · {_e(firm.city)} · {_e(firm.country)} · {_e(firm.phone)}"


def _paras(firm: Firm, tag: str = "p", cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<{tag}{attr}>{_e(p)}</{tag}>" for p in firm.extra)


def _named(firm: Firm) -> str:
    return f"{firm.name} ({firm.other_name})" if firm.other_name else firm.name


def wix(firm: Firm) -> tuple[Pages, str | None]:
    rich = '<div class="wixui-rich-text" data-testid="richTextElement">{}</div>'
    body = (
        '<div id="SITE_CONTAINER"><main id="PAGES_CONTAINER"><section class="wixui-section">'
        + rich.format(f'<h1 class="font_0"><span>{_e(_named(firm))}</span></h1>')
        + rich.format(
            f'<p class="font_8"><span style="color:#333">{_e(firm.description)}</span></p>'
        )
        + "".join(rich.format(f'<p class="font_8">{_e(p)}</p>') for p in firm.extra)
        + f'</section></main><footer class="wixui-footer">{rich.format(_contacts(firm))}'
        f"{_social(firm)}</footer></div>"
    )
    head = '<meta name="generator" content="Wix.com Website Builder">'
    return {"/": _html(firm, head, body, f"{NAV[firm.lang][0]} | {firm.name}")}, firm.description


def squarespace(firm: Firm) -> tuple[Pages, str | None]:
    block = '<div class="sqs-block html-block"><div class="sqs-block-content">{}</div></div>'
    context = {"website": {"siteTitle": firm.name, "location": {"addressLine2": firm.city}}}
    body = (
        '<div class="sqs-layout sqs-grid-12">'
        + block.format(f"<h2>{_e(_named(firm))}</h2>")
        + block.format(f'<p class="" style="white-space:pre-wrap;">{_e(firm.description)}</p>')
        + block.format(_paras(firm))
        + f'</div><footer class="Footer">{block.format(_contacts(firm))}{_social(firm)}</footer>'
        f"<script>Static.SQUARESPACE_CONTEXT = {json.dumps(context, ensure_ascii=False)};</script>"
    )
    head = "<!-- This is Squarespace. --><!-- acorn-banana-x7rl -->"
    return {"/": _html(firm, head, body)}, firm.description


def tilda(firm: Firm) -> tuple[Pages, str | None]:
    """Text in divs with a `field` attribute, no paragraph tags."""
    body = (
        '<div id="allrecords" class="t-records" data-tilda-project-id="4821">'
        f'<div class="t-rec" id="rec1"><div class="t-title t-title_xl" field="title">'
        f"{_e(_named(firm))}</div></div>"
        f'<div class="t-rec" id="rec2"><div class="t-text t-text_md" field="text">'
        f"{_e(firm.description)}</div></div>"
        + "".join(
            f'<div class="t-rec"><div class="t-descr" field="descr">{_e(p)}</div></div>'
            for p in firm.extra
        )
        + f'<div class="t-rec t-footer"><div class="t-text">{_contacts(firm)}</div>'
        f"{_social(firm)}</div></div>"
    )
    head = '<meta name="generator" content="Tilda">'
    return {"/": _html(firm, head, body)}, firm.description


def bitrix(firm: Firm) -> tuple[Pages, str | None]:
    """1C-Bitrix: the homepage is a catalogue, what the company is only under About."""
    _, about, _ = NAV[firm.lang]
    menu = (
        f'<ul class="bx-top-nav"><li><a href="/">{_e(NAV[firm.lang][0])}</a></li>'
        f'<li><a href="{ABOUT_PATH[firm.lang]}">{_e(about)}</a></li></ul>'
    )
    foot = f'<div class="bx-footer">{_contacts(firm)} {_social(firm)}</div>'
    home = (
        f'<div class="bx-wrapper">{menu}<div class="bx-content"><h1>{_e(_named(firm))}</h1>'
        '<div class="catalog-section"><div class="item">Каталог</div></div></div>'
        f"{foot}</div>"
    )
    page = (
        f'<div class="bx-wrapper">{menu}<div class="bx-content"><h1>{_e(about)}</h1>'
        f'<div class="content-text">{_e(firm.description)}<br><br>'
        f"{'<br>'.join(_e(p) for p in firm.extra)}</div></div>{foot}</div>"
    )
    head = '<link href="/bitrix/cache/css/s1/template.css" rel="stylesheet">'
    pages = {
        "/": _html(firm, head, home),
        ABOUT_PATH[firm.lang]: _html(firm, head, page, f"{about} - {firm.name}"),
    }
    return pages, firm.description


def wordpress(firm: Firm) -> tuple[Pages, str | None]:
    """A page-builder theme with an SEO plugin's graph naming the organisation only."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Organization",
                "@id": f"{firm.base}/#organization",
                "name": firm.name,
                "url": firm.base + "/",
                "sameAs": [firm.linkedin] if firm.linkedin else [],
            },
            {"@type": "WebSite", "@id": f"{firm.base}/#website", "name": firm.name},
        ],
    }
    widget = (
        '<div class="elementor-element elementor-widget elementor-widget-text-editor">'
        '<div class="elementor-widget-container">{}</div></div>'
    )
    body = (
        '<div class="elementor elementor-12"><section class="elementor-section">'
        + widget.format(f'<h2 class="elementor-heading-title">{_e(_named(firm))}</h2>')
        + widget.format(f"<p>{_e(firm.description)}</p>")
        + widget.format(_paras(firm))
        + f'</section></div><footer id="colophon">{_contacts(firm)} {_social(firm)}</footer>'
    )
    head = (
        '<meta name="generator" content="WordPress 6.6.2">'
        '<meta name="generator" content="Elementor 3.24.4">'
        f'<script type="application/ld+json" class="yoast-schema-graph">'
        f"{json.dumps(graph, ensure_ascii=False)}</script>"
    )
    return {"/": _html(firm, head, body, f"{firm.name} – {firm.city}")}, firm.description


def webflow(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div class="w-layout-grid hero-grid"><h1 class="hero-heading">{_e(_named(firm))}</h1>'
        f'<p class="hero-paragraph">{_e(firm.description)}</p></div>'
        f'<div class="w-container">{_paras(firm, "div", "rich-text-block")}</div>'
        f'<div class="footer-wrapper">{_contacts(firm)}{_social(firm)}</div>'
    )
    head = '<meta content="Webflow" name="generator">'
    return {"/": _html(firm, head, body)}, firm.description


def weebly(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div class="wsite-section-wrap"><h2 class="wsite-content-title">{_e(_named(firm))}</h2>'
        f'<div class="paragraph" style="text-align:left;">{_e(firm.description)}</div>'
        f"{_paras(firm, 'div', 'paragraph')}</div>"
        f'<div id="footer">{_contacts(firm)} {_social(firm)}'
        '<div class="weebly-footer">Powered by Weebly</div></div>'
    )
    return {"/": _html(firm, "", body)}, firm.description


def shop(firm: Firm) -> tuple[Pages, str | None]:
    """A shop: products first, who sells them in a small footer block."""
    items = "".join(
        f'<div class="product-card"><a href="/products/p{n}">Item {n}</a>'
        f'<span class="price">{n * 7}.90</span></div>'
        for n in range(1, 7)
    )
    body = (
        f'<header class="site-header"><a class="logo">{_e(_named(firm))}</a></header>'
        f'<div class="collection-grid">{items}</div>'
        f'<footer><div class="footer-block"><div class="rte"><p>{_e(firm.description)}</p>'
        f"{_paras(firm)}</div></div>{_contacts(firm)} {_social(firm)}</footer>"
    )
    head = f'<meta property="og:site_name" content="{_e(firm.name)}">'
    return {"/": _html(firm, head, body)}, firm.description


def nuxt(firm: Firm) -> tuple[Pages, str | None]:
    """A JavaScript app: server-rendered meta tags, the page itself an empty root."""
    state = json.dumps({"company": {"title": firm.name, "city": firm.city}}, ensure_ascii=False)
    head = (
        f'<meta data-hid="description" name="description" content="{_e(firm.description)}">'
        f'<meta data-hid="og:title" property="og:title" content="{_e(firm.name)}">'
    )
    body = (
        f'<div id="__nuxt"><div id="__layout"></div></div>'
        f"<script>window.__NUXT__={state}</script>"
        '<script src="/_nuxt/3f2a1c.js" defer></script>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def joomla(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        f'<div class="item-page" itemscope itemtype="https://schema.org/Article">'
        f'<div class="page-header"><h2 itemprop="headline">{_e(_named(firm))}</h2></div>'
        f'<div itemprop="articleBody"><p>{_e(firm.description)}</p>{_paras(firm)}</div></div>'
        f'<div class="moduletable footer">{_contacts(firm)} © {_e(RIGHTS[firm.lang])}'
        f"{_social(firm)}</div>"
    )
    head = '<meta name="generator" content="Joomla! - Open Source Content Management">'
    return {"/": _html(firm, head, body)}, firm.description


def jp_profile(firm: Firm) -> tuple[Pages, str | None]:
    """A Japanese site: a greeting on the homepage, the profile table on 会社概要."""
    _, about, _ = NAV[firm.lang]
    rows = (
        ("会社名", _named(firm)),
        ("所在地", f"{firm.city} {firm.street}"),
        ("電話番号", firm.phone),
        ("事業内容", firm.description),
    )
    table = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    home = (
        f'<div id="header"><a href="/">{_e(firm.name)}</a> <a href="{ABOUT_PATH["ja"]}">'
        f'{_e(about)}</a></div><div id="main"><p class="greeting">{_e(firm.description)}</p>'
        f'{_paras(firm)}</div><div id="footer">Copyright © {_e(firm.name)} '
        f"{RIGHTS['ja']}. {_social(firm)}</div>"
    )
    profile = f'<h2>{_e(about)}</h2><table class="company-table">{table}</table>'
    pages = {
        "/": _html(firm, "", home),
        ABOUT_PATH["ja"]: _html(firm, "", profile, f"{about}｜{firm.name}"),
    }
    return pages, firm.description


def cn_corporate(firm: Firm) -> tuple[Pages, str | None]:
    """A Chinese corporate page: keywords meta, text in a div, a licence number below."""
    head = (
        f'<meta name="keywords" content="{_e(firm.name)},{_e(firm.city)}">'
        f'<meta name="description" content="{_e(firm.name)}">'
    )
    body = (
        f'<div class="top"><div class="logo">{_e(_named(firm))}</div></div>'
        f'<div class="about-box"><div class="tit">{_e(NAV["zh"][1])}</div>'
        f'<div class="about-txt">{_e(firm.description)}</div>{_paras(firm, "div", "txt")}</div>'
        f'<div class="foot">地址：{_e(firm.city)}{_e(firm.street)} 电话：{_e(firm.phone)}<br>'
        f"Copyright © {_e(firm.name)} {RIGHTS['zh']} 苏ICP备18042317号-1 {_social(firm)}</div>"
    )
    return {"/": _html(firm, head, body, f"{firm.name}-{NAV['zh'][0]}")}, firm.description


TEMPLATES: dict[str, Callable[[Firm], tuple[Pages, str | None]]] = {
    "wix": wix,
    "squarespace": squarespace,
    "tilda": tilda,
    "bitrix": bitrix,
    "wordpress": wordpress,
    "webflow": webflow,
    "weebly": weebly,
    "shop": shop,
    "nuxt": nuxt,
    "joomla": joomla,
    "jp_profile": jp_profile,
    "cn_corporate": cn_corporate,
}
