"""Held-out companies whose difficulty is their site: how it presents itself (ten
templates in five languages), how it is reached (redirects, deep links), whether it
answers (down, gone, slow) and how it is encoded."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.heldout.make import Maker, slug
from bench.accuracy_web.heldout.names import latin
from bench.accuracy_web.heldout.places import (
    AR,
    AT,
    AU,
    BE,
    CA,
    CH,
    DE,
    ES,
    FR,
    GB,
    IE,
    KZ,
    LATIN_CITIES,
    MX,
    RU,
    US,
    Place,
)
from bench.accuracy_web.heldout.templates import TEMPLATES
from bench.accuracy_web.model import Site

PLACES: dict[str, tuple[Place, ...]] = {
    "en": (GB, US, IE, CA, AU),
    "de": (DE, AT, CH),
    "fr": (FR, BE),
    "es": (ES, MX, AR),
    "ru": (RU, KZ),
}
LANGS = ("en", "de", "fr", "es", "ru")
SUFFIX = {"en": "Ltd", "de": "GmbH", "fr": "SARL", "es": "S.L.", "ru": ""}
# What a careless list writes in its country column now and then.
GARBAGE_COUNTRIES = ("n/a", "Deutschland", "EU", "???", "123")
# Specific schema.org business types, as site builders and SEO plugins write them.
SCHEMA_TYPES = (
    "ProfessionalService",
    "HomeAndConstructionBusiness",
    "LocalBusiness",
    "Store",
    "AutoRepair",
    "Organization",
    "FoodEstablishment",
)
# The English versions of the trades multi-language sites translate.
ENGLISH_TRADES = {
    "Gartenbau": "Landscaping",
    "Zahntechnik": "Dental Laboratory",
    "Feinmechanik": "Precision Engineering",
    "Haustechnik": "Building Services",
    "Druckerei": "Printing",
    "Logistik": "Logistics",
    "Menuiserie": "Joinery",
    "Conseil": "Consulting",
    "Imprimerie": "Printing",
    "Transports": "Transport",
    "Paysage": "Landscaping",
    "Électricité": "Electrical",
    "Construcciones": "Construction",
    "Consultores": "Consultants",
    "Alimentación": "Foods",
    "Ingeniería": "Engineering",
    "Textil": "Textiles",
    "Mudanzas": "Removals",
}
INDUSTRY = {
    "en": "Construction",
    "de": "Maschinenbau",
    "fr": "Services",
    "es": "Construcción",
    "ru": "Retail",
}


def host_for(name: str, place: Place, n: int) -> str:
    label = slug(latin(name))
    short = label.split("-")[0]
    return (
        f"{label}.{place.tld}",
        f"{short}-{place.iso.lower()}.com",
        f"www.{label.replace('-', '')}.{place.tld}",
    )[n % 3]


def presented(m: Maker, n: int, lang: str, template: str, cls: str, **site: object) -> None:
    """One company on a site in `template`; its LinkedIn page linked (most), only
    findable by search (some), or none."""
    place = PLACES[lang][n % len(PLACES[lang])]
    trade, does = m.trade(lang, n)
    name = m.fresh(lang, n, trade)
    host = host_for(name, place, n)
    city = m.rng.choice(place.cities)
    kind = n % 4  # 0, 1: linked; 2: search only; 3: none
    linkedin = None
    if kind < 3:
        linkedin = m.linkedin(
            slug(latin(name)) + ("" if n % 2 else "-" + place.iso.lower()),
            latin(name) if lang == "ru" else name,
            INDUSTRY[lang],
            LATIN_CITIES.get(city, city),
            place.row,
            tagline=does.capitalize(),
        )
    schema = SCHEMA_TYPES[n % len(SCHEMA_TYPES)]
    firm = m.firm(
        name,
        place,
        host,
        does,
        city=city,
        linkedin=linkedin if kind < 2 else None,
        schema_type=schema,
    )
    built = m.site(host, template, firm, **site)  # type: ignore[arg-type]
    if host.startswith("www."):  # its bare domain sends visitors to the www. host
        m.web.add_site(Site(host.removeprefix("www."), redirect_to=f"https://{host}"))
    m.listings(name, city, place.row)
    row_name = f"{name} {SUFFIX[lang]}".strip() if n % 3 == 0 else name
    if lang == "ru" and n % 3 == 0:
        row_name = f"ООО «{name}»"
    country = place.row if n % 7 != 5 else GARBAGE_COUNTRIES[n % len(GARBAGE_COUNTRIES)]
    given = f"https://{host}/" if n % 2 else host.removeprefix("www.")
    homepage = f"https://{host}/"
    m.label(
        cls,
        row_name,
        country,
        city,
        given,
        built,
        linkedin,
        homepage=homepage,
        note=f"{template} in {lang}",
    )


def presentation(m: Maker) -> None:
    first_ten = list(TEMPLATES)[:10]
    for n in range(33):
        template = first_ten[n % len(first_ten)]
        lang = LANGS[(n // 2) % len(LANGS)]
        if template == "multilingual":
            continue  # multi-language sites are built below, with their versions
        presented(m, n, lang, template, template)
    for n in range(3):
        multilingual_site(m, 40 + n)
    for n in range(6):
        template = ("about_elsewhere", "meta_description_only")[n % 2]
        presented(m, 50 + n, LANGS[(n + 2) % len(LANGS)], template, template)


def multilingual_site(m: Maker, n: int) -> None:
    """A site in two or three languages; the list may use any version's name."""
    lang = ("de", "fr", "es")[n % 3]
    place = PLACES[lang][0]
    trade, does = m.trade(lang, n)
    name = m.fresh(lang, n + 5, trade)
    brand = name.removesuffix(f" {trade}")
    host = f"{slug(brand)}.{place.tld}"
    en_trade = ENGLISH_TRADES[trade]
    en_name = f"{brand} {en_trade}"
    en_text = (
        f"{en_name} is the English site of {name}, serving international customers "
        f"from {place.cities[0]}."
    )
    versions = {lang: ("/", name, ""), "en": ("/en/", en_name, en_text)}
    linkedin = m.linkedin(slug(en_name), en_name, INDUSTRY["en"], place.cities[0], place.row)
    firm = m.firm(name, place, host, does, city=place.cities[0], linkedin=linkedin)
    firm = replace(
        firm,
        versions={k: v for k, v in versions.items() if k != lang}
        | {lang: ("/", name, firm.description)},
    )
    built = m.site(host, "multilingual", firm)
    row_name = en_name if n % 2 else name  # the English version's name in the list
    m.label(
        "multilingual",
        row_name,
        place.row,
        place.cities[0],
        host,
        built,
        linkedin,
        note=f"hreflang site, {lang} and en",
    )


def redirects(m: Maker) -> None:
    for n in range(6):
        lang = LANGS[n % 5]
        place = PLACES[lang][0]
        trade, does = m.trade(lang, n + 2)
        name = m.fresh(lang, n + 8, trade)
        label = slug(latin(name))
        apex, www = f"{label}.{place.tld}", f"www.{label}.{place.tld}"
        linkedin = m.linkedin(f"{label}-official", latin(name), INDUSTRY[lang], "", place.row)
        firm = m.firm(name, place, www, does, linkedin=linkedin)
        built = m.site(www, ("og_twitter", "microdata", "one_pager")[n % 3], firm)
        m.web.add_site(Site(apex, redirect_to=f"https://{www}"))
        given = (
            f"http://{apex}",
            f"https://{apex}/?utm_source=newsletter&utm_medium=email",
            f"{www}/kontakt",
            f"https://{www}/impressum#top",
            f"{apex}/index.php?lang=de",
            f"https://{apex}/{slug(trade)}/",
        )[n]
        m.label(
            "redirect_deep",
            name,
            place.row,
            firm.city,
            given,
            built,
            linkedin,
            note=f"given {given}, site on {www}",
        )


def availability(m: Maker) -> None:
    for n in range(7):
        lang = LANGS[(n + 1) % 5]
        place = PLACES[lang][0]
        trade, does = m.trade(lang, n + 4)
        name = m.fresh(lang, n + 11, trade)
        host = f"{slug(latin(name)).replace('-', '')}.{place.tld}"
        city = place.cities[n % 3]
        linkedin = m.linkedin(
            slug(latin(name)),
            latin(name),
            INDUSTRY[lang],
            LATIN_CITIES.get(city, city),
            place.row,
            website=host,
        )
        firm = m.firm(name, place, host, does, city=city, linkedin=linkedin)
        if n < 3:  # down: 503 or 502
            m.site(host, "microdata", firm, status=(503, 502, 503)[n], index=False)
            m.label(
                "down",
                name,
                place.row,
                city,
                host,
                None,
                linkedin,
                website=host,
                note="site answers 5xx",
            )
        elif n < 5:  # gone: the name no longer resolves
            m.web.add_site(Site(host, dead="dns"))
            m.label(
                "gone",
                name,
                place.row,
                city,
                host,
                None,
                linkedin,
                website=host,
                note="domain no longer resolves",
            )
        else:  # slow but alive
            built = m.site(host, "cookie_wall", firm, delay=2.0)
            m.label("slow", name, place.row, city, host, built, linkedin, note="2 s answers")


def encodings(m: Maker) -> None:
    cases = (
        ("ru", "windows-1251", True),
        ("ru", "koi8-r", False),
        ("de", "iso-8859-15", False),
        ("fr", "windows-1252", True),
    )
    for n, (lang, encoding, in_header) in enumerate(cases):
        place = PLACES[lang][0]
        trade, does = m.trade(lang, n + 1)
        name = m.fresh(lang, n + 13, trade)
        host = f"{slug(latin(name))}.{place.tld}"
        linkedin = m.linkedin(slug(latin(name)) + "-1", latin(name), INDUSTRY[lang], "", place.row)
        firm = m.firm(
            name, place, host, does, linkedin=linkedin, charset="" if in_header else encoding
        )
        built = m.site(host, "legacy_table", firm, encoding=encoding, charset_in_header=in_header)
        m.label(
            "legacy_encoding",
            name,
            place.row,
            firm.city,
            host,
            built,
            linkedin,
            note=f"{encoding}, charset {'in header' if in_header else 'in the page only'}",
        )
