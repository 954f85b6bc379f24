"""Unseen companies whose difficulty is telling them from others: landers in new styles
and real businesses that sell things, namesakes on LinkedIn (one in Verona, New Jersey,
for a company in Verona), same-name companies sharing a language, city twins, and names
written in another script than the site's."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.model import Doc, Page, Site
from bench.accuracy_web.unseen.classes_sites import new_name
from bench.accuracy_web.unseen.landers import LANDER_STYLES, MARKETS, lander, market_page
from bench.accuracy_web.unseen.make import Maker
from bench.accuracy_web.unseen.names import label
from bench.accuracy_web.unseen.places import (
    BR,
    BY_LANG,
    CH_IT,
    CN,
    IN,
    IT,
    JP,
    KZ,
    NZ,
    PL,
    PT,
    TR,
    TW,
    UA,
    ZA,
)

_LANG_PLACE = {"it": IT, "pt": BR, "pl": PL, "tr": TR, "uk": UA, "ja": JP, "zh": CN}


def parked(m: Maker) -> None:
    for host in MARKETS:
        m.web.add_site(Site(host, {"/": Page(market_page(host).encode())}))
    for n in range(LANDER_STYLES):
        markup, lang = lander(n, "x")
        place = _LANG_PLACE.get(lang, (ZA, IN, NZ)[n % 3])
        name = new_name(m, place.lang, n + 50, n)
        tail = label(name.plain).split("-")[-1]
        domain = f"{label(name.brand_latin)}{('', '-' + tail)[n % 2]}.{('com', place.tld)[n % 2]}"
        markup, _ = lander(n, domain)
        m.web.add_site(Site(domain, {"/": Page(markup.encode())}))
        m.web.docs.append(Doc(f"https://{domain}/", domain, "", f"{name.latin} {domain}", "parked"))
        linkedin = None
        if n % 3 == 0:
            linkedin = m.linkedin(
                label(name.plain),
                name.latin,
                name.industry,
                f"{place.cities[0]}, {place.row}",
                place.lang,
            )
        row = name.site if place.lang not in ("ja", "zh") else name.latin
        m.label(
            "parked",
            row,
            place,
            place.cities[0],
            domain,
            None,
            linkedin,
            industry=name.industry,
            note=f"lander style {n} ({lang})",
        )


def not_parked(m: Maker) -> None:
    """Real businesses whose pages say `in vendita`, `satılık`, `domeny`, `販売`."""
    cases = (
        (
            IT,
            "Immobiliare Roccamare",
            "Appartamenti e ville in vendita e in affitto a Verona "
            "e sul Lago di Garda: valutazione gratuita del tuo immobile.",
            "wordpress",
            "Verona",
        ),
        (
            TR,
            "Ilgaz Otomotiv",
            "Satılık ikinci el araçlar: ekspertiz raporlu 80'den fazla "
            "araç, uygun kredi seçenekleri ve takas imkânı İzmir'de.",
            "wix",
            "İzmir",
        ),
        (
            PL,
            "Modrzew Hosting",
            "Rejestracja domen, hosting i certyfikaty SSL dla firm — "
            "sprawdź, czy wybrana domena jest wolna, i kup ją w kilka minut.",
            "webflow",
            "Wrocław",
        ),
        (
            JP,
            "株式会社鳴海機械",
            "中古工作機械の販売・買取を行っております。旋盤やフライス盤など"
            "常時百台以上の在庫がございます。",
            "jp_profile",
            "浜松",
        ),
    )
    m.take("Roccamare", "Ilgaz", "Modrzew", "鳴海")
    hosts = (
        "immobiliareroccamare.it",
        "ilgazotomotiv.com.tr",
        "modrzew-hosting.pl",
        "narumi-kikai.co.jp",
    )
    for (place, name, text, template, city), host in zip(cases, hosts, strict=True):
        other = "Narumi Kikai Co., Ltd." if place is JP else ""
        firm = replace(m.firm(name, place, host, "", city=city, other_name=other), description=text)
        built = m.site(host, template, firm, title=f"{name} – {host}")
        m.label(
            "not_parked",
            name,
            place,
            city,
            host,
            built,
            None,
            note="sale or domain wording on a real business",
        )


def no_linkedin(m: Maker) -> None:
    """No LinkedIn page; a namesake has one, in a same-named city abroad (Verona, New
    Jersey; Porto Alegre; Nelson, British Columbia), in the diaspora, or a sibling brand."""
    cases = (
        (IT, "Verona", "Verona, New Jersey, United States", ""),
        (PT, "Porto", "Porto Alegre, Rio Grande do Sul, Brazil", ""),
        (NZ, "Nelson", "Nelson, British Columbia, Canada", ""),
        (TR, "Bursa", "Berlin, Germany", ""),
        (PL, "Gdańsk", "Gdańsk, Pomorskie, Poland", "-sa"),
        (UA, "Львів", "Lublin, Lubelskie, Poland", ""),
    )
    for n, (place, city, abroad, sibling) in enumerate(cases):
        name = new_name(m, place.lang, n + 60, n + 4)
        host = f"{label(name.plain)}.{place.tld}"
        firm = m.firm(name.site, place, host, name.does, city=city)
        built = m.site(
            host, ("wordpress", "squarespace", "weebly", "wix", "joomla", "tilda")[n], firm
        )
        shown = f"{name.latin} Group" if sibling else name.latin
        m.linkedin(label(name.plain) + sibling, shown, name.industry, abroad, place.lang)
        m.label(
            "no_linkedin",
            name.site,
            place,
            city,
            host,
            built,
            None,
            industry=name.industry,
            note=f"namesake page in {abroad}",
        )


def twins(m: Maker) -> None:
    """The same name in two countries sharing a language, and in two cities of one."""
    pairs = ((PT, BR), (IT, CH_IT), (CN, TW), (NZ, ZA))
    for n, (a, b) in enumerate(pairs):
        name = new_name(m, a.lang, n + 70, n)
        for k, place in enumerate((a, b)):
            city = place.cities[(n + k) % len(place.cities)]
            base = label(name.plain)
            host = f"{base}.{place.tld}" if k == 0 else f"{base}-{place.iso.lower()}.com"
            linkedin = m.linkedin(
                f"{base}-{label(place.row_city(city))}",
                name.latin,
                name.industry,
                f"{place.row_city(city)}, {place.row}",
                place.lang,
            )
            other = name.latin if place.lang == "zh" else ""
            firm = m.firm(
                name.site, place, host, name.does, city=city, linkedin=linkedin, other_name=other
            )
            built = m.site(
                host,
                ("wordpress", "wix", "cn_corporate", "squarespace")[n]
                if k == 0
                else ("joomla", "webflow", "cn_corporate", "weebly")[n],
                firm,
            )
            row = name.latin if place.lang == "zh" else name.site
            m.label(
                "twins",
                row,
                place,
                city,
                host,
                built,
                linkedin,
                industry=name.industry,
                note=f"same name in {a.row} and {b.row}",
            )
    for n, place in enumerate((IT, TR)):
        name = new_name(m, place.lang, n + 80, n + 2)
        for k, city in enumerate((place.cities[0], place.cities[2])):
            host = f"{label(name.plain)}{'' if k == 0 else '-' + label(city)}.{place.tld}"
            firm = m.firm(name.site, place, host, name.does, city=city)
            built = m.site(host, ("joomla", "wordpress")[k], firm)
            m.label(
                "city_twins",
                name.site,
                place,
                city,
                host,
                built,
                None,
                industry=name.industry,
                note=f"same name in {place.cities[0]} and {place.cities[2]}",
            )


def scripts(m: Maker) -> None:
    """Ukrainian and Kazakh names in Cyrillic on one side and Latin on the other; Japanese
    and Chinese sites that write only their own script, listed by the romanised name."""
    for n in range(8):
        place = (UA, UA, KZ, KZ, JP, CN, UA, KZ)[n]
        name = new_name(m, place.lang, n + 90, n + 1)
        base = label(name.plain)
        host = f"{base.replace('-', '')}.{place.tld}"
        city = place.cities[n % len(place.cities)]
        if place.lang in ("ja", "zh"):  # the site in its own script only
            firm = m.firm(name.site, place, host, name.does, city=city)
            built = m.site(host, ("jp_profile", "cn_corporate")[n - 4], firm)
            row = name.plain
        elif n % 2 == 0:  # the list in Cyrillic, the site in Latin letters (in English)
            en = BY_LANG["en"][0]
            firm = m.firm(
                name.latin,
                en,
                host,
                "wholesale supplies and regional delivery",
                city=place.row_city(city),
            )
            firm = replace(firm, country=place.row, phone=f"{place.phone} 44 {5550100 + n}")
            built = m.site(host, ("wordpress", "webflow", "wix", "squarespace")[n % 4], firm)
            row = name.site
        else:  # the list in Latin letters, the site in Cyrillic
            firm = m.firm(name.site, place, host, name.does, city=city)
            built = m.site(host, ("tilda", "bitrix", "wordpress")[n % 3], firm)
            row = name.latin
        m.label(
            "script",
            row,
            place,
            city,
            host,
            built,
            None,
            industry=name.industry,
            note=f"site says {firm.name}",
        )
