"""Classes of the fresh web about who a company is: for-sale and parked domains, pages
that sell things without being for sale, companies without a LinkedIn page beside
namesakes that have one, same-name companies told apart by the row's columns, and names
in scripts other than Latin."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.builder import slugify
from bench.accuracy_web.fresh.build import Maker
from bench.accuracy_web.fresh.cases import SELLERS, TWINS
from bench.accuracy_web.fresh.landers import (
    LANDER_STYLES,
    MARKET,
    PARKING,
    lander,
    market_page,
    parking_page,
)
from bench.accuracy_web.fresh.lands import (
    AE,
    BG,
    CA,
    CZ,
    EG,
    GR,
    IE,
    IL,
    IN,
    KR,
    MX,
    NL,
    RS,
    SE,
    TH,
    Land,
)
from bench.accuracy_web.fresh.words import Name
from bench.accuracy_web.model import Doc, Page, Site

_LANDER_LAND = {
    "nl": NL,
    "sv": SE,
    "cs": CZ,
    "el": GR,
    "es": MX,
    "he": IL,
    "ar": EG,
    "bg": BG,
    "th": TH,
}
_LATIN = (CA, IE, NL, SE, CZ, MX)


def parked(m: Maker) -> None:
    m.web.add_site(Site(MARKET, {}))
    m.web.add_site(Site(PARKING, {"/": Page(parking_page().encode())}))
    for n in range(LANDER_STYLES):
        _, lang = lander(n, "x")
        land = _LANDER_LAND.get(lang) or _LATIN[n % len(_LATIN)]
        # Sale notices in scripts other than Latin stand on Latin-named companies' domains.
        word = land if land.lang in ("nl", "sv", "cs", "es", "en") else _LATIN[n % len(_LATIN)]
        name = m.name(word.lang)
        domain = m.host(name, land, dashed=n % 2 == 0)
        markup, _ = lander(n, domain)
        m.web.add_site(Site(domain, {"/": Page(markup.encode())}))
        m.web.sites[MARKET].pages[f"/listing/{domain}"] = Page(market_page(domain).encode())
        m.web.docs.append(Doc(f"https://{domain}/", domain, "", f"{name.latin} {domain}", "parked"))
        linkedin = None
        if n % 3 == 1:
            linkedin = m.linkedin(
                slugify(name.latin), name.latin, name.industry, land.row_city(land.cities[1]), land
            )
        m.label(
            "parked",
            name.own,
            land,
            land.cities[1],
            domain,
            None,
            linkedin,
            industry=name.industry,
            note=f"lander style {n} ({lang})",
        )


def not_parked(m: Maker) -> None:
    for n, (land, own, industry, text, template) in enumerate(SELLERS):
        name = Name(m.claim(own), own, industry, "")
        host = m.host(name, land, dashed=False)
        city = land.cities[n % 3]
        linkedin = m.linkedin(slugify(own), own, industry, land.row_city(city), land, website=host)
        firm = m.firm(name, land, host, city=city, linkedin=linkedin)
        firm = replace(firm, description=text)
        built = m.site(host, template, firm)
        m.label(
            "not_parked",
            own,
            land,
            city,
            host,
            built,
            linkedin,
            industry=industry,
            note="says for sale",
        )


def no_linkedin(m: Maker) -> None:
    """No page of its own; a namesake abroad has one, and half also have a sibling brand's."""
    abroad = (IE, CA, MX, NL, SE, CZ, CA, IE, NL, MX)
    home = (CA, IE, NL, SE, CZ, MX, NL, CZ, SE, CA)
    for n in range(10):
        land, other = home[n], abroad[n]
        name = m.name(land.lang)
        host = m.host(name, land)
        city = land.cities[n % 3]
        firm = m.firm(name, land, host, city=city)
        built = m.site(host, ("hugo", "duda", "ghost", "google_sites", "carrd")[n % 5], firm)
        m.linkedin(
            slugify(name.latin), name.latin, name.industry, other.row_city(other.cities[0]), other
        )
        if n % 2:
            sibling = f"{name.latin} Group"
            m.linkedin(
                slugify(sibling),
                sibling,
                name.industry,
                land.row_city(land.cities[(n + 1) % 3]),
                land,
            )
        m.label(
            "no_linkedin",
            name.own,
            land,
            city,
            f"https://{host}/",
            built,
            None,
            industry=name.industry,
            note=f"namesake page in {other.row}" + (", sibling group page" if n % 2 else ""),
        )


def twins(m: Maker) -> None:
    for n, (own, *sides) in enumerate(TWINS):
        m.claim(own)
        for k, (land, city_at, industry, does) in enumerate(sides):
            name = Name(own, own, industry, does)
            city = land.cities[city_at]
            base = slugify(own).replace("-", "")
            same_land = sides[0][0] is sides[1][0]
            same_city = same_land and sides[0][1] == sides[1][1]
            tail = slugify(industry) if same_city else slugify(land.row_city(city))
            host = f"{slugify(own)}-{tail}.{land.tld}" if k and same_land else f"{base}.{land.tld}"
            slug = f"{slugify(own)}-{tail}" if k else slugify(own)
            linkedin = m.linkedin(slug, own, industry, land.row_city(city), land, website=host)
            firm = m.firm(name, land, host, city=city, linkedin=linkedin if (n + k) % 2 else None)
            built = m.site(host, ("framer", "drupal", "hubspot", "ghost")[(n + k) % 4], firm)
            m.label(
                "twins",
                own,
                land,
                city,
                host if n % 2 else f"https://{host}/",
                built,
                linkedin,
                industry=industry,
                note=f"namesake in {sides[1 - k][0].row}, {sides[1 - k][2]}",
            )


SCRIPT_LANDS: tuple[tuple[Land, int], ...] = (
    (IL, 3),
    (GR, 2),
    (EG, 2),
    (AE, 1),
    (TH, 3),
    (KR, 2),
    (BG, 1),
    (RS, 3),
    (IN, 3),
)


def scripts(m: Maker) -> None:
    """The row writes the name in the site's script, or in Latin letters, or the site writes
    a Latin brand and the row the company's own script."""
    n = 0
    for land, count in SCRIPT_LANDS:
        for _ in range(count):
            name = m.name(land.lang)
            host = m.host(name, land)
            city = land.cities[n % 3]
            mode = ("own", "latin", "latin_site")[n % 3]
            shown = (
                Name(name.latin, name.latin, name.industry, name.does)
                if mode == "latin_site"
                else name
            )
            linkedin = m.linkedin(
                slugify(name.latin), name.latin, name.industry, land.row_city(city), land
            )
            firm = m.firm(
                shown,
                land,
                host,
                city=city,
                linkedin=linkedin if n % 2 else None,
                other_name=name.own if mode == "latin_site" else "",
            )
            built = m.site(host, ("framer", "about_only", "hugo", "duda", "og_only")[n % 5], firm)
            row = name.latin if mode == "latin" else name.own
            m.label(
                "script_" + mode,
                row,
                land,
                city,
                f"https://{host}",
                built,
                linkedin,
                industry=name.industry,
                note=f"row {mode}, site writes {'Latin' if mode == 'latin_site' else 'own script'}",
            )
            n += 1
