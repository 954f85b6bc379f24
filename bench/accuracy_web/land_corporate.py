"""Classes about companies and their groups, for the webs drawn by land: renamed companies
(the row writes the old name and the old domain), subsidiaries named like a better-ranked
parent, the parents themselves, brands that belong to a group under another name, and
acronyms that another firm abroad uses too. Each web gives its own
countries, wordings and templates in a `CorporateClasses`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bench.accuracy_web.land import Land, Name
from bench.accuracy_web.land_maker import LandMaker
from bench.accuracy_web.model import Doc, Page, Site


@dataclass(frozen=True)
class CorporateClasses:
    # (land, fate of the old domain): it redirects, no longer resolves, or is now for sale
    rebrands: tuple[tuple[Land, str], ...]
    abroad: Mapping[str, Land]  # by the land's iso: where the old brand's namesake is
    formerly: Mapping[str, str]  # by language, with {old}
    rebrand_templates: tuple[str, ...]
    market: str  # the marketplace host a domain for sale is sent to
    listing_page: Callable[[str], str]  # the marketplace's page for a domain
    namesake_words: tuple[str, ...]  # the trade the namesake abroad writes after the brand
    namesake_template: str
    groups: tuple[Land, ...]  # where a subsidiary is named like its parent
    group_word: Mapping[str, str]  # by language: what the parent writes after the brand
    our_companies: Mapping[str, str]  # by language: the heading of the parent's list
    parent_template: str
    sub_templates: tuple[str, ...]
    list_in_text: bool  # the parent's list is in its text, or only added to its homepage
    # (land, group name): the brand belongs to that group
    part_of: tuple[tuple[Land, str], ...]
    group_does: Mapping[str, str]  # by language: what a holding company does
    member: Mapping[str, str]  # by language, with {group}
    group_template: str
    member_templates: tuple[str, ...]
    # (land, full name, letters, the twin's land, industry, the twin's word, what it does)
    acronyms: tuple[tuple[Land, str, str, Land, str, str, str], ...]
    acronym_templates: tuple[str, ...]
    twin_template: str
    finder_url: str  # the acronym finder's address, before the letters
    finder_title: str  # with {letters}


def rebrands(m: LandMaker, c: CorporateClasses) -> None:
    slug = m.source.slug
    for n, (land, fate) in enumerate(c.rebrands):
        old, new = m.name(land), m.name(land)
        old_host, new_host = m.host(old, land, dashed=False), m.host(new, land)
        town = land.towns[n % 3]
        # Half keep the LinkedIn address made under the old name.
        address = slug(old.latin if n % 2 else new.latin)
        linkedin = m.linkedin(address, new.latin, new.industry, land.row_town(town), land, new_host)
        said = c.formerly[land.lang].format(old=old.own)
        firm = m.firm(new, land, new_host, town=town, linkedin=linkedin, lines=(said,))
        template = c.rebrand_templates[n % len(c.rebrand_templates)]
        built = m.site(new_host, template, firm, also=said)
        if fate == "redirect":
            m.web.add_site(Site(old_host, redirect_to=f"https://{new_host}"))
        elif fate == "dead":
            m.web.add_site(Site(old_host, dead="dns"))
        else:
            listing = Page(c.listing_page(old_host).encode())
            m.web.sites[c.market].pages[f"/d/{old_host}"] = listing
            m.web.add_site(Site(old_host, redirect_to=f"https://{c.market}/d/{old_host}"))
        # A firm abroad with the old name's brand and another trade.
        other = c.abroad[land.iso]
        brand_word = f"{old.own.split()[0]} {c.namesake_words[n % len(c.namesake_words)]}"
        namesake = Name(
            m.claim(brand_word), brand_word, "Retail", "sells lamps, rugs and décor online"
        )
        other_host = m.host(namesake, other, dashed=True)
        other_firm = m.firm(namesake, other, other_host)
        m.site(other_host, c.namesake_template, other_firm)
        m.label(
            "rebrand",
            old.own,
            land,
            town,
            old_host,
            built,
            linkedin,
            industry=new.industry,
            note=f"now {new.own}; old domain {fate}",
        )


def groups(m: LandMaker, c: CorporateClasses) -> None:
    """A subsidiary named like its parent, whose site ranks above it and lists it; then
    the parent itself."""
    slug = m.source.slug
    for n, land in enumerate(c.groups):
        sub = m.name(land)
        brand = sub.own.split()[0]
        parent_name = m.claim(f"{brand} {c.group_word[land.lang]}")
        parent = Name(parent_name, parent_name, "Holding Companies", c.group_does[land.lang])
        town = land.towns[n % 3]
        parent_host = m.host(parent, land, dashed=True)
        sub_host = m.host(sub, land, dashed=False)
        parent_in = m.linkedin(
            slug(parent.own), parent.own, "Holding Companies", land.row_town(town), land
        )
        sub_in = m.linkedin(
            slug(sub.own), sub.own, sub.industry, land.row_town(town), land, sub_host
        )
        listed = f"{c.our_companies[land.lang]}: {sub.own}, {brand} Invest, {brand} Service."
        # Listed in the firm's lines, the list is on the page the site's text is read from,
        # so labels see it too; added to the served page afterwards, they do not.
        lines = (listed,) if c.list_in_text else ()
        parent_firm = m.firm(parent, land, parent_host, town=town, linkedin=parent_in, lines=lines)
        parent_built = m.site(
            parent_host, c.parent_template, parent_firm, also=f"{listed} {sub.own}", boost=2.0
        )
        group_line = c.member[land.lang].format(group=parent.own)
        sub_firm = m.firm(sub, land, sub_host, town=town, linkedin=sub_in, lines=(group_line,))
        sub_built = m.site(sub_host, c.sub_templates[n % len(c.sub_templates)], sub_firm)
        if not c.list_in_text:
            home = m.web.sites[parent_host].pages["/"]
            listing = home.body.replace(b"</main>", f"<p>{listed}</p></main>".encode())
            m.web.sites[parent_host].pages["/"] = Page(listing, home.content_type)
        m.label(
            "subsidiary",
            sub.own,
            land,
            town,
            sub_host,
            sub_built,
            sub_in,
            industry=sub.industry,
            note=f"parent {parent.own} ranks above it",
        )
        m.label(
            "group",
            parent.own,
            land,
            town,
            f"https://{parent_host}",
            parent_built,
            parent_in,
            industry="Holding Companies",
            note=f"its subsidiary {sub.own} has its own site",
        )


def part_of(m: LandMaker, c: CorporateClasses) -> None:
    """A brand that belongs to a group under another name and keeps its own site."""
    slug = m.source.slug
    for n, (land, group) in enumerate(c.part_of):
        m.claim(group)
        brand = m.name(land)
        group_host = f"{slug(group).replace('-', '')}.{land.tld}"
        group_name = Name(group, group, "Holding Companies", c.group_does[land.lang])
        group_firm = m.firm(group_name, land, group_host)
        m.site(group_host, c.group_template, group_firm, also=brand.own, boost=2.0)
        host = m.host(brand, land)
        town = land.towns[n % 3]
        linkedin = m.linkedin(
            slug(brand.latin), brand.latin, brand.industry, land.row_town(town), land, host
        )
        line = c.member[land.lang].format(group=group)
        firm = m.firm(brand, land, host, town=town, linkedin=linkedin, lines=(line,))
        template = c.member_templates[n % len(c.member_templates)]
        built = m.site(host, template, firm)
        m.label(
            "part_of",
            brand.own,
            land,
            town,
            "",
            built,
            linkedin,
            industry=brand.industry,
            note=f"belongs to {group}",
        )


def acronyms(m: LandMaker, c: CorporateClasses) -> None:
    slug = m.source.slug
    for n, (land, full, letters, other, industry, word, does) in enumerate(c.acronyms):
        m.claim(full)
        host = f"{letters.lower()}.{land.tld}"
        town = land.towns[n % 3]
        name = Name(letters, letters, industry, does)
        linkedin = m.linkedin(
            f"{letters.lower()}-{slug(full)}", f"{letters} – {full}", industry,
            land.row_town(town), land, host,
        )  # fmt: skip
        firm = m.firm(name, land, host, town=town, linkedin=linkedin, alt_name=full)
        template = c.acronym_templates[n % len(c.acronym_templates)]
        built = m.site(host, template, firm, also=full)
        # Another firm abroad goes by the same letters, with the bare slug.
        twin_host = f"{letters.lower()}.{other.tld}"
        twin_name = m.claim(f"{letters} {word.title()}")
        twin = Name(twin_name, twin_name, industry, f"offers {word} services")
        m.linkedin(letters.lower(), twin.own, industry, other.row_town(other.towns[0]), other)
        m.site(twin_host, c.twin_template, m.firm(twin, other, twin_host), also=letters)
        m.web.docs.append(
            Doc(
                f"{c.finder_url}{letters.lower()}",
                c.finder_title.format(letters=letters),
                f"{letters}: {full}; {twin.own}.",
                f"{letters} {full}",
                "directory",
                rank_boost=1.0,
            )
        )
        m.label(
            "acronym",
            letters if n % 2 == 0 else full,
            land,
            town,
            host if n % 3 == 0 else "",
            built,
            linkedin,
            industry=industry,
            note=f"{letters} = {full}; {letters} {word} abroad",
        )
