"""Classes of the fresh web about companies and their relatives: renamed companies (an
old domain that redirects, or one that is gone, and the new site's "formerly" line), brands
now part of a group that keep their own site, subsidiaries beside their better-known
parent group, the groups themselves, and acronyms."""

from __future__ import annotations

from bench.accuracy_web.builder import slugify
from bench.accuracy_web.fresh.build import Maker
from bench.accuracy_web.fresh.lands import CA, CZ, GR, IE, MX, NL, SE, Land
from bench.accuracy_web.fresh.words import FORMERLY, PART_OF, Name
from bench.accuracy_web.model import Doc, Page, Site

# (land, old name, how the old domain ends: redirect | gone)
RENAMED: tuple[tuple[Land, str, str], ...] = (
    (NL, "Brouwer & Zonen Installaties", "redirect"),
    (SE, "Nilssons Verkstad", "redirect"),
    (CZ, "Stavomont Brno", "redirect"),
    (IE, "Atlantic Edge Print", "redirect"),
    (MX, "Textiles del Bajío", "gone"),
    (CA, "Prairie Sky Software", "gone"),
)


def rebrands(m: Maker) -> None:
    for n, (land, old, fate) in enumerate(RENAMED):
        m.claim(old)
        name = m.name(land.lang)
        host = m.host(name, land)
        old_host = f"{slugify(old).replace('-', '')}.{land.tld}"
        if fate == "redirect":
            m.web.add_site(Site(old_host, redirect_to=f"https://{host}"))
        else:
            m.web.add_site(Site(old_host, dead="dns"))
        city = land.cities[n % 3]
        linkedin = m.linkedin(
            slugify(name.latin), name.latin, name.industry, land.row_city(city), land, website=host
        )
        firm = m.firm(
            name,
            land,
            host,
            city=city,
            linkedin=linkedin if n % 2 else None,
            extra=(f"{name.own} — {FORMERLY[land.lang].format(old=old)}",),
        )
        built = m.site(host, ("ghost", "drupal", "framer")[n % 3], firm, names=old)
        m.label(
            "rebrand",
            old,
            land,
            city,
            old_host,
            built,
            linkedin,
            industry=name.industry,
            note=f"renamed {name.own}; old domain {fate}",
        )


def part_of(m: Maker) -> None:
    """A brand bought by a group that keeps its own site: the brand's site is the answer."""
    for n, (land, group) in enumerate(
        ((IE, "Corrib Holdings"), (SE, "Nordhavn Industri"), (GR, "Hellas Food Group"))
    ):
        m.claim(group)
        group_host = f"{slugify(group).replace('-', '')}.com"
        group_name = Name(group, group, "Holding Companies", "")
        name = m.name(land.lang)
        host = m.host(name, land)
        gfirm = m.firm(group_name, land, group_host, city=land.cities[0])
        m.site(group_host, "hugo", gfirm, names=f"{name.own} {name.latin}")
        m.web.docs[-1] = Doc(**{**m.web.docs[-1].__dict__, "rank_boost": 2.0})
        m.linkedin(
            slugify(group),
            group,
            "Holding Companies",
            land.row_city(land.cities[0]),
            land,
            website=group_host,
        )
        city = land.cities[(n + 1) % 3]
        linkedin = m.linkedin(
            slugify(name.latin) + "-ltd", name.latin, name.industry, land.row_city(city), land
        )
        line = PART_OF.get(land.lang, PART_OF["en"]).format(group=group)
        firm = m.firm(name, land, host, city=city, linkedin=linkedin, extra=(line,))
        built = m.site(host, "duda", firm, names=name.latin)
        m.label(
            "part_of",
            name.own,
            land,
            city,
            f"https://{host}/",
            built,
            linkedin,
            industry=name.industry,
            note=f"now part of {group}",
        )


def groups(m: Maker) -> None:
    """Subsidiaries named like their parent group, whose site ranks higher; and the groups."""
    for n, land in enumerate((NL, CZ, MX, CA, SE)):
        name = m.name(land.lang)
        brand = name.own.split()[0]
        group = m.claim(f"{brand} Group")
        group_host = f"{slugify(brand)}group.com"
        gname = Name(group, group, "Holding Companies", name.does)
        gfirm = m.firm(
            gname,
            land,
            group_host,
            city=land.cities[0],
            extra=(f"{name.own} · {brand} Services · {brand} Capital",),
        )
        gbuilt = m.site(group_host, "framer", gfirm, names=name.own)
        m.web.docs[-1] = Doc(**{**m.web.docs[-1].__dict__, "rank_boost": 2.5})
        glinkedin = m.linkedin(
            slugify(group),
            group,
            "Holding Companies",
            land.row_city(land.cities[0]),
            land,
            website=group_host,
        )
        host = m.host(name, land, dashed=True)
        city = land.cities[(n + 1) % 3]
        linkedin = m.linkedin(
            slugify(name.latin),
            name.latin,
            name.industry,
            land.row_city(city),
            land,
            website=host if n % 2 else "",
        )
        firm = m.firm(
            name,
            land,
            host,
            city=city,
            linkedin=linkedin if n % 2 == 0 else None,
            extra=(PART_OF.get(land.lang, PART_OF["en"]).format(group=group),),
        )
        built = m.site(host, ("drupal", "ghost", "hubspot", "carrd", "google_sites")[n], firm)
        m.label(
            "subsidiary",
            name.own,
            land,
            city,
            host,
            built,
            linkedin,
            industry=name.industry,
            note=f"parent {group} ranks higher",
        )
        if n < 3:
            m.label(
                "group",
                group,
                land,
                land.cities[0],
                f"https://{group_host}/",
                gbuilt,
                glinkedin,
                industry="Holding Companies",
                note="its subsidiaries share its name",
            )


# (land, acronym, full name, the row writes: acronym | full)
ACRONYMS = (
    (NL, "KVB", "Kooiker Veen Bouwtechniek", "acronym"),
    (CZ, "JSP", "Javornické Strojírny a Pily", "acronym"),
    (IE, "WCE", "Western Coast Electrical", "acronym"),
    (SE, "HMT", "Hagström Marin Teknik", "full"),
    (MX, "CIMSA", "Comercializadora Industrial del Mezquital", "full"),
)


def acronyms(m: Maker) -> None:
    for n, (land, short, full, row) in enumerate(ACRONYMS):
        m.claim(full)
        host = f"{short.lower()}-{slugify(land.row_city(land.cities[n % 3]))}.{land.tld}"
        city = land.cities[n % 3]
        industry = ("Construction", "Machinery", "Electrical", "Marine", "Wholesale")[n]
        shown = f"{short} · {full}" if row == "acronym" else short
        name = Name(
            shown,
            full,
            industry,
            (
                "bouwkundig advies",
                "strojírenská výroba",
                "electrical contracting for farms and factories",
                "marinteknik och service",
                "distribución de material eléctrico",
            )[n],
        )
        linkedin = m.linkedin(
            slugify(short + " " + land.iso),
            full if n % 2 else short,
            industry,
            land.row_city(city),
            land,
            website=host,
        )
        firm = m.firm(
            name,
            land,
            host,
            city=city,
            linkedin=linkedin if n % 2 else None,
            other_name=full if row == "full" else "",
        )
        built = m.site(host, ("ghost", "drupal", "framer", "duda", "hubspot")[n], firm, names=full)
        # Another company abroad goes by the same letters.
        other = f"{short.lower()}-global.com"
        said = f"{short} Inc. provides management consulting worldwide."
        page = f"<html><head><title>{short} Inc.</title></head><body><p>{said}</p></body></html>"
        m.web.add_site(Site(other, {"/": Page(page.encode())}))
        m.web.docs.append(
            Doc(f"https://{other}/", f"{short} — global", said, f"{short} {said}", "site", 1.0)
        )
        m.label(
            "acronym",
            short if row == "acronym" else full,
            land,
            city,
            host,
            built,
            linkedin,
            industry=industry,
            note=f"{short} = {full}; the row writes the {row}",
        )
