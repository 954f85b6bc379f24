"""Classes added after the fresh web's first run, written in the dev web's own words:
for-sale and expiry landers in more languages and redirect styles, sites that write the
company's name in Hebrew or Arabic (right to left, one in ISO-8859-8), JavaScript shells
that hand their state over in a script global, small sites whose whole description is one
short sentence, and namesakes of one city told apart only by the upload's industry column.
Built after every other class, so the keys before them keep their rows."""

from __future__ import annotations

import html
import json
from dataclasses import replace

from bench.accuracy_web.builder import Builder, BuiltSite, slugify
from bench.accuracy_web.model import Doc, Page, Site
from bench.accuracy_web.pages import visible_text
from bench.accuracy_web.vocab import COUNTRIES, Country, Industry

_BY_NAME = {country.name: country for country in COUNTRIES}
ISRAEL = Country("Israel", "IL", "co.il", ("Haifa", "Netanya", "Ashdod"), "+972")
EGYPT = Country("Egypt", "EG", "com.eg", ("Alexandria", "Giza"), "+20")


def _markup(title: str, body: str, *, lang: str = "en", head: str = "", rtl: bool = False) -> str:
    direction = ' dir="rtl"' if rtl else ""
    return (
        f'<!doctype html><html lang="{lang}"{direction}><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>{head}</head><body>{body}</body></html>"
    )


# Landers: (language, what the page says of `{d}`, the head's extra markup).
LANDERS: tuple[tuple[str, str, str], ...] = (
    ("da", "<h1>{d}</h1><p>Domænenavnet {d} kan købes. Send os dit bud.</p>", ""),
    ("fi", "<h1>{d}</h1><p>Verkkotunnus {d} on myynnissä – tee ostotarjous.</p>", ""),
    ("hu", "<h1>{d}</h1><p>A(z) {d} domain név eladó. Vételi ajánlatát várjuk.</p>", ""),
    ("ko", "<h1>{d}</h1><p>{d} 도메인을 구매하실 수 있습니다. 가격 제안을 보내 주세요.</p>", ""),
    ("vi", "<h1>{d}</h1><p>Tên miền {d} đang được chào bán, hãy gửi đề nghị mua.</p>", ""),
    (
        "de",
        "<h1>{d}</h1><p>Die Registrierung von {d} ist abgelaufen. Verlängern Sie jetzt.</p>",
        "",
    ),
    (
        "en",
        "<p>One moment…</p>",
        '<meta http-equiv="refresh" content="2;url=https://www.namesbazaar-domains.com/buy/{d}">',
    ),
    ("en", "<script>window.location.assign('https://offers.parkedname.net/?n={d}')</script>", ""),
)


def landers(b: Builder) -> None:
    for n, (lang, body, head) in enumerate(LANDERS):
        industry, country = b.industry(), b.country()
        name, city = b.name(industry), b.rng.choice(country.cities)
        domain = b.domain(name, country)
        markup = _markup(domain, body.format(d=domain), lang=lang, head=head.format(d=domain))
        b.web.add_site(Site(domain, {"/": Page(markup.encode())}))
        b.web.docs.append(Doc(f"https://{domain}/", domain, "", f"{domain} {markup}", "parked"))
        b.add("parked", name, country.name, city, domain, None, None, note=f"{lang} lander {n}")


def _own_site(
    b: Builder, host: str, markup: str, title: str, grounding: str, *, encoding: str = "utf-8"
) -> BuiltSite:
    header = "text/html" if encoding != "utf-8" else "text/html; charset=utf-8"
    body = markup.replace('<meta charset="utf-8">', f'<meta charset="{encoding}">')
    b.web.add_site(
        Site(host, {"/": Page(body.encode(encoding, errors="xmlcharrefreplace"), header)})
    )
    text = f"{visible_text(markup)} {grounding}"
    b.web.docs.append(
        Doc(f"https://{host}/", title, grounding, f"{title} {grounding} {text} {host}", "site")
    )
    return BuiltSite(f"https://{host}/", grounding, text)


# (name, host label, city index, what it does), each site's one sentence about itself.
HEBREW = (
    ("אלון הנדסה", "alon-handasa", 0, "פועלת מאז 1998 בחיפה ומתכננת מערכות מיזוג אוויר למבנים."),
    ("תמר מאפים", "tamar-maafim", 1, "אופה מאז 2004 בנתניה לחמים ועוגות לבתי קפה ולמסעדות."),
    ("נחל לוגיסטיקה", "nahal-logistika", 2, "מפעילה מאז 2011 באשדוד מחסנים והפצה לחנויות מזון."),
    ("ברוש ריהוט", "brosh-rihut", 0, "מייצרת מאז 1989 בחיפה רהיטי עץ מלא למשרדים ולבתים."),
)
ARABIC = (
    (
        "النيل للتجارة",
        "alnil-trading",
        0,
        "تعمل منذ 1996 في الإسكندرية في استيراد قطع غيار السيارات.",
    ),
)


def right_to_left(b: Builder) -> None:
    for n, (name, label, city_at, does) in enumerate(HEBREW + ARABIC):
        country = ISRAEL if n < len(HEBREW) else EGYPT
        lang = "he" if country is ISRAEL else "ar"
        city = country.cities[city_at]
        host = f"{label}.{country.tld}"
        sentence = f"\u200f{name}\u200f {does}" if n % 2 else f"{name} {does}"
        body = (
            f"<header><nav><a href='/'>{html.escape(name)}</a></nav></header><main>"
            f"<h1>{html.escape(name)}</h1><p>{html.escape(sentence)}</p></main>"
            f"<footer><p>{country.phone} 4 {n}81 22{n}</p></footer>"
        )
        markup = _markup(name, body, lang=lang, rtl=True)
        encoding = "iso-8859-8" if n == 1 else "utf-8"
        # The label is the sentence as the page writes it, marks and all; the text a
        # description is checked against also holds it as read without them.
        built = _own_site(b, host, markup, name, sentence, encoding=encoding)
        built = replace(built, text=f"{built.text} {name} {does}")
        b.add(
            "right_to_left",
            name,
            country.name,
            city,
            f"https://{host}",
            built,
            None,
            note=f"{lang}, {encoding}",
        )


def _remix(name: str, summary: str) -> str:
    state = {"state": {"loaderData": {"root": {"site": {"name": name, "summary": summary}}}}}
    script = f"window.__remixContext = {json.dumps(state, ensure_ascii=False)};"
    return _markup(name, f'<div id="root"></div><script>{script}</script>')


def shells_and_short_pages(b: Builder) -> None:
    for n in range(10):
        industry, country = b.industry(), b.country()
        name, city = b.name(industry), b.rng.choice(country.cities)
        host = b.domain(name, country)
        product = b.rng.choice(industry.product)
        if n < 5:  # a Remix app's shell: its text is in the state it hands the app
            summary = f"Since {1980 + 7 * n}, {name} has made {product} for clients in {city}."
            markup, cls = _remix(name, summary), "app_state"
        else:  # a one-sentence page, shorter than a paragraph is expected to be
            summary = f"{name} offers {product} to clients in {city}."
            if len(summary) < 64:
                summary = summary.replace(" to clients", " to clients in and around", 1)
            phone = f"{city} · {country.phone} 40 1{n}"
            body = f"<main><h2>About</h2><p>{html.escape(summary)}</p><p>{phone}</p></main>"
            markup, cls = _markup(name, body), "short_page"
        built = _own_site(b, host, markup, name, summary)
        b.add(cls, name, country.name, city, host, built, None, note=cls)


# (brand, country, city index, (industry label, trade word, what it does) twice).
TWINS = (
    (
        "Nordhavn",
        "Sweden",
        1,
        (
            ("Accounting", "redovisning och löner för småföretag"),
            ("Furniture", "möbler och snickerier på beställning"),
        ),
    ),
    (
        "Bluewater",
        "Ireland",
        2,
        (
            ("Plumbing", "plumbing and heating repairs for homes"),
            ("Software Development", "software for logistics firms"),
        ),
    ),
    (
        "Ashgrove",
        "Canada",
        0,
        (
            ("Construction", "builds house extensions and renovations"),
            ("Food Production", "granola and oat snacks for grocers"),
        ),
    ),
)


def industry_twins(b: Builder) -> None:
    for brand, land, city_at, sides in TWINS:
        country = _BY_NAME[land]
        city = country.cities[city_at]
        name = f"{brand} & Partners"
        for k, (label, does) in enumerate(sides):
            host = f"{slugify(brand)}-partners{'-' + slugify(label) if k else ''}.{country.tld}"
            sentence = f"{name} in {city}: {does}, since {1990 + 5 * k}."
            where = f"{city}, {country.name}."
            body = f"<main><h1>{name}</h1><p>{html.escape(sentence)} {where}</p></main>"
            built = _own_site(b, host, _markup(name, body), f"{name} – {city}", sentence)
            industry = Industry(label.split()[0], label, (does,), ("clients",))
            slug = f"{slugify(name)}{'-' + slugify(label) if k else ''}"
            linkedin = b.linkedin(name, slug, industry, city, country.name, host)
            company = b.add(
                "industry_twins",
                name,
                country.name,
                city,
                host,
                built,
                linkedin,
                note=f"namesake in {city} does {sides[1 - k][0]}",
            )
            b.web.companies[-1] = replace(company, industry=label)


def more_classes(b: Builder) -> None:
    for make in (landers, right_to_left, shells_and_short_pages, industry_twins):
        make(b)
