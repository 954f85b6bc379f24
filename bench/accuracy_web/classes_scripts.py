"""Companies whose name is written in another script than their site's: Japanese and
Chinese sites listed by an English name the site shows only in its logo, copyright line,
app title, site name, structured data or English version; Japanese and Chinese sites
written only in their own script, listed by a romanised name; Kazakh sites in Cyrillic
with Kazakh letters, listed in the 2021 Latin alphabet or informally; and renamed
companies whose only link to the old name is the old domain's redirect."""

from __future__ import annotations

import html
import json

from bench.accuracy_web.builder import Builder, BuiltSite, slugify
from bench.accuracy_web.model import Doc, Page, Site
from bench.accuracy_web.pages import visible_text
from bench.accuracy_web.vocab import COUNTRIES, Country

JAPAN = next(c for c in COUNTRIES if c.iso == "JP")
CHINA = Country("China", "CN", "cn", ("Suzhou", "Ningbo", "Xiamen", "Chengdu"), "+86")
KAZAKHSTAN = Country("Kazakhstan", "KZ", "kz", ("Almaty", "Astana", "Shymkent", "Aktobe"), "+7")
CITY_IN = {
    "Osaka": "大阪", "Nagoya": "名古屋", "Sendai": "仙台", "Kobe": "神戸", "Suzhou": "苏州",
    "Ningbo": "宁波", "Xiamen": "厦门", "Chengdu": "成都", "Almaty": "Алматы",
    "Astana": "Астана", "Shymkent": "Шымкент", "Aktobe": "Ақтөбе",
}  # fmt: skip

# (brand, its reading); (trade, its reading or English, what the company does).
JA_BRANDS = (
    ("青空", "Aozora"), ("若葉", "Wakaba"), ("富士見", "Fujimi"), ("双葉", "Futaba"),
    ("白山", "Hakusan"), ("飛鳥", "Asuka"), ("ひばり", "Hibari"), ("こまち", "Komachi"),
)  # fmt: skip
# A trade's reading as lists write it: without long vowels, with macrons, with `ou`.
JA_TRADES = (
    ("工業", ("Kogyo", "Kōgyō", "Kougyou"), "金属部品のプレス加工と溶接"),
    ("製作所", ("Seisakusho", "Seisakushō", "Seisakushou"), "産業機械の設計と製作"),
    ("運送", ("Unso", "Unsō", "Unsou"), "関西一円の貨物輸送と倉庫保管"),
    ("技研", ("Giken", "Giken", "Giken"), "計測機器の開発と校正"),
)  # fmt: skip
# (brand, pinyin as one word, pinyin by syllable)
ZH_BRANDS = (
    ("远航", "Yuanhang", "Yuan Hang"), ("金桥", "Jinqiao", "Jin Qiao"),
    ("海川", "Haichuan", "Hai Chuan"), ("鼎盛", "Dingsheng", "Ding Sheng"),
    ("新锋", "Xinfeng", "Xin Feng"), ("天元", "Tianyuan", "Tian Yuan"),
    ("华星", "Huaxing", "Hua Xing"), ("安泰", "Antai", "An Tai"),
)  # fmt: skip
ZH_TRADES = (
    ("科技", "Technology", "工业传感器的研发与生产"),
    ("包装", "Packaging", "食品包装盒的设计与印刷"),
    ("物流", "Logistics", "长三角地区的仓储与配送服务"),
    ("家具", "Furniture", "办公家具的设计与制造"),
)  # fmt: skip
# An English name that no reading gives (`青空工業` as Aozora Metal Works).
ENGLISH = ("Metal Works", "Engineering", "Transport", "Instruments")
# (Kazakh brand, 2021 Latin, informal Latin)
KK_BRANDS = (
    ("Ақжол", "Aqjol", "Akzhol"), ("Алтынқұм", "Altynqūm", "Altynkum"),
    ("Шаңырақ", "Şañyraq", "Shanyrak"), ("Жұлдыз", "Jūldyz", "Zhuldyz"),
    ("Бәйтерек", "Bäiterek", "Baiterek"), ("Қазына", "Qazyna", "Kazyna"),
)  # fmt: skip
KK_TRADES = (
    ("Құрылыс", "Qūrylys", "Kurylys", "тұрғын үй мен қоймалар салу"),
    ("Агро", "Agro", "Agro", "астық өсіру және ұн өндіру"),
    ("Логистика", "Logistika", "Logistika", "жүк тасымалдау және қойма қызметтері"),
)  # fmt: skip


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _describe(lang: str, name: str, city: str, does: str, year: int) -> str:
    if lang == "ja":
        return (
            f"{name}は{year}年の設立以来、{city}を拠点に{does}を行っております。"
            "地域のお客様に信頼される企業を目指しています。"
        )
    if lang == "zh":
        return f"{name}成立于{year}年，总部位于{city}，主要从事{does}，产品与服务覆盖全国各地。"
    return (
        f"«{name}» компаниясы {year} жылдан бері {city} қаласында {does} саласында жұмыс істейді."
    )


def _page(lang: str, title: str, head: str, body: str) -> bytes:
    markup = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)}'
        f"</title>{head}</head><body>{body}</body></html>"
    )
    return markup.encode()


def _publish(
    b: Builder, host: str, pages: dict[str, bytes], title: str, description: str
) -> BuiltSite:
    b.web.add_site(Site(host, {path: Page(body) for path, body in pages.items()}))
    text = " ".join(visible_text(body.decode()) for body in pages.values())
    url = f"https://{host}/"
    b.web.docs.append(Doc(url, title, description, f"{title} {description} {text} {host}", "site"))
    return BuiltSite(url, description, text)


def _mark(n: int, english: str, host: str) -> tuple[str, str, str, dict[str, bytes]]:
    """Where the site shows its English name: (head, header, footer, more pages)."""
    logo = f"/img/{slugify(english)}-logo.png"
    kind = n % 7
    if kind == 0:
        return "", f'<img class="site-logo" src="/img/logo.svg" alt="{_e(english)}">', "", {}
    if kind == 1:
        return "", f'<a href="/"><img src="{logo}" alt=""></a>', "", {}
    if kind == 2:
        return "", "", f"Copyright © 2025 {_e(english)} Co., Ltd. All Rights Reserved.", {}
    if kind == 3:
        return f'<meta name="application-name" content="{_e(english)}">', "", "", {}
    if kind == 4:
        return f'<meta property="og:site_name" content="{_e(english)}">', "", "", {}
    if kind == 5:
        data = {"@context": "https://schema.org", "@type": "Organization",
                "alternateName": english, "url": f"https://{host}/"}  # fmt: skip
        script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
        return script, "", "", {}
    version = _page("en", f"{english} | Home", "", f"<h1>{_e(english)}</h1><p>Welcome.</p>")
    head = f'<link rel="alternate" hreflang="en" href="https://{host}/en/">'
    return head, "", "", {"/en/": version}


def _cjk_site(
    b: Builder, n: int, lang: str, native: str, city: str, does: str, host: str, english: str = ""
) -> BuiltSite:
    """A site in its own script only; with `english`, that name in one mark (kind `n`)."""
    description = _describe(lang, native, CITY_IN[city], does, b.rng.randint(1960, 2018))
    head, header, footer, more = _mark(n, english, host) if english else ("", "", "", {})
    about = "会社概要" if lang == "ja" else "关于我们"
    body = (
        f'<header><div class="logo">{header}<span>{_e(native)}</span></div>'
        f'<nav><a href="/">{"ホーム" if lang == "ja" else "首页"}</a> <a href="/about">{about}</a>'
        f"</nav></header><main><p>{_e(description)}</p></main>"
        f"<footer>{_e(CITY_IN[city])} {_e(footer or '© 2025 ' + native)}</footer>"
    )
    title = native if n % 2 else f"{native}{'｜ホーム' if lang == 'ja' else '-首页'}"
    pages = {"/": _page(lang, title, head, body), **more}
    return _publish(b, host, pages, title, description)


def cjk_logo_names(b: Builder) -> None:
    """Listed by an English name no reading gives; the site shows it in one mark only."""
    for n in range(8):
        lang, country = ("ja", JAPAN) if n % 2 == 0 else ("zh", CHINA)
        brands, trades = (JA_BRANDS, JA_TRADES) if lang == "ja" else (ZH_BRANDS, ZH_TRADES)
        brand, reading = brands[n][:2]
        trade, does = trades[n % 4][0], trades[n % 4][2]
        english = f"{reading} {ENGLISH[n % 4]}"
        native = f"株式会社{brand}{trade}" if lang == "ja" else f"{brand}{trade}有限公司"
        host = f"{slugify(reading)}-{('mw', 'eng', 'tr', 'inst')[n % 4]}.{country.tld}"
        city = country.cities[n % 4]
        built = _cjk_site(b, n, lang, native, city, does, host, english)
        linkedin = None
        if n % 3:
            linkedin = b.linkedin(english, slugify(english), b.industry(), city, country.name, host)
        row = english if n % 2 else f"{english} Co., Ltd."
        b.add("cjk_logo_name", row, country.name, city, host, built, linkedin,
              note=f"site says {native}; the English name only in a mark ({n % 7})")  # fmt: skip


def romanised_cjk(b: Builder) -> None:
    """Sites written only in Japanese or Chinese, listed by a romanised name."""
    for n in range(8):
        lang, country = ("ja", JAPAN) if n % 2 == 0 else ("zh", CHINA)
        if lang == "ja":
            brand, reading = JA_BRANDS[7 - n]
            trade, spellings, does = JA_TRADES[(n // 2) % 4]
            native = ("株式会社{}", "{}株式会社", "(株){}")[n % 3].format(brand + trade)
            latin = f"{reading} {spellings[(n // 2) % 3]}"
            plain = f"{reading} {spellings[0]}"
        else:
            brand, reading, syllables = ZH_BRANDS[7 - n]
            trade, english, does = ZH_TRADES[(n // 2) % 4]
            native = (f"{brand}{trade}有限公司", f"{brand}{trade}集团有限公司")[(n // 2) % 2]
            latin = f"{syllables if n % 4 == 1 else reading} {english}"
            plain = f"{reading} {english}"
        host = f"{slugify(plain).replace('-', '')}.{country.tld}"
        city = country.cities[(n + 2) % 4]
        built = _cjk_site(b, n, lang, native, city, does, host)
        linkedin = b.linkedin(latin, slugify(latin), b.industry(), city, country.name, host)
        row = latin if n % 3 else f"{latin} Co., Ltd."
        b.add("romanised_cjk", row, country.name, city, host, built, linkedin,
              note=f"site says only {native}")  # fmt: skip


def kazakh_latin(b: Builder) -> None:
    """Kazakh sites in Cyrillic with Kazakh letters, listed by a Latin name: the 2021
    alphabet (`Saryarqa`), informal (`Saryarka`), or informal with a legal form."""
    for n in range(6):
        brand, official, informal = KK_BRANDS[n]
        trade, trade_official, trade_informal, does = KK_TRADES[n % 3]
        native = f"{brand} {trade}"
        city = KAZAKHSTAN.cities[n % 4]
        host = f"{slugify(informal)}{'' if n % 3 == 0 else slugify(trade_informal)}.kz"
        description = _describe("kk", native, CITY_IN[city], does, b.rng.randint(1995, 2020))
        body = (
            f"<header><h1>{_e(native)}</h1></header><main><p>{_e(description)}</p></main>"
            f"<footer>{_e(CITY_IN[city])}, Қазақстан · {KAZAKHSTAN.phone} 727 {3100 + n}</footer>"
        )
        title = f"{native} | Басты бет" if n % 2 else native
        built = _publish(b, host, {"/": _page("kk", title, "", body)}, title, description)
        row = (f"{official} {trade_official}", f"{informal} {trade_informal}",
               f"{informal} {trade_informal} LLP")[n % 3]  # fmt: skip
        latin = f"{informal} {trade_informal}"
        linkedin = b.linkedin(latin, slugify(latin), b.industry(), city, KAZAKHSTAN.name, host)
        b.add("kazakh_latin", row, KAZAKHSTAN.name, city, host, built, linkedin,
              note=f"site says {native}")  # fmt: skip


def rebrand_redirects(b: Builder) -> None:
    """Renamed companies whose new site does not name the old one: only the old domain's
    redirect links them, which is a relation for a person to confirm, not proof."""
    for _ in range(5):
        industry, country = b.industry(), b.country()
        old, new = b.name(industry), b.name(industry)
        city = b.rng.choice(country.cities)
        old_domain, new_domain = b.domain(old, country), b.domain(new, country)
        linkedin = b.linkedin(new, slugify(new), industry, city, country.name, new_domain)
        info = b.info(new, industry, city, country, new_domain)
        built = b.site(new_domain, b.rng.choice(("jsonld", "opengraph", "meta")), info)
        b.redirect(old_domain, f"https://{new_domain}")
        b.add("rebrand_redirect", old, country.name, city, old_domain, built, linkedin,
              note=f"renamed to {new}; only the redirect links them")  # fmt: skip
