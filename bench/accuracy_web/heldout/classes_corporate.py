"""Held-out rebrands (the old domain redirecting, dead, or taken by nobody; the new site
linking the names in other words, or not at all), groups and their subsidiaries, and
acronyms."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.heldout.classes_sites import INDUSTRY
from bench.accuracy_web.heldout.make import Maker, slug
from bench.accuracy_web.heldout.places import DE, ES, FR, GB, RU, US, Place
from bench.accuracy_web.model import Doc, Site

# (old name, new name, place, how the new site links them, what became of the old domain)
REBRANDS: tuple[tuple[str, str, Place, str, str], ...] = (
    ("Grauberg Druck", "Printwerk Nord", DE, "alternate", "redirect"),
    ("Moosbach Gartenbau", "Gruenraum Moosbach", DE, "ehemals", "redirect"),
    ("Lacombe Menuiserie", "Atelier Boisvif", FR, "anciennement", "dns"),
    ("Olivares Ingenieria", "Helioval Energia", ES, "old_domain", "dns"),
    ("Dunmore Analytics", "Quantly Insights", GB, "nothing", "dns"),
    ("Kestle Surveyors", "Kestle Surveyors", GB, "moved", "dns"),
    ("Светоч Софт", "Lumina Retail Systems", RU, "ранее", "dns"),
)


def _wording(how: str, old: str, old_domain: str, new: str) -> tuple[str, ...]:
    return {
        "ehemals": (f"{new} (ehemals {old}) – seit 2021 unter neuem Namen.",),
        "anciennement": (f"{new}, anciennement {old}, change de nom mais garde la même équipe.",),
        "old_domain": (
            f"Nuestra antigua web, {old_domain}, ya no está activa: "
            "toda la información está ahora aquí.",
        ),
        "ранее": (f"{new} (ранее — ООО «{old}») разрабатывает кассовые программы.",),
        "moved": (f"{new} has a new web address; please update your bookmarks.",),
    }.get(how, ())


def rebrands(m: Maker) -> None:
    m.reserve(*(name for case in REBRANDS for name in case[:2]))
    for n, (old, new, place, how, fate) in enumerate(REBRANDS):
        old_domain = f"{slug(old) if place is not RU else 'svetoch-soft'}.{place.tld}"
        new_domain = f"{slug(new)}.{('com', place.tld)[n % 2]}"
        if new_domain == old_domain:  # the same name on a new address
            new_domain = f"{slug(new).replace('-', '')}-ltd.com"
        _, does = m.trade(place.lang, n)
        city = place.cities[n % 3]
        linkedin = m.linkedin(
            slug(new), new, INDUSTRY[place.lang], city, place.row, website=new_domain
        )
        firm = m.firm(
            new,
            place,
            new_domain,
            does,
            city=city,
            linkedin=linkedin,
            extra=_wording(how, old, old_domain, new),
            alternate_names=(old,) if how == "alternate" else (),
        )
        template = (
            "jsonld_graph",
            "og_twitter",
            "footer_address",
            "microdata",
            "og_twitter",
            "microdata",
            "jsonld_graph",
        )[n]
        built = m.site(new_domain, template, firm)
        if fate == "redirect":
            m.web.add_site(Site(old_domain, redirect_to=f"https://{new_domain}"))
        else:
            m.web.add_site(Site(old_domain, dead="dns"))
        m.web.docs.append(
            Doc(f"https://{old_domain}/", f"{old} - {city}", "", f"{old} {old_domain}", "site")
        )
        m.listings(old, city, place.row)
        if how == "nothing":
            # Nothing on the new site names the old company: it cannot be told to be its
            # site, and a company with the old brand word is not it either.
            other = f"{old.split()[0]} Brewing"
            other_host = f"{slug(other)}.{place.tld}"
            m.site(
                other_host,
                "cookie_wall",
                m.firm(other, place, other_host, "cask ales and seasonal lagers", city=city),
            )
            m.label(
                "rebrand_unlinked",
                old,
                place.row,
                city,
                old_domain,
                None,
                None,
                website=None,
                note=f"renamed {new}, nothing links them",
            )
            continue
        m.label(
            "rebrand",
            old,
            place.row,
            city,
            old_domain,
            built,
            linkedin,
            note=f"renamed {new} ({how}; old domain {fate})",
        )


def groups(m: Maker) -> None:
    cases = (
        (
            "Falkenberg Gruppe",
            ("Falkenberg Logistik", "Falkenberg Haustechnik"),
            DE,
            "Unsere Unternehmen",
        ),
        ("Groupe Vauclair", ("Vauclair Transports", "Vauclair Imprimerie"), FR, "Nos filiales"),
    )
    m.reserve(*(name for case in cases for name in (case[0], *case[1])))
    for n, (group, members, place, heading) in enumerate(cases):
        city = place.cities[n]
        group_host = f"{slug(group)}.com"
        member_list = f"{heading}: {', '.join(members)}."
        glink = m.linkedin(
            slug(group), group, INDUSTRY[place.lang], city, place.row, website=group_host
        )
        gfirm = m.firm(
            group,
            place,
            group_host,
            m.trade(place.lang, n)[1],
            city=city,
            linkedin=glink,
            extra=(member_list,),
        )
        built = m.site(group_host, "jsonld_graph", gfirm, boost=2.5)
        m.label("group", group, place.row, city, group_host, built, glink)
        for k, member in enumerate(members):
            host = f"{slug(member)}.{place.tld}"
            _, does = m.trade(place.lang, k + 3)
            link = m.linkedin(slug(member), member, INDUSTRY[place.lang], city, place.row)
            firm = m.firm(
                member,
                place,
                host,
                does,
                city=city,
                linkedin=link,
                extra=(
                    f"{member} ist Teil der {group}."
                    if place is DE
                    else f"{member} est une filiale du {group}.",
                ),
            )
            built = m.site(host, ("footer_address", "one_pager")[k], firm)
            m.label(
                "subsidiary", member, place.row, city, host, built, link, note=f"member of {group}"
            )


def acronyms(m: Maker) -> None:
    cases = (
        ("KTW", "Kranich Technische Werkstätten", DE),
        ("BMF", "Brissac Menuiserie Fine", FR),
        ("WSE", "Westmoor Surveying Engineers", US),
    )
    for n, (short, full, place) in enumerate(cases):
        host = f"{short.lower()}-{slug(full.split()[0])}.{place.tld}"
        does = m.trade(place.lang, n)[1]
        firm = m.firm(f"{full} ({short})", place, host, does, title=f"{short} – {full}")
        firm = replace(
            firm, extra=(f"{short} steht für {full}." if place is DE else f"{short} — {full}.",)
        )
        built = m.site(host, ("jsonld_graph", "og_twitter", "microdata")[n], firm)
        m.label(
            "acronym",
            short if n % 2 == 0 else full,
            place.row,
            firm.city,
            host,
            built,
            None,
            note=f"{short} = {full}",
        )
