"""Classes about the site itself, for the webs drawn by land: CMS and builder shapes,
legacy encodings, deep links pasted as the website, and sites that are down, gone or slow.
Each web gives its own countries, templates and spellings in a `SiteClasses`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_maker import LandMaker
from bench.accuracy_web.model import Site


@dataclass(frozen=True)
class SiteClasses:
    # (template, first land, second land): the first of each pair links its LinkedIn page
    shapes: tuple[tuple[str, Land, Land], ...]
    products: tuple[str, ...]  # the shop's items
    shape_suffixes: tuple[str, ...]  # on the first LinkedIn slug of each pair, in turn
    # (land, encoding, declared in the header, template)
    encoded: tuple[tuple[Land, str, bool, str], ...]
    # (land, pasted path, the site moves visitors to www, pasted on the mobile name)
    deep: tuple[tuple[Land, str, bool, bool], ...]
    deep_suffixes: tuple[str, ...]
    deep_templates: tuple[str, ...]
    mobile_names: tuple[str, ...]  # the mobile host's first label, in turn
    # (land, fate: down, gone, refused or slow, a down site's status)
    fates: tuple[tuple[Land, str, int], ...]
    fate_suffixes: tuple[str, ...]
    slow_templates: tuple[str, ...]
    slow_delay: float
    down_template: str


def _pick(choices: Sequence[str], n: int) -> str:
    return choices[n % len(choices)]


def _given(host: str, n: int) -> str:
    return (host, f"https://{host}", f"http://{host}", f"www.{host}", f"HTTPS://{host.upper()}/")[
        n % 5
    ]


def presentation(m: LandMaker, c: SiteClasses) -> None:
    slug = m.source.slug
    for n, (template, first, second) in enumerate(c.shapes):
        for k, land in enumerate((first, second)):
            name = m.name(land)
            host = m.host(name, land)
            town = land.towns[(n + k) % 3]
            suffix = _pick(c.shape_suffixes, n) if k == 0 else ""
            linkedin = m.linkedin(
                slug(name.latin) + suffix, name.latin, name.industry, land.row_town(town), land
            )
            firm = m.firm(
                name,
                land,
                host,
                town=town,
                linkedin=linkedin if k == 0 else None,
                products=c.products if template == "shop" else (),
            )
            built = m.site(host, template, firm, also=name.latin)
            m.register(name.own, land.row_town(town), n * 2 + k)
            given = _given(host, n + k)
            if given.startswith("www."):
                m.www(host)
            m.label(
                template,
                name.own,
                land,
                town,
                given,
                built,
                linkedin,
                industry=name.industry,
                note=f"{template} page, {land.lang}",
            )


def encodings(m: LandMaker, c: SiteClasses) -> None:
    for n, (land, encoding, in_header, template) in enumerate(c.encoded):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[n % 3]
        linkedin = m.linkedin(
            f"{m.source.slug(name.latin)}-{land.iso.lower()}",
            name.latin,
            name.industry,
            land.row_town(town),
            land,
        )
        firm = m.firm(
            name,
            land,
            host,
            town=town,
            linkedin=linkedin,
            charset="" if in_header else encoding,
            alt_name=name.latin if name.latin != name.own else "",
        )
        built = m.site(
            host, template, firm, encoding=encoding, in_header=in_header, also=name.latin
        )
        m.label(
            "legacy_encoding",
            name.own,
            land,
            town,
            f"http://{host}",
            built,
            linkedin,
            industry=name.industry,
            note=f"{encoding}, declared {'in the header' if in_header else 'in the page only'}",
        )


def deep_links(m: LandMaker, c: SiteClasses) -> None:
    for n, (land, path, to_www, mobile) in enumerate(c.deep):
        name = m.name(land)
        apex = m.host(name, land)
        home = f"www.{apex}" if to_www else apex
        if to_www:
            m.web.add_site(Site(apex, redirect_to=f"https://{home}"))
        linkedin = m.linkedin(
            m.source.slug(name.latin) + _pick(c.deep_suffixes, n),
            name.latin,
            name.industry,
            land.row_town(land.towns[n % 3]),
            land,
            website=home if n % 2 == 0 else "",
        )
        firm = m.firm(
            name, land, home, town=land.towns[n % 3], linkedin=linkedin if n % 2 else None
        )
        built = m.site(home, _pick(c.deep_templates, n), firm, also=name.latin)
        # The pasted page answers with the homepage's markup, as many CMSs do.
        site = m.web.sites[home]
        site.pages[path.split("?")[0].split("#")[0]] = site.pages["/"]
        given_host = apex
        if mobile:
            given_host = f"{_pick(c.mobile_names, n)}.{apex}"
            m.web.add_site(Site(given_host, redirect_to=f"https://{home}"))
        m.label(
            "deep_link",
            name.own,
            land,
            firm.town,
            f"https://{given_host}{path}",
            built,
            linkedin,
            industry=name.industry,
            homepage=f"https://{home}/",
            note=f"given {given_host}{path}",
        )


def availability(m: LandMaker, c: SiteClasses) -> None:
    for n, (land, fate, status) in enumerate(c.fates):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[n % 3]
        linkedin = m.linkedin(
            m.source.slug(name.latin) + _pick(c.fate_suffixes, n),
            name.latin,
            name.industry,
            land.row_town(town),
            land,
            website=host if n % 2 == 0 else "",
        )
        firm = m.firm(name, land, host, town=town, linkedin=linkedin)
        if fate == "slow":
            template = _pick(c.slow_templates, n)
            built = m.site(host, template, firm, delay=c.slow_delay, also=name.latin)
            m.label(
                "slow",
                name.own,
                land,
                town,
                f"{host}/",
                built,
                linkedin,
                industry=name.industry,
                note=f"answers after {c.slow_delay:g} s",
            )
            continue
        if fate == "down":
            m.site(host, c.down_template, firm, status=status, index=False)
        else:
            m.web.add_site(Site(host, dead="dns" if fate == "gone" else "refused"))
        m.register(name.own, land.row_town(town), 40 + n)
        m.label(
            fate,
            name.own,
            land,
            town,
            host,
            None,
            linkedin,
            website=host,
            industry=name.industry,
            note=f"site {fate}" + (f" ({status})" if status else ""),
        )
