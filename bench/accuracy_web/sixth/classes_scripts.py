"""Names in other scripts, both ways: the row writes the company's own script, its own
Latin spelling, an informal romanisation, or its own script while the site writes Latin
letters; and Latin names with diacritics that a list writes without them."""

from __future__ import annotations

from bench.accuracy_web.land import Land, Name
from bench.accuracy_web.sixth.lands import AZ, CZ, ET, GR, KH, LV, NP, RS, UZC
from bench.accuracy_web.sixth.make import Maker, slug

SCRIPT_LANDS: tuple[tuple[Land, int], ...] = (
    (ET, 3),
    (KH, 3),
    (GR, 3),
    (RS, 4),
    (UZC, 2),
    (NP, 3),
)
MODES = ("own", "latin", "informal", "latin_site")
TEMPLATES = ("drupal", "framer", "microdata", "ghost", "rdfa", "hubspot", "about_only")


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
                slug(name.latin) + ("", "-plc")[n % 2],
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
    """The site writes `Xəzər Dalğa Tikinti`; the list `Xezer Dalga Tikinti`."""
    for n, land in enumerate((AZ, CZ, LV, AZ, CZ, LV)):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[(n + 1) % 3]
        linkedin = m.linkedin(
            slug(name.latin), name.own, name.industry, land.row_town(town), land, host
        )
        firm = m.firm(name, land, host, town=town, linkedin=linkedin if n % 2 else None)
        built = m.site(host, ("elementor", "drupal", "google_sites")[n % 3], firm)
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
