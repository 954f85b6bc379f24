"""Classes of the fresh web about the site itself: builder and CMS styles, legacy
encodings, pasted deep links and redirects, sites that are down, dead or slow."""

from __future__ import annotations

from bench.accuracy_web.builder import slugify
from bench.accuracy_web.fresh.build import Maker
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
from bench.accuracy_web.model import Site

# Each template twice, in two languages; the first of each pair links its LinkedIn page.
STYLED: tuple[tuple[str, Land, Land], ...] = (
    ("framer", NL, IL),
    ("carrd", CA, TH),
    ("ghost", SE, GR),
    ("hugo", CZ, KR),
    ("drupal", MX, BG),
    ("hubspot", IE, AE),
    ("duda", NL, RS),
    ("google_sites", CA, IN),
    ("og_only", SE, EG),
    ("meta_only", CZ, GR),
    ("about_only", MX, SE),
    ("remix", IE, KR),
    ("sveltekit", NL, TH),
    ("angular", CA, IL),
    ("tables", CZ, BG),
)


def _slug(text: str, n: int) -> str:
    return f"{slugify(text)}{('', '-' + str(100 + n))[n % 3 == 2]}"


def presentation(m: Maker) -> None:
    for n, (template, first, second) in enumerate(STYLED):
        for k, land in enumerate((first, second)):
            name = m.name(land.lang)
            host = m.host(name, land)
            city = land.cities[(n + k) % 3]
            slug = _slug(name.latin, n)
            linkedin = m.linkedin(slug, name.latin, name.industry, land.row_city(city), land)
            about = ("/company", "/about-us", f"/{land.lang}/about")[n % 3]
            firm = m.firm(
                name, land, host, city=city, about_path=about, linkedin=linkedin if k == 0 else None
            )
            built = m.site(host, template, firm, names=name.latin)
            m.listings(name.own, land.row_city(city), n * 2 + k)
            given = (host, f"https://{host}", f"http://{host}/", f"www.{host}")[(n + k) % 4]
            if given.startswith("www."):
                m.web.add_site(Site(f"www.{host}", redirect_to=f"https://{host}"))
            m.label(
                template,
                name.own,
                land,
                city,
                given,
                built,
                linkedin,
                industry=name.industry,
                note=f"{template} markup, {land.lang}",
            )


ENCODED = (
    (GR, "windows-1253", True),
    (IL, "iso-8859-8", False),
    (EG, "windows-1256", True),
    (TH, "tis-620", False),
    (KR, "euc-kr", True),
    (BG, "windows-1251", False),
    (CZ, "iso-8859-2", True),
    (RS, "windows-1251", True),
)


def encodings(m: Maker) -> None:
    for n, (land, encoding, in_header) in enumerate(ENCODED):
        name = m.name(land.lang)
        host = m.host(name, land)
        linkedin = m.linkedin(
            slugify(name.latin) + "-co",
            name.latin,
            name.industry,
            land.row_city(land.cities[0]),
            land,
        )
        firm = m.firm(
            name,
            land,
            host,
            city=land.cities[0],
            linkedin=linkedin,
            charset="" if in_header else encoding,
        )
        template = ("tables", "drupal", "about_only", "meta_only")[n % 4]
        built = m.site(
            host, template, firm, encoding=encoding, in_header=in_header, names=name.latin
        )
        m.label(
            "legacy_encoding",
            name.own,
            land,
            firm.city,
            f"http://{host}",
            built,
            linkedin,
            industry=name.industry,
            note=f"{encoding} declared {'in the header' if in_header else 'in the page'}",
        )


DEEP = (
    (NL, "/nl/over-ons/?utm_source=linkedin&utm_medium=social", False),
    (SE, "/sv/produkter/kategori/12#top", True),
    (CZ, "/index.php?option=com_content&view=article&id=7", False),
    (MX, "/es/contacto.html", True),
    (IE, "/shop/products/item-2281?ref=nav", False),
    (CA, "/blog/2024/06/our-new-workshop/", True),
    (GR, "/el/epikoinonia", False),
    (BG, "/bg/produkti/", True),
    (IN, "/hi/contact-us.aspx", False),
    (IL, "/he/?page_id=42", True),
)


def deep_links(m: Maker) -> None:
    """A pasted inner page; half of the sites also move visitors from the bare name to www."""
    for n, (land, path, to_www) in enumerate(DEEP):
        name = m.name(land.lang)
        apex = m.host(name, land)
        home = f"www.{apex}" if to_www else apex
        if to_www:
            m.web.add_site(Site(apex, redirect_to=f"https://{home}"))
        linkedin = m.linkedin(
            slugify(name.latin) + ("", "-bv", "-co")[n % 3],
            name.latin,
            name.industry,
            land.row_city(land.cities[n % 3]),
            land,
            website=home if n % 2 else "",
        )
        firm = m.firm(
            name, land, home, city=land.cities[n % 3], linkedin=linkedin if n % 2 else None
        )
        built = m.site(
            home, ("drupal", "framer", "duda", "ghost", "carrd")[n % 5], firm, names=name.latin
        )
        # The pasted page answers too, so a fetcher that stays on it reads a real page.
        site = m.web.sites[home]
        site.pages[path.split("?")[0].split("#")[0]] = site.pages["/"]
        m.label(
            "deep_link",
            name.own,
            land,
            firm.city,
            f"https://{apex}{path}",
            built,
            linkedin,
            industry=name.industry,
            homepage=f"https://{home}/",
            note=f"given {path} on {apex}",
        )


FATES = (
    (NL, "down", 503),
    (GR, "down", 503),
    (IE, "down", 503),
    (AE, "down", 503),
    (SE, "gone", 0),
    (MX, "gone", 0),
    (BG, "gone", 0),
    (CZ, "refused", 0),
    (CA, "refused", 0),
    (KR, "slow", 0),
    (NL, "slow", 0),
)


def availability(m: Maker) -> None:
    for n, (land, fate, status) in enumerate(FATES):
        name = m.name(land.lang)
        host = m.host(name, land)
        city = land.cities[n % 3]
        linkedin = m.linkedin(
            slugify(name.latin) + "-" + land.iso.lower(),
            name.latin,
            name.industry,
            land.row_city(city),
            land,
            website=host,
        )
        firm = m.firm(name, land, host, city=city, linkedin=linkedin)
        if fate == "slow":
            built = m.site(
                host, ("hubspot", "google_sites")[n % 2], firm, delay=2.5, names=name.latin
            )
            m.label(
                "slow",
                name.own,
                land,
                city,
                f"https://{host}/",
                built,
                linkedin,
                industry=name.industry,
                note="answers after 2.5 s",
            )
            continue
        if fate == "down":
            m.site(host, "framer", firm, status=status, index=False)
        else:
            m.web.add_site(Site(host, dead="dns" if fate == "gone" else "refused"))
        m.listings(name.own, land.row_city(city), 60 + n)
        m.label(
            fate,
            name.own,
            land,
            city,
            host,
            None,
            linkedin,
            website=host,
            industry=name.industry,
            note=f"site {fate}" + (f" ({status})" if status else ""),
        )
