"""Names in other scripts, both ways: the row writes the company's own script, its own
Latin spelling, an informal romanisation, or its own script while the site writes Latin
letters; and Latin names with diacritics that a list writes without them."""

from __future__ import annotations

from bench.accuracy_web.blind.lands import AM, BD, BY, GE, HU, IR, KG, LK, LT, MK, MN, RO, VN
from bench.accuracy_web.blind.make import Maker, slug
from bench.accuracy_web.land import Land, Name

SCRIPT_LANDS: tuple[tuple[Land, int], ...] = (
    (GE, 3),
    (AM, 3),
    (MN, 3),
    (MK, 3),
    (BY, 3),
    (KG, 2),
    (IR, 3),
    (BD, 2),
    (LK, 2),
)
MODES = ("own", "latin", "informal", "latin_site")
TEMPLATES = ("typo3", "jimdo", "jsonld_list", "odoo", "og_name", "webnode", "pictures")


def scripts(m: Maker) -> None:
    n = 0
    for land, count in SCRIPT_LANDS:
        for _ in range(count):
            name = m.name(land)
            mode = MODES[n % 4]
            host = m.host(name, land)
            town = land.towns[n % 3]
            shown = name
            if mode == "latin_site":
                shown = Name(name.latin, name.latin, name.industry, name.does)
            linkedin = m.linkedin(
                slug(name.latin) + ("", "-llc")[n % 2],
                name.latin,
                name.industry,
                land.row_town(town),
                land,
            )
            firm = m.firm(
                shown,
                land,
                host,
                town=town,
                linkedin=linkedin if n % 3 else None,
                alt_name=name.own if mode == "latin_site" else "",
            )
            built = m.site(host, TEMPLATES[n % len(TEMPLATES)], firm)
            row = {"latin": name.latin, "informal": name.informal}.get(mode, name.own)
            m.label(
                f"script_{mode}",
                row,
                land,
                town,
                f"https://{host}/",
                built,
                linkedin,
                industry=name.industry,
                note=f"row {row!r}, site writes {shown.own!r}",
            )
            n += 1


def diacritics(m: Maker) -> None:
    """The site writes `Hoàng Long Vận Tải`; the list `Hoang Long Van Tai`."""
    for n, land in enumerate((VN, HU, LT, RO, VN, HU)):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[(n + 1) % 3]
        linkedin = m.linkedin(
            slug(name.latin), name.own, name.industry, land.row_town(town), land, host
        )
        firm = m.firm(name, land, host, town=town, linkedin=linkedin if n % 2 else None)
        built = m.site(host, ("webnode", "odoo", "typo3")[n % 3], firm)
        m.label(
            "no_diacritics",
            name.informal,
            land,
            town,
            host,
            built,
            linkedin,
            industry=name.industry,
            note=f"site writes {name.own!r}",
        )
