"""Held-out companies whose difficulty is telling them from others: parked domains in new
styles and ordinary sites that look like them, namesakes on LinkedIn (also in a city of
the same name abroad), same-name companies, other scripts, translated names."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.heldout.classes_sites import INDUSTRY, PLACES
from bench.accuracy_web.heldout.landers import BROKERS, LANDER_STYLES, broker_page, lander
from bench.accuracy_web.heldout.make import Maker, slug
from bench.accuracy_web.heldout.names import latin
from bench.accuracy_web.heldout.places import (
    AT,
    BE,
    CA,
    CH,
    DE,
    ES,
    FR,
    GB,
    IE,
    KZ,
    MX,
    RU,
    US,
)
from bench.accuracy_web.model import Doc, Page, Site


def parked(m: Maker) -> None:
    for host in BROKERS:
        m.web.add_site(Site(host, {"/": Page(broker_page(host).encode())}))
    for n in range(LANDER_STYLES):
        lang = ("en", "de", "fr", "es", "ru")[n % 5]
        place = PLACES[lang][0]
        trade, _ = m.trade(lang, n + 3)
        name = m.fresh(lang, n + 2, trade)
        domain = f"{slug(latin(name))}-{n}.{('com', place.tld)[n % 2]}"
        markup = lander(n, domain)
        m.web.add_site(Site(domain, {"/": Page(markup.encode())}))
        m.web.docs.append(
            Doc(f"https://{domain}/", domain, "", f"{name} {domain} {markup}", "parked")
        )
        linkedin = None
        if n % 2:
            linkedin = m.linkedin(
                f"{slug(latin(name))}-{place.iso.lower()}",
                latin(name),
                INDUSTRY[lang],
                place.cities[0],
                place.row,
            )
        m.label(
            "parked",
            name,
            place.row,
            place.cities[0],
            domain,
            None,
            linkedin,
            note=f"lander style {n}",
        )


def not_parked(m: Maker) -> None:
    """Real businesses whose pages talk of sales, domains or launches."""
    cases = (
        (
            "Registry Brokers",
            "Harbourline Domains",
            "We are a domain name brokerage: we help businesses buy premium domains, "
            "run escrow for both sides and value portfolios for investors across Europe.",
        ),
        (
            "Autohaus",
            "Autohaus Kiefer",
            "Gebrauchtwagen zu verkaufen: über 120 geprüfte Fahrzeuge, Finanzierung "
            "ab 99 Euro im Monat und Inzahlungnahme Ihres alten Wagens in Kassel.",
        ),
        (
            "Inmobiliaria",
            "Inmobiliaria Castellar",
            "Pisos y locales en venta y en alquiler en Zaragoza. Tasación gratuita y "
            "acompañamiento completo en la compraventa de su vivienda.",
        ),
        (
            "Bakery",
            "Wrenfield Bakery",
            "Sourdough, pastries and celebration cakes baked every morning in Bristol. "
            "Our new online shop opens soon; until then, order by phone.",
        ),
    )
    places = ((GB, "Leeds"), (DE, "Kassel"), (ES, "Zaragoza"), (GB, "Bristol"))
    for n, ((_, name, text), (place, city)) in enumerate(zip(cases, places, strict=True)):
        host = f"{slug(name)}.{place.tld}"
        firm = replace(m.firm(name, place, host, "", city=city), description=text)
        template = ("footer_address", "one_pager", "og_twitter", "cookie_wall")[n]
        built = m.site(host, template, firm, title=f"{name} | {host}")
        m.label(
            "not_parked",
            name,
            place.row,
            firm.city,
            host,
            built,
            None,
            note="sale or domain wording on a real business",
        )


def no_linkedin(m: Maker) -> None:
    """No LinkedIn page; a namesake or a sibling brand has one. Two namesakes sit in a city
    of the same name in another country (Cambridge, London)."""
    homes = (GB, GB, CA, DE, FR, ES, AT, MX)
    for n, place in enumerate(homes):
        lang = place.lang
        trade, does = m.trade(lang, n + 5)
        name = m.fresh(lang, n + 9, trade)
        city = {0: "Cambridge", 2: "London"}.get(n, place.cities[n % 3])
        host = f"{slug(name)}.{place.tld}"
        firm = m.firm(name, place, host, does, city=city)
        built = m.site(
            host, ("microdata", "jsonld_graph", "footer_address", "og_twitter")[n % 4], firm
        )
        if n in (0, 2):  # the same city name, another country
            abroad = {0: "Cambridge, Massachusetts", 2: "London, England, United Kingdom"}[n]
            m.linkedin(
                slug(name),
                name,
                INDUSTRY[lang],
                abroad.split(",")[0],
                abroad.split(", ", 1)[1],
                tagline=does.capitalize(),
            )
        elif n % 2:
            other = (US, FR, DE, IE)[n % 4]
            m.linkedin(
                slug(name),
                name,
                INDUSTRY[lang],
                other.cities[1],
                other.row,
                tagline=does.capitalize(),
            )
        else:
            m.linkedin(
                f"{slug(name)}-holding", f"{name} Holding", INDUSTRY[lang], "", (US, CH)[n % 2].row
            )
        m.label(
            "no_linkedin", name, place.row, city, host, built, None, note="a namesake has a page"
        )


def twins(m: Maker) -> None:
    """The same name in two countries; some pairs share a language (Germany and Austria)."""
    pairs = ((DE, AT), (FR, BE), (ES, MX), (GB, IE), (DE, CH), (US, CA), (RU, KZ), (FR, CA))
    for n, (a, b) in enumerate(pairs):
        lang = a.lang
        trade, _ = m.trade(lang, n)
        name = m.fresh(lang, n + 4, trade)
        for k, place in enumerate((a, b)):
            _, does = m.trade(lang, n + k)
            city = place.cities[(n + k) % 3]
            tld = place.tld if (n + k) % 3 else "com"
            host = f"{slug(latin(name))}{'-' + place.iso.lower() if tld == 'com' else ''}.{tld}"
            linkedin = m.linkedin(
                f"{slug(latin(name))}-{slug(latin(city))}",
                latin(name) if lang == "ru" else name,
                INDUSTRY[lang],
                city,
                place.row,
            )
            firm = m.firm(name, place, host, does, city=city, lang=lang, linkedin=linkedin)
            built = m.site(
                host,
                ("jsonld_graph", "microdata", "footer_address", "og_twitter")[(n + k) % 4],
                firm,
            )
            m.label(
                "twins",
                name,
                place.row,
                city,
                host,
                built,
                linkedin,
                note=f"same name in {a.row} and {b.row}",
            )
    for n, place in enumerate((DE, FR)):
        trade, does = m.trade(place.lang, n + 2)
        name = m.fresh(place.lang, n + 12, trade)
        for k, city in enumerate(place.cities[:2]):
            host = f"{slug(name)}{'' if k == 0 else '-' + slug(city)}.{place.tld}"
            firm = m.firm(name, place, host, does, city=city)
            built = m.site(host, ("footer_address", "jsonld_graph")[k], firm)
            m.label(
                "city_twins",
                name,
                place.row,
                city,
                host,
                built,
                None,
                note=f"same name in {place.cities[0]} and {place.cities[1]}",
            )


def scripts(m: Maker) -> None:
    """Cyrillic in the list and Latin on the site, or the reverse, spelled informally."""
    for n in range(6):
        place = (RU, KZ)[n % 2]
        trade, does = m.trade("ru", n + 1)
        cyrillic = m.fresh("ru", n + 6, trade)
        romanised = latin(cyrillic)
        host = f"{slug(romanised).replace('-', '')}.{place.tld}"
        city = place.cities[n % 3]
        if n < 3:  # the list writes Cyrillic, the site Latin (in English)
            firm = m.firm(romanised, place, host, m.trade("en", n)[1], lang="en", city=city)
            firm = replace(firm, country=place.row)
            row = cyrillic
        else:  # the list writes Latin, the site Cyrillic
            firm = m.firm(cyrillic, place, host, does, city=city)
            row = romanised
        built = m.site(host, ("jsonld_graph", "footer_address", "microdata")[n % 3], firm)
        m.label("script", row, place.row, city, host, built, None, note=f"site says {firm.name}")


def translations(m: Maker) -> None:
    """Names that are translations, not transliterations: the site says both names
    (alternateName, a legal name, a version in the other language) or search results do."""
    cases = (
        ("Синяя Птица", "Blue Bird Logistics", "alternate"),
        ("Золотой Колос", "Golden Ear Bakery", "version"),
        ("Три Медведя", "Three Bears Toys", "legal"),
        ("Белый Парус", "White Sail Travel", "search"),
        ("Красный Октябрь Мебель", "Red October Furniture", "version"),
        ("Зелёная Долина", "Green Valley Farms", "none"),
    )
    for n, (ru_name, en_name, how) in enumerate(cases):
        place = (RU, KZ)[n % 2]
        host = f"{slug(en_name)}.com"
        city = place.cities[n % 3]
        firm = m.firm(en_name, place, host, m.trade("en", n)[1], lang="en", city=city)
        firm = replace(firm, country=place.row)
        snippet = None
        if how == "alternate":
            firm = replace(firm, alternate_names=(ru_name,))
        elif how == "legal":
            firm = replace(firm, legal_name=f"ООО «{ru_name}»")
        elif how == "version":
            text = f"«{ru_name}» — {m.trade('ru', n)[1]}. Офис в г. {city}."
            firm = replace(
                firm,
                versions={"ru": ("/ru/", ru_name, text), "en": ("/", en_name, firm.description)},
            )
        elif how == "search":
            snippet = f"{ru_name} ({en_name}) — {firm.description[:100]}"
        template = (
            "multilingual"
            if how == "version"
            else ("jsonld_graph" if how != "search" else "og_twitter")
        )
        built = m.site(host, template, firm, snippet=snippet)
        if how == "version":  # the Russian version is what a Russian search finds
            m.web.docs.append(
                Doc(f"https://{host}/ru/", f"{ru_name} — {city}", text, f"{ru_name} {text}", "site")
            )
        linkedin = (
            None
            if how == "none"
            else m.linkedin(slug(en_name), en_name, "Retail", latin(city), place.row, website=host)
        )
        # Nothing links the names in the last case: the right answer is no website.
        expected = None if how == "none" else built
        given = host if how in ("legal", "version") else ""
        m.label(
            "translation",
            ru_name,
            place.row,
            city,
            given,
            expected,
            linkedin,
            note=f"{ru_name} = {en_name} ({how})",
        )
