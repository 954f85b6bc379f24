"""Page markup of the seventh web's sites, in builders the other webs do not use:
Squarespace behind an announcement bar, Wix (its free-plan banner first, the text in rich
text `<p>`s, a hydrated JSON copy), Webflow (the text in a `<div>`), a Shopify storefront
whose company text is the footer's brand block, Tilda (`t-descr` divs), 1C-Bitrix (a
table layout), Jimdo behind a consent dialog that names cookies only in its `aria-label`,
Next.js (the text only in `__NEXT_DATA__`), Nuxt (only in the `window.__NUXT__` payload),
Carrd, a single-page app whose only words are JSON-LD, pages whose description is only an
`og:description` or a `twitter:description`, a hero `<h2>`, and an app shell whose text is
inside `<noscript>`.

Each template returns its pages and where the company's description can be read (the
grounding). Footers write the LinkedIn address as people paste it: a `/mycompany/` path, an
uppercase host, `?originalSubdomain=`, or a `lnkd.in`-free mobile form."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from bench.accuracy_web.land import Firm
from bench.accuracy_web.seventh.wording import ABOUT

Pages = dict[str, str]
Template = Callable[[Firm], tuple[Pages, str | None]]

# Words of the builders and their plugins, before anything the company says.
WIX_BANNER = (
    "This site was designed with the Wix.com website builder. Create your website today. Start Now"
)
CONSENT = (
    "We use cookies to give you the best possible experience on our website. By continuing "
    "to browse this site, you give consent for cookies to be used."
)
ANNOUNCEMENT = "Free shipping on all orders over 50 — order by 2 pm for same-day dispatch"
BUILDER_WORDS = (WIX_BANNER, CONSENT, ANNOUNCEMENT)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def pasted(linkedin: str, name: str) -> str:
    """The LinkedIn address as the site's owner pasted it."""
    slug = linkedin.rsplit("/", 1)[-1]
    return (
        f"https://www.linkedin.com/company/{slug}/mycompany/",
        f"https://WWW.LINKEDIN.COM/company/{slug}",
        f"{linkedin}?originalSubdomain={name[:2].lower()}",
        f"https://linkedin.com/company/{slug}/posts/?feedView=all",
    )[len(name) % 4]


def _dir(firm: Firm) -> str:
    return ' dir="rtl"' if firm.lang in ("ar", "he", "fa") else ""


def _html(firm: Firm, head: str, body: str, title: str = "", tag: str = "") -> str:
    charset = f'<meta http-equiv="Content-Type" content="text/html; charset={firm.charset}">'
    return (
        f'<!DOCTYPE html>\n<html lang="{firm.lang}"{_dir(firm)}{tag}><head>'
        f"{charset if firm.charset else ''}<title>{_e(title or firm.name)}</title>{head}"
        f"</head><body>{body}</body></html>"
    )


def _social(firm: Firm) -> str:
    if not firm.linkedin:
        return ""
    href = pasted(firm.linkedin, firm.name)
    return f'<a aria-label="LinkedIn" href="{_e(href)}"><svg viewBox="0 0 24 24"></svg></a>'


def _foot(firm: Firm) -> str:
    alt = f"<span>{_e(firm.alt_name)}</span>" if firm.alt_name else ""
    said = "".join(f"<p>{_e(line)}</p>" for line in firm.lines)
    return (
        f"{said}<div>{_e(firm.town)} · {_e(firm.country)} · "
        f'<a href="tel:{_e(firm.phone.replace(" ", ""))}">{_e(firm.phone)}</a></div>'
        f"{alt}{_social(firm)}"
    )


def squarespace(firm: Firm) -> tuple[Pages, str | None]:
    head = "<!-- This is Squarespace. --><script>Static.SQUARESPACE_CONTEXT = {};</script>"
    body = (
        f'<div class="sqs-announcement-bar"><p>{ANNOUNCEMENT}</p></div>'
        f'<header id="header"><a class="site-title" href="/">{_e(firm.name)}</a></header>'
        '<main id="page"><section class="page-section"><div class="sqs-block html-block">'
        f'<div class="sqs-block-content"><h1>{_e(firm.name)}</h1><p class="sqsrte-large">'
        f"{_e(firm.description)}</p></div></div></section></main>"
        f'<footer id="footer-sections">{_foot(firm)}</footer>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def wix(firm: Firm) -> tuple[Pages, str | None]:
    """The free plan's banner first; the text in rich-text paragraphs, and again in the
    hydration data."""
    warm = json.dumps({"siteName": firm.name, "text": firm.description}, ensure_ascii=False)
    head = '<meta name="generator" content="Wix.com Website Builder">'
    body = (
        f'<div id="WIX_ADS"><a href="https://www.wix.com/">{WIX_BANNER}</a></div>'
        '<div id="SITE_CONTAINER"><div id="main_MF"><div id="SITE_HEADER"><div '
        f'data-testid="richTextElement"><h1 class="font_0">{_e(firm.name)}</h1></div></div>'
        '<main id="PAGES_CONTAINER"><div data-testid="richTextElement" class="wixui-rich-text">'
        f'<p class="font_8 wixui-rich-text__text"><span class="wixui-rich-text__text">'
        f"{_e(firm.description)}</span></p></div></main>"
        f'<footer id="SITE_FOOTER">{_foot(firm)}</footer></div></div>'
        f'<script type="application/json" id="wix-warmup-data">{warm}</script>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def webflow(firm: Firm) -> tuple[Pages, str | None]:
    """The text in a styled `<div>`, no paragraph anywhere."""
    body = (
        f'<div class="navbar w-nav"><a href="/" class="brand w-nav-brand">{_e(firm.name)}</a>'
        '</div><div class="section-hero"><div class="container w-container">'
        f'<h1 class="heading-hero">{_e(firm.name)}</h1><div class="paragraph-hero">'
        f'{_e(firm.description)}</div><a href="#contact" class="button w-button">→</a></div>'
        f'</div><div class="footer">{_foot(firm)}</div>'
        '<a class="w-webflow-badge" href="https://webflow.com?utm_campaign=brandjs">Made in '
        "Webflow</a>"
    )
    tag = ' data-wf-page="65a1f0c2e4b0" data-wf-site="65a1f0c2e4af"'
    return {"/": _html(firm, "", body, tag=tag)}, firm.description


def storefront(firm: Firm) -> tuple[Pages, str | None]:
    """A Shopify store: products above, the company's words in the footer's brand block."""
    items = "".join(
        f'<li class="grid__item"><a href="/products/p{n}">{_e(item)}</a><span class="money">'
        f"{120 + 35 * n},00</span></li>"
        for n, item in enumerate(firm.products or ("—",))
    )
    head = '<link rel="preconnect" href="https://cdn.shopify.com">'
    body = (
        f'<header class="site-header"><a href="/">{_e(firm.name)}</a><a href="/cart">Cart</a>'
        f'</header><main><h2>Best sellers</h2><ul class="product-grid">{items}</ul></main>'
        '<footer class="footer"><div class="footer-block footer-block--brand_information">'
        f'<div class="footer-block__details-content rte">{_e(firm.description)}</div></div>'
        f"{_foot(firm)}</footer>"
    )
    return {"/": _html(firm, head, body)}, firm.description


def tilda(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        '<div id="allrecords" class="t-records" data-tilda-project-id="4821913">'
        f'<div class="r t-rec" id="rec1"><div class="t-title t-title_xl">{_e(firm.name)}</div>'
        f'<div class="t-descr t-descr_xl">{_e(firm.description)}</div></div>'
        f'<div class="r t-rec" id="rec2"><div class="t-text">{_foot(firm)}</div></div></div>'
        '<div class="t-tildalabel"><a href="https://tilda.cc">Made on Tilda</a></div>'
    )
    return {"/": _html(firm, "", body)}, firm.description


def bitrix(firm: Firm) -> tuple[Pages, str | None]:
    """1C-Bitrix with a table layout: the text in a cell."""
    head = "<script>BX.message({'SITE_ID':'s1','LANGUAGE_ID':'" + firm.lang + "'});</script>"
    body = (
        '<table width="100%" class="main-table"><tr><td class="logo"><a href="/">'
        f'<b>{_e(firm.name)}</b></a></td></tr><tr><td class="workarea">'
        f'{_e(firm.description)}<br><br></td></tr><tr><td class="bottom">{_foot(firm)}'
        '</td></tr></table><div id="bx-panel"></div>'
    )
    return {"/": _html(firm, head, body)}, firm.description


def jimdo(firm: Firm) -> tuple[Pages, str | None]:
    """A consent dialog named only by its role and label comes first."""
    body = (
        f'<div role="dialog" aria-label="Cookie settings" class="j-dialog"><p>{CONSENT}</p>'
        "<button>OK</button></div>"
        f'<div class="jtpl-header"><a href="/">{_e(firm.name)}</a></div>'
        '<div class="jtpl-main"><div class="j-module n j-text">'
        f"<p>{_e(firm.description)}</p></div></div>"
        f'<div class="jtpl-footer">{_foot(firm)}</div>'
    )
    return {"/": _html(firm, '<meta name="generator" content="Jimdo Creator">', body)}, (
        firm.description
    )


def nextjs(firm: Firm) -> tuple[Pages, str | None]:
    """Nothing rendered: the company's words only in `__NEXT_DATA__`."""
    data = {
        "props": {
            "pageProps": {
                "company": {
                    "name": firm.name,
                    "about": firm.description,
                    "city": firm.town,
                    "phone": firm.phone,
                    "linkedin": firm.linkedin,
                }
            }
        },
        "page": "/",
        "buildId": "k3Jd9xQ2",
    }
    body = (
        '<div id="__next"><div class="spinner" aria-busy="true"></div></div>'
        f'<script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps(data, ensure_ascii=False)}</script>"
    )
    return {"/": _html(firm, "", body)}, firm.description


def nuxt(firm: Firm) -> tuple[Pages, str | None]:
    """The name rendered; what it does only in the `window.__NUXT__` payload."""
    args = json.dumps([firm.name, firm.description, firm.town], ensure_ascii=False)[1:-1]
    body = (
        f'<div id="__nuxt"><div id="__layout"><header><span class="logo">{_e(firm.name)}'
        '</span></header><main class="page-index"><div class="skeleton"></div></main>'
        f"<footer>{_foot(firm)}</footer></div></div>"
        '<script>window.__NUXT__=(function(a,b,c){return {layout:"default",data:[{page:'
        "{title:a,intro:b,city:c}}],state:{}}}(" + args + "));</script>"
    )
    return {"/": _html(firm, "", body)}, firm.description


def carrd(firm: Firm) -> tuple[Pages, str | None]:
    body = (
        '<div id="wrapper"><div id="main"><div class="inner"><section id="home-section">'
        f'<h1 id="text01">{_e(firm.name)}</h1><p id="text02">{_e(firm.description)}</p>'
        f'<div id="text03">{_foot(firm)}</div></section></div></div></div>'
    )
    return {"/": _html(firm, "", body)}, firm.description


def spa_jsonld(firm: Firm) -> tuple[Pages, str | None]:
    """An empty app root; the organization only in a JSON-LD script."""
    node = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": firm.name,
        # What the page would say beside it ("formerly ...") is in the description too.
        "description": " ".join((firm.description, *firm.lines)),
        "telephone": firm.phone,
        "address": {"@type": "PostalAddress", "addressLocality": firm.town},
    }
    if firm.linkedin:
        node["sameAs"] = [firm.linkedin]
    if firm.alt_name:
        node["alternateName"] = firm.alt_name
    head = (
        '<script type="application/ld+json">'
        f"{json.dumps(node, ensure_ascii=False)}</script>"
        '<script type="module" src="/assets/index-4f2a.js"></script>'
    )
    return {"/": _html(firm, head, '<div id="root"></div>')}, firm.description


def og_only(firm: Firm) -> tuple[Pages, str | None]:
    """A gallery; what the company does only in `og:description`."""
    head = f'<meta property="og:description" content="{_e(firm.description)}">'
    gallery = "".join(f'<img src="/g/{n}.jpg" alt="">' for n in range(4))
    body = (
        f'<header><h1>{_e(firm.name)}</h1></header><main class="gallery">{gallery}</main>'
        f"<footer>{_foot(firm)}</footer>"
    )
    return {"/": _html(firm, head, body)}, firm.description


def twitter_only(firm: Firm) -> tuple[Pages, str | None]:
    """Only a `twitter:description` says what the company does."""
    head = (
        '<meta name="twitter:card" content="summary_large_image">'
        f'<meta name="twitter:description" content="{_e(firm.description)}">'
    )
    body = (
        f'<nav><a href="/">{_e(firm.name)}</a></nav><div class="hero"><video src="/h.mp4">'
        f"</video></div><footer>{_foot(firm)}</footer>"
    )
    return {"/": _html(firm, head, body)}, firm.description


def hero_h2(firm: Firm) -> tuple[Pages, str | None]:
    """The description as the hero's subtitle heading, no paragraph."""
    body = (
        f'<section class="hero is-medium"><div class="hero-body"><h1 class="title">'
        f'{_e(firm.name)}</h1><h2 class="subtitle">{_e(firm.description)}</h2></div>'
        f'</section><footer class="footer">{_foot(firm)}</footer>'
    )
    return {"/": _html(firm, "", body)}, firm.description


def noscript(firm: Firm) -> tuple[Pages, str | None]:
    """An app shell; the text for visitors without scripts inside `<noscript>`."""
    body = (
        '<div id="app"></div><noscript><div class="static">'
        f"<h1>{_e(firm.name)}</h1><p>{_e(firm.description)}</p>{_foot(firm)}</div></noscript>"
        '<script src="/js/app.8c1d.js"></script>'
    )
    return {"/": _html(firm, "", body)}, firm.description


def about_link(firm: Firm) -> tuple[Pages, str | None]:
    """A cover image and a menu at the root, the text on the About page in the site's
    language."""
    label, path = ABOUT[firm.lang]
    home = (
        f'<nav><a href="/">{_e(firm.name)}</a> · <a href="{path}">{_e(label)}</a></nav>'
        f'<div class="cover" style="background:url(/c.jpg)"></div><footer>{_foot(firm)}</footer>'
    )
    about = f"<h1>{_e(label)}</h1><article><p>{_e(firm.description)}</p></article>{_foot(firm)}"
    pages = {"/": _html(firm, "", home), path: _html(firm, "", about, f"{label} | {firm.name}")}
    return pages, firm.description


TEMPLATES: dict[str, Template] = {
    "squarespace": squarespace,
    "wix": wix,
    "webflow": webflow,
    "storefront": storefront,
    "tilda": tilda,
    "bitrix": bitrix,
    "jimdo": jimdo,
    "nextjs": nextjs,
    "nuxt": nuxt,
    "carrd": carrd,
    "spa_jsonld": spa_jsonld,
    "og_only": og_only,
    "twitter_only": twitter_only,
    "hero_h2": hero_h2,
    "noscript": noscript,
    "about_link": about_link,
}
# Plain shapes for classes whose difficulty is not the markup.
PLAIN = ("squarespace", "wix", "webflow", "tilda", "jimdo", "carrd")
