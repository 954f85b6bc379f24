"""Unseen rebrands (old domain redirecting or gone; the new site saying so in Italian,
Polish, Turkish or Ukrainian, or nothing linking the names), groups with their
subsidiaries, and acronyms."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.model import Doc, Site
from bench.accuracy_web.unseen.make import Maker
from bench.accuracy_web.unseen.names import label
from bench.accuracy_web.unseen.places import IN, IT, NZ, PL, PT, TR, UA, Place
from bench.accuracy_web.unseen.wording import TRADES


def _does(place: Place, n: int) -> str:
    return TRADES[place.lang][n % len(TRADES[place.lang])][1]


# (old name, new name, place, what the new site says, fate of the old domain, template)
REBRANDS: tuple[tuple[str, str, Place, str, str, str], ...] = (
    (
        "Fontanive Impianti",
        "Elettra Domotica",
        IT,
        "{new} (già {old}) progetta impianti elettrici e domotici dal 1994.",
        "redirect",
        "wordpress",
    ),
    (
        "Jaworek Meble",
        "Woodline Studio",
        PL,
        "Woodline Studio, dawniej {old}, to ta sama rodzinna stolarnia pod nową marką.",
        "dns",
        "webflow",
    ),
    (
        "Dereli Tekstil",
        "Nova Örme",
        TR,
        "Nova Örme, eski adıyla {old}, örme kumaş üretimine aynı ekiple devam ediyor.",
        "redirect",
        "wix",
    ),
    (
        "Ясен Софт",
        "Pharmaline Systems",
        UA,
        "Pharmaline Systems (колишня назва — ТОВ «{old}») розробляє програми для аптек.",
        "dns",
        "tilda",
    ),
    ("Pohara Tours", "Tasman Trails", NZ, "", "redirect", "squarespace"),
    ("Aroeira Embalagens", "Caixaforte Embalagens", PT, "", "dns", "weebly"),
)


def rebrands(m: Maker) -> None:
    m.take("Fontanive", "Jaworek", "Dereli", "Ясен", "Pohara", "Aroeira")
    for n, (old, new, place, says, fate, template) in enumerate(REBRANDS):
        old_domain = f"{label(old)}.{place.tld}"
        new_domain = f"{label(new)}.{('com', place.tld)[n % 2]}"
        city = place.cities[n % len(place.cities)]
        where = f"{place.row_city(city)}, {place.row}"
        linkedin = m.linkedin(label(new), new, "Services", where, place.lang, website=new_domain)
        extra = (says.format(old=old, new=new),) if says else ()
        firm = m.firm(
            new, place, new_domain, _does(place, n), city=city, linkedin=linkedin, extra=extra
        )
        built = m.site(new_domain, template, firm)
        if fate == "redirect":
            m.web.add_site(Site(old_domain, redirect_to=f"https://{new_domain}"))
        else:
            m.web.add_site(Site(old_domain, dead="dns"))
        m.web.docs.append(
            Doc(
                f"https://{old_domain}/",
                f"{old} | {place.row_city(city)}",
                "",
                f"{old} {old_domain}",
                "site",
            )
        )
        m.listings(old, place.row_city(city))
        if not says and fate == "dns":
            # Nothing links the names and the old address is gone: no website is right;
            # another company with the old brand word is not it either.
            other = old.replace("Embalagens", "Vinhos")
            host = f"{label(other)}.{place.tld}"
            m.site(host, "wix", m.firm(other, place, host, "vinhos de quinta", city=city))
            m.label(
                "rebrand_unlinked",
                old,
                place,
                city,
                old_domain,
                None,
                None,
                note=f"renamed {new}, nothing links them",
            )
            continue
        m.label(
            "rebrand",
            old,
            place,
            city,
            old_domain,
            built,
            linkedin,
            note=f"renamed {new} (old domain {fate})",
        )


def groups(m: Maker) -> None:
    cases = (
        (
            "Gruppo Sangiorgi",
            ("Sangiorgi Ceramiche", "Sangiorgi Trasporti"),
            IT,
            "Le società del gruppo: {members}.",
            "{member} fa parte del {group}.",
        ),
        (
            "Şahinler Holding",
            ("Şahinler Gıda", "Şahinler Lojistik"),
            TR,
            "Grup şirketlerimiz: {members}.",
            "{member}, {group} bünyesinde faaliyet göstermektedir.",
        ),
    )
    m.take("Sangiorgi", "Şahinler")
    for n, (group, members, place, lists, belongs) in enumerate(cases):
        city = place.cities[n]
        where = f"{city}, {place.row}"
        ghost = f"{label(group)}.com"
        glink = m.linkedin(label(group), group, "Holding", where, place.lang, website=ghost)
        gfirm = m.firm(
            group,
            place,
            ghost,
            _does(place, n + 2),
            city=city,
            linkedin=glink,
            extra=(lists.format(members=", ".join(members)),),
        )
        built = m.site(ghost, "wordpress", gfirm)
        m.web.docs[-1] = replace(m.web.docs[-1], rank_boost=2.5)  # groups rank high
        m.label("group", group, place, city, ghost, built, glink)
        for k, member in enumerate(members):
            host = f"{label(member)}.{place.tld}"
            link = m.linkedin(label(member), member, "Manufacturing", where, place.lang)
            firm = m.firm(
                member,
                place,
                host,
                _does(place, k),
                city=city,
                linkedin=link,
                extra=(belongs.format(member=member, group=group),),
            )
            built = m.site(host, ("joomla", "webflow")[k], firm)
            m.label("subsidiary", member, place, city, host, built, link, note=f"member of {group}")


def acronyms(m: Maker) -> None:
    cases = (
        ("CMV", "Costruzioni Meccaniche Veronesi", IT, "Verona"),
        ("ZPT", "Zakłady Przetwórstwa Tworzyw", PL, "Kraków"),
        ("BNT", "Banyan Network Technologies", IN, "Pune"),
    )
    for n, (short, full, place, city) in enumerate(cases):
        host = f"{short.lower()}{label(full).split('-')[-1][:4]}.{place.tld}"
        firm = m.firm(
            f"{full} ({short})",
            place,
            host,
            _does(place, n + 1),
            city=city,
            extra=(f"{short} — {full}.",),
        )
        built = m.site(host, ("wordpress", "joomla", "webflow")[n], firm, title=f"{short} | {full}")
        m.label(
            "acronym",
            short if n != 1 else full,
            place,
            city,
            host,
            built,
            None,
            note=f"{short} = {full}",
        )
