"""Classes about who a company is, for the webs drawn by land: parked domains for sale,
firms whose pages sell things (domain names included), companies without a LinkedIn page
beside a namesake abroad and a sibling brand at home, and same-name companies told apart by
country, town or trade. Each web gives its own countries, names, templates and
marketplaces in an `IdentityClasses`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from bench.accuracy_web.land import Land, Name
from bench.accuracy_web.land_maker import LandMaker
from bench.accuracy_web.model import Doc, Web

Side = tuple[Land, int, str, str]  # (land, town index, industry, what it does)


@dataclass(frozen=True)
class Parking:
    """A web's parked domains: their landers, and the marketplaces that sell them."""

    styles: int  # how many lander styles, one domain each
    lander: Callable[[int, str], tuple[str, str]]  # (style, domain) -> (markup, language)
    notice_lands: Mapping[str, Land]  # by the lander's language: the domain's country
    english_lands: tuple[Land, ...]  # in turn, for landers in English
    open_markets: Callable[[Web], None]  # the marketplace sites, before any domain
    serve: Callable[[Web, str, str], None]  # (web, domain, markup): its site and listings


@dataclass(frozen=True)
class IdentityClasses:
    parking: Parking
    # (land, name, industry, the site's text, template): real businesses that sell things
    sellers: tuple[tuple[Land, str, str, str, str], ...]
    no_linkedin: tuple[tuple[Land, Land], ...]  # (home, where a namesake has the page)
    no_linkedin_templates: tuple[str, ...]
    siblings: tuple[str, ...]  # what a sibling brand writes after the first word, in turn
    twins: tuple[tuple[str, Side, Side], ...]  # a name and the two companies that bear it
    twin_templates: tuple[str, ...]


def parked(m: LandMaker, c: IdentityClasses) -> None:
    p = c.parking
    p.open_markets(m.web)
    for n in range(p.styles):
        _, lang = p.lander(n, "x")
        land = p.notice_lands.get(lang) or p.english_lands[n % len(p.english_lands)]
        name = m.name(land)
        domain = m.host(name, land, dashed=n % 3 == 0)
        markup, _ = p.lander(n, domain)
        p.serve(m.web, domain, markup)
        if n % 2 == 0:
            m.www(domain)
        m.web.docs.append(Doc(f"https://{domain}/", domain, "", f"{name.latin} {domain}", "parked"))
        linkedin = None
        if n % 3 == 1:
            town = land.row_town(land.towns[2])
            linkedin = m.linkedin(m.source.slug(name.latin), name.latin, name.industry, town, land)
        m.label(
            "parked",
            name.own,
            land,
            land.towns[2],
            domain if n % 2 else f"http://www.{domain}/",
            None,
            linkedin,
            industry=name.industry,
            note=f"lander style {n} ({lang})",
        )


def not_parked(m: LandMaker, c: IdentityClasses) -> None:
    slug = m.source.slug
    for n, (land, own, industry, text, template) in enumerate(c.sellers):
        name = Name(m.claim(own), own, industry, "")
        host = m.host(name, land, dashed=False)
        town = land.towns[n % 3]
        linkedin = m.linkedin(slug(own), own, industry, land.row_town(town), land, host)
        firm = replace(m.firm(name, land, host, town=town, linkedin=linkedin), description=text)
        built = m.site(host, template, firm)
        m.label(
            "not_parked",
            own,
            land,
            town,
            host,
            built,
            linkedin,
            industry=industry,
            note="its page sells things",
        )


def no_linkedin(m: LandMaker, c: IdentityClasses) -> None:
    """No page of its own; a namesake abroad has one, and every other one also a sibling
    brand in the same town whose slug differs by a word."""
    slug = m.source.slug
    for n, (land, other) in enumerate(c.no_linkedin):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[n % 3]
        firm = m.firm(name, land, host, town=town)
        template = c.no_linkedin_templates[n % len(c.no_linkedin_templates)]
        built = m.site(host, template, firm, also=name.latin)
        other_host = f"{slug(name.latin).replace('-', '')}.{other.tld}"
        m.linkedin(
            slug(name.latin),
            name.latin,
            name.industry,
            other.row_town(other.towns[1]),
            other,
            other_host if n % 3 else "",
        )
        note = f"namesake page in {other.row}"
        if n % 2:
            sibling = name.latin.split()[0] + c.siblings[n % len(c.siblings)]
            m.linkedin(slug(sibling), sibling, name.industry, land.row_town(town), land)
            note += f", sibling {sibling} in the same town"
        m.label(
            "no_linkedin",
            name.own,
            land,
            town,
            f"https://{host}/" if n % 2 else host,
            built,
            None,
            industry=name.industry,
            note=note,
        )


def twins(m: LandMaker, c: IdentityClasses) -> None:
    slug = m.source.slug
    for n, (own, *sides) in enumerate(c.twins):
        m.claim(own)
        same_land = sides[0][0] is sides[1][0]
        for k, (land, at, industry, does) in enumerate(sides):
            name = Name(own, own, industry, does)
            town = land.towns[at]
            base = slug(own)
            if k and same_land:
                tail = slug(land.row_town(town) if sides[0][1] != at else industry.split()[0])
                host, address = f"{base.replace('-', '')}{tail}.{land.tld}", f"{base}-{tail}"
            else:
                host = f"{base.replace('-', '')}.{land.tld}"
                address = f"{base}-{land.iso.lower()}"
            if k == n % 2 and not same_land:
                address = base  # one of the two holds the bare slug
            linkedin = m.linkedin(address, own, industry, land.row_town(town), land, host)
            firm = m.firm(name, land, host, town=town, linkedin=linkedin if (n + k) % 2 else None)
            built = m.site(host, c.twin_templates[(n + k) % len(c.twin_templates)], firm)
            m.label(
                "twins",
                own,
                land,
                town,
                host if n % 3 else f"https://{host}/",
                built,
                linkedin,
                industry=industry,
                note=f"namesake in {sides[1 - k][0].row}, {sides[1 - k][2]}",
            )
