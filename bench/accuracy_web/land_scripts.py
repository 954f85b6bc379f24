"""Names in other scripts, both ways: the row writes the company's own script, its own
Latin spelling, an informal romanisation, or its own script while the site writes Latin
letters; and Latin names with diacritics that a list writes without them. Each web drawn
by land gives its own countries and templates in a `ScriptClasses`."""

from __future__ import annotations

from dataclasses import dataclass

from bench.accuracy_web.land import Land, Name
from bench.accuracy_web.land_maker import LandMaker

MODES = ("own", "latin", "informal", "latin_site")


@dataclass(frozen=True)
class ScriptClasses:
    script_lands: tuple[tuple[Land, int], ...]  # (land, how many of its names)
    script_templates: tuple[str, ...]
    script_suffixes: tuple[str, ...]  # on the LinkedIn slug, in turn
    diacritic_lands: tuple[Land, ...]
    diacritic_templates: tuple[str, ...]


def scripts(m: LandMaker, c: ScriptClasses) -> None:
    slug = m.source.slug
    n = 0
    for land, count in c.script_lands:
        for _ in range(count):
            name = m.name(land)
            mode = MODES[n % 4]
            host = m.host(name, land)
            town = land.towns[n % 3]
            shown = name
            if mode == "latin_site":
                shown = Name(name.latin, name.latin, name.industry, name.does)
            linkedin = m.linkedin(
                slug(name.latin) + c.script_suffixes[n % len(c.script_suffixes)],
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
            built = m.site(host, c.script_templates[n % len(c.script_templates)], firm)
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


def diacritics(m: LandMaker, c: ScriptClasses) -> None:
    """The site writes `Hoàng Long Vận Tải`; the list `Hoang Long Van Tai`."""
    slug = m.source.slug
    for n, land in enumerate(c.diacritic_lands):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[(n + 1) % 3]
        linkedin = m.linkedin(
            slug(name.latin), name.own, name.industry, land.row_town(town), land, host
        )
        firm = m.firm(name, land, host, town=town, linkedin=linkedin if n % 2 else None)
        built = m.site(host, c.diacritic_templates[n % len(c.diacritic_templates)], firm)
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
