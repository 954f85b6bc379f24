"""Classes of the blind web about the site itself: CMS and builder shapes, legacy
encodings, deep links pasted as the website, and sites that are down, gone or slow."""

from __future__ import annotations

from bench.accuracy_web.blind.lands import (
    AM,
    BY,
    DK,
    FI,
    GE,
    HR,
    HU,
    ID,
    KG,
    LT,
    MK,
    MN,
    NG,
    NO,
    PH,
    RO,
    SK,
    VN,
)
from bench.accuracy_web.blind.make import Maker, slug
from bench.accuracy_web.land import Land
from bench.accuracy_web.model import Site

# Each template twice; the first of each pair links its LinkedIn page from the site.
SHAPES: tuple[tuple[str, Land, Land], ...] = (
    ("jimdo", FI, ID),
    ("webnode", SK, HR),
    ("typo3", DK, LT),
    ("odoo", RO, NG),
    ("blogger", PH, HU),
    ("frontpage", NO, VN),
    ("shop", LT, DK),
    ("gatsby", HU, FI),
    ("astro", ID, NO),
    ("vue_state", HR, RO),
    ("jsonld_list", VN, SK),
    ("og_name", NG, PH),
    ("pictures", FI, GE),
)
PRODUCTS = ("Wool socks", "Oak cutting board", "Rye crispbread", "Linen apron")


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
            suffix = ("", "-oy", "-ltd", "-1")[n % 4] if k == 0 else ""
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
    (FI, "iso-8859-15", True, "jimdo"),
    (HU, "windows-1250", False, "frontpage"),
    (RO, "iso-8859-16", True, "typo3"),
    (VN, "windows-1258", False, "webnode"),
    (LT, "windows-1257", True, "odoo"),
    (MK, "iso-8859-5", False, "frontpage"),
    (SK, "windows-1250", True, "blogger"),
    (BY, "windows-1251", False, "jimdo"),
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
    (FI, "/fi/yhteystiedot#kartta", False, False),
    (HU, "/index.php/hu/rolunk", True, False),
    (RO, "/Default.aspx?lang=ro&tab=2", False, False),
    (ID, "/tentang-kami/?fbclid=IwAR2x9", True, False),
    (DK, "/kontakt/", False, True),
    (NO, "/no/produkter/laks-fileter", True, False),
    (HR, "/hr/o-nama.html", False, False),
    (NG, "/services/solar-for-clinics?gclid=Cj0KCQ", True, True),
    (LT, "/lt/kontaktai", False, False),
    (PH, "/careers/apply#form", True, False),
    (KG, "/ru/o-kompanii/", False, False),
)


def deep_links(m: Maker) -> None:
    for n, (land, path, to_www, mobile) in enumerate(DEEP):
        name = m.name(land)
        apex = m.host(name, land)
        home = f"www.{apex}" if to_www else apex
        if to_www:
            m.web.add_site(Site(apex, redirect_to=f"https://{home}"))
        linkedin = m.linkedin(
            slug(name.latin) + ("", "-official", "-group-ltd")[n % 3],
            name.latin,
            name.industry,
            land.row_town(land.towns[n % 3]),
            land,
            website=home if n % 2 == 0 else "",
        )
        firm = m.firm(
            name, land, home, town=land.towns[n % 3], linkedin=linkedin if n % 2 else None
        )
        built = m.site(
            home, ("typo3", "odoo", "webnode", "jimdo", "blogger")[n % 5], firm, also=name.latin
        )
        # The pasted page answers with the homepage's markup, as many CMSs do.
        site = m.web.sites[home]
        site.pages[path.split("?")[0].split("#")[0]] = site.pages["/"]
        given_host = apex
        if mobile:
            given_host = f"m.{apex}"
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
    (FI, "down", 503),
    (RO, "down", 503),
    (AM, "down", 503),
    (PH, "down", 502),
    (DK, "gone", 0),
    (MN, "gone", 0),
    (SK, "gone", 0),
    (NO, "refused", 0),
    (ID, "refused", 0),
    (HU, "slow", 0),
    (HR, "slow", 0),
    (VN, "slow", 0),
)


def availability(m: Maker) -> None:
    for n, (land, fate, status) in enumerate(FATES):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[n % 3]
        linkedin = m.linkedin(
            slug(name.latin) + ("", "-as", "-llc")[n % 3],
            name.latin,
            name.industry,
            land.row_town(town),
            land,
            website=host if n % 2 == 0 else "",
        )
        firm = m.firm(name, land, host, town=town, linkedin=linkedin)
        if fate == "slow":
            template = ("odoo", "jsonld_list", "typo3")[n % 3]
            built = m.site(host, template, firm, delay=3.0, also=name.latin)
            m.label(
                "slow",
                name.own,
                land,
                town,
                f"{host}/",
                built,
                linkedin,
                industry=name.industry,
                note="answers after 3 s",
            )
            continue
        if fate == "down":
            m.site(host, "webnode", firm, status=status, index=False)
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
