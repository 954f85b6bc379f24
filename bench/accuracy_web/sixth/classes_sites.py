"""Classes of the sixth web about the site itself: CMS and builder shapes, legacy
encodings, deep links pasted as the website, and sites that are down, gone or slow."""

from __future__ import annotations

from bench.accuracy_web.land import Land
from bench.accuracy_web.model import Site
from bench.accuracy_web.sixth.lands import (
    AL,
    AZ,
    CL,
    CO,
    CZ,
    EE,
    ET,
    GR,
    KE,
    KH,
    LV,
    MY,
    NP,
    PE,
    RS,
    RSL,
    SI,
    UZ,
    UZC,
)
from bench.accuracy_web.sixth.make import Maker, slug
from bench.accuracy_web.sixth.templates import PLAIN

# Each template twice; the first of each pair links its LinkedIn page from the site.
SHAPES: tuple[tuple[str, Land, Land], ...] = (
    ("framer", CL, MY),
    ("ghost", EE, CO),
    ("hubspot", KE, CZ),
    ("elementor", AL, PE),
    ("drupal", LV, SI),
    ("google_sites", UZ, KE),
    ("hugo", SI, AZ),
    ("jekyll", CZ, EE),
    ("amp", CO, AL),
    ("frames", AZ, LV),
    ("rdfa", MY, CL),
    ("microdata", PE, UZ),
    ("shop", PE, CO),
)
PRODUCTS = ("Chompa de alpaca", "Chullo tejido", "Manta andina", "Café de Cusco")


def _given(host: str, n: int) -> str:
    return (host, f"https://{host}", f"http://{host}", f"www.{host}", f"HTTPS://{host.upper()}/")[
        n % 5
    ]


def presentation(m: Maker) -> None:
    for n, (template, first, second) in enumerate(SHAPES):
        for k, land in enumerate((first, second)):
            name = m.name(land)
            host = m.host(name, land)
            town = land.towns[(n + k) % 3]
            suffix = ("", "-sac", "-ltda", "-2")[n % 4] if k == 0 else ""
            linkedin = m.linkedin(
                slug(name.latin) + suffix, name.latin, name.industry, land.row_town(town), land
            )
            firm = m.firm(
                name,
                land,
                host,
                town=town,
                linkedin=linkedin if k == 0 else None,
                products=PRODUCTS if template == "shop" else (),
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


ENCODED: tuple[tuple[Land, str, bool, str], ...] = (
    (CZ, "windows-1250", False, "drupal"),
    (GR, "iso-8859-7", True, "elementor"),
    (LV, "iso-8859-13", True, "ghost"),
    (RS, "windows-1251", False, "hubspot"),
    (CL, "iso-8859-1", False, "framer"),
    (SI, "iso-8859-2", True, "google_sites"),
    (EE, "windows-1257", False, "elementor"),
    (GR, "windows-1253", False, "drupal"),
    (AZ, "iso-8859-9", True, "ghost"),
    (UZC, "windows-1251", True, "framer"),
)


def encodings(m: Maker) -> None:
    for n, (land, encoding, in_header, template) in enumerate(ENCODED):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[n % 3]
        linkedin = m.linkedin(
            f"{slug(name.latin)}-{land.iso.lower()}",
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


# (land, pasted path, the site moves visitors to www, pasted on the mobile name)
DEEP: tuple[tuple[Land, str, bool, bool], ...] = (
    (PE, "/es/nosotros/?utm_source=linkedin&utm_medium=social", False, False),
    (CZ, "/cs/kontakt.html", True, False),
    (EE, "/index.php?option=com_content&view=article&id=7", False, False),
    (CO, "/#!/servicios", True, False),
    (SI, "/sl/o-podjetju/", False, True),
    (KE, "/amp/about-us/", True, False),
    (LV, "/lv/sakums;jsessionid=A81F3C2D", False, False),
    (MY, "/ms/hubungi-kami/?ref=footer", True, True),
    (AL, "/sq/rreth-nesh", False, False),
    (UZ, "/uz/kontaktlar/", True, False),
    (GR, "/el/epikoinonia.php", False, False),
    (RSL, "/sr/kontakt/", True, False),
)


def deep_links(m: Maker) -> None:
    for n, (land, path, to_www, mobile) in enumerate(DEEP):
        name = m.name(land)
        apex = m.host(name, land)
        home = f"www.{apex}" if to_www else apex
        if to_www:
            m.web.add_site(Site(apex, redirect_to=f"https://{home}"))
        linkedin = m.linkedin(
            slug(name.latin) + ("", "-hq", "-co")[n % 3],
            name.latin,
            name.industry,
            land.row_town(land.towns[n % 3]),
            land,
            website=home if n % 2 == 0 else "",
        )
        firm = m.firm(
            name, land, home, town=land.towns[n % 3], linkedin=linkedin if n % 2 else None
        )
        built = m.site(home, PLAIN[n % len(PLAIN)], firm, also=name.latin)
        # The pasted page answers with the homepage's markup, as many CMSs do.
        site = m.web.sites[home]
        site.pages[path.split("?")[0].split("#")[0]] = site.pages["/"]
        given_host = apex
        if mobile:
            given_host = f"{('m', 'www2')[n % 2]}.{apex}"
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


FATES: tuple[tuple[Land, str, int], ...] = (
    (PE, "down", 503),
    (CZ, "down", 503),
    (KH, "down", 503),
    (MY, "down", 521),
    (AZ, "down", 500),
    (EE, "gone", 0),
    (NP, "gone", 0),
    (CO, "gone", 0),
    (AL, "refused", 0),
    (LV, "refused", 0),
    (KE, "slow", 0),
    (SI, "slow", 0),
    (ET, "slow", 0),
)


def availability(m: Maker) -> None:
    for n, (land, fate, status) in enumerate(FATES):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[n % 3]
        linkedin = m.linkedin(
            slug(name.latin) + ("", "-sa", "-plc")[n % 3],
            name.latin,
            name.industry,
            land.row_town(town),
            land,
            website=host if n % 2 == 0 else "",
        )
        firm = m.firm(name, land, host, town=town, linkedin=linkedin)
        if fate == "slow":
            template = ("drupal", "microdata", "ghost")[n % 3]
            built = m.site(host, template, firm, delay=4.0, also=name.latin)
            m.label(
                "slow",
                name.own,
                land,
                town,
                f"{host}/",
                built,
                linkedin,
                industry=name.industry,
                note="answers after 4 s",
            )
            continue
        if fate == "down":
            m.site(host, "elementor", firm, status=status, index=False)
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
