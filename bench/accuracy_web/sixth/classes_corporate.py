"""Classes of the sixth web about companies and their groups: renamed companies (the row
writes the old name and the old domain), subsidiaries named like a better-ranked parent,
the parents themselves, brands that belong to a group under another name, and acronyms
that another firm abroad uses too."""

from __future__ import annotations

from bench.accuracy_web.land import Land, Name
from bench.accuracy_web.model import Doc, Page, Site
from bench.accuracy_web.sixth.landers import MARKET, listing_page
from bench.accuracy_web.sixth.lands import AL, AZ, CL, CO, CZ, EE, KE, LV, MY, PE, RSL, SI, UZ
from bench.accuracy_web.sixth.make import Maker, slug
from bench.accuracy_web.sixth.templates import PLAIN

FORMERLY = {
    "es": "Antes conocida como {old}.",
    "cs": "Dříve {old}.",
    "et": "Endise nimega {old}.",
    "lv": "Iepriekš – {old}.",
    "sl": "Prej {old}.",
    "sq": "Më parë e njohur si {old}.",
    "ms": "Dahulunya dikenali sebagai {old}.",
    "sw": "Zamani ikijulikana kama {old}.",
    "az": "Əvvəlki adı: {old}.",
    "uz": "Avvalgi nomi: {old}.",
    "sr-Latn": "Ranije poslovala kao {old}.",
    "en": "Previously operating as {old}.",
}
MEMBER = {
    "es": "Una empresa del {group}.",
    "cs": "Člen skupiny {group}.",
    "et": "{group} kontserni liige.",
    "lv": "{group} grupas uzņēmums.",
    "sl": "Del skupine {group}.",
    "sq": "Pjesë e grupit {group}.",
    "ms": "Anak syarikat {group}.",
    "sw": "Kampuni tanzu ya {group}.",
    "az": "{group} holdinqinin üzvü.",
    "uz": "{group} guruhi tarkibida.",
    "sr-Latn": "Članica grupe {group}.",
    "en": "Part of the {group} family of companies.",
}
GROUP_WORD = {"es": "Grupo", "cs": "Holding", "et": "Grupp", "lv": "Grupa", "sw": "Group"}
GROUP_DOES = {
    "es": "administra empresas industriales y comerciales",
    "cs": "řídí průmyslové a obchodní společnosti",
    "et": "omab ja arendab tööstusettevõtteid",
    "lv": "pārvalda ražošanas un tirdzniecības uzņēmumus",
    "sw": "inamiliki na kuendesha makampuni ya viwanda na biashara",
    "ms": "mengurus syarikat perindustrian dan perdagangan",
    "sl": "upravlja industrijska in trgovska podjetja",
    "uz": "sanoat va savdo korxonalarini boshqaradi",
    "en": "owns and runs industrial and trading companies",
}
OUR_COMPANIES = {
    "es": "Nuestras empresas",
    "cs": "Společnosti skupiny",
    "et": "Kontserni ettevõtted",
    "lv": "Grupas uzņēmumi",
    "sw": "Kampuni zetu",
}

# (land, fate of the old domain): it redirects, no longer resolves, or is now for sale.
REBRANDS: tuple[tuple[Land, str], ...] = (
    (PE, "redirect"),
    (CZ, "redirect"),
    (MY, "redirect"),
    (KE, "redirect"),
    (AZ, "redirect"),
    (EE, "dead"),
    (SI, "dead"),
    (AL, "for_sale"),
    (UZ, "for_sale"),
    (RSL, "redirect"),
)
ABROAD = {"PE": CO, "CZ": SI, "MY": KE, "KE": MY, "AZ": UZ, "EE": LV, "SI": CZ, "AL": CL,
          "UZ": AZ, "RS": AL}  # fmt: skip


def rebrands(m: Maker) -> None:
    for n, (land, fate) in enumerate(REBRANDS):
        old, new = m.name(land), m.name(land)
        old_host, new_host = m.host(old, land, dashed=False), m.host(new, land)
        town = land.towns[n % 3]
        # Half keep the LinkedIn address made under the old name.
        address = slug(old.latin if n % 2 else new.latin)
        linkedin = m.linkedin(address, new.latin, new.industry, land.row_town(town), land, new_host)
        said = FORMERLY[land.lang].format(old=old.own)
        firm = m.firm(new, land, new_host, town=town, linkedin=linkedin, lines=(said,))
        built = m.site(new_host, ("rdfa", *PLAIN)[n % 7], firm, also=said)
        if fate == "redirect":
            m.web.add_site(Site(old_host, redirect_to=f"https://{new_host}"))
        elif fate == "dead":
            m.web.add_site(Site(old_host, dead="dns"))
        else:
            m.web.sites[MARKET].pages[f"/d/{old_host}"] = Page(listing_page(old_host).encode())
            m.web.add_site(Site(old_host, redirect_to=f"https://{MARKET}/d/{old_host}"))
        # A firm abroad with the old name's brand and another trade.
        other = ABROAD[land.iso]
        brand_word = f"{old.own.split()[0]} {('Atelier', 'Imports', 'Digital Lab')[n % 3]}"
        namesake = Name(
            m.claim(brand_word), brand_word, "Retail", "sells lamps, rugs and décor online"
        )
        other_host = m.host(namesake, other, dashed=True)
        other_firm = m.firm(namesake, other, other_host)
        m.site(other_host, "ghost", other_firm)
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


GROUPS: tuple[Land, ...] = (PE, CZ, EE, LV, KE)


def groups(m: Maker) -> None:
    """A subsidiary named like its parent, whose site ranks above it and lists it; then
    the parent itself."""
    for n, land in enumerate(GROUPS):
        sub = m.name(land)
        brand = sub.own.split()[0]
        parent_name = m.claim(f"{brand} {GROUP_WORD[land.lang]}")
        parent = Name(parent_name, parent_name, "Holding Companies", GROUP_DOES[land.lang])
        town = land.towns[n % 3]
        parent_host = m.host(parent, land, dashed=True)
        sub_host = m.host(sub, land, dashed=False)
        parent_in = m.linkedin(
            slug(parent.own), parent.own, "Holding Companies", land.row_town(town), land
        )
        sub_in = m.linkedin(
            slug(sub.own), sub.own, sub.industry, land.row_town(town), land, sub_host
        )
        listed = f"{OUR_COMPANIES[land.lang]}: {sub.own}, {brand} Invest, {brand} Service."
        # The list is on the page the site's text is read from, so labels see it too.
        parent_firm = m.firm(
            parent, land, parent_host, town=town, linkedin=parent_in, lines=(listed,)
        )
        parent_built = m.site(
            parent_host, "microdata", parent_firm, also=f"{listed} {sub.own}", boost=2.0
        )
        group_line = MEMBER[land.lang].format(group=parent.own)
        sub_firm = m.firm(sub, land, sub_host, town=town, linkedin=sub_in, lines=(group_line,))
        sub_built = m.site(sub_host, PLAIN[n % len(PLAIN)], sub_firm)
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


PART_OF: tuple[tuple[Land, str], ...] = (
    (CL, "Grupo Austral Pacífico"),
    (MY, "Kumpulan Nusa Selatan"),
    (SI, "Skupina Alpe Adria Invest"),
    (UZ, "Turon Invest Guruhi"),
)


def part_of(m: Maker) -> None:
    """A brand that belongs to a group under another name and keeps its own site."""
    for n, (land, group) in enumerate(PART_OF):
        m.claim(group)
        brand = m.name(land)
        group_host = f"{slug(group).replace('-', '')}.{land.tld}"
        group_name = Name(group, group, "Holding Companies", GROUP_DOES[land.lang])
        group_firm = m.firm(group_name, land, group_host)
        m.site(group_host, "drupal", group_firm, also=brand.own, boost=2.0)
        host = m.host(brand, land)
        town = land.towns[n % 3]
        linkedin = m.linkedin(
            slug(brand.latin), brand.latin, brand.industry, land.row_town(town), land, host
        )
        line = MEMBER[land.lang].format(group=group)
        firm = m.firm(brand, land, host, town=town, linkedin=linkedin, lines=(line,))
        built = m.site(host, ("ghost", "hubspot")[n % 2], firm)
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


ACRONYMS: tuple[tuple[Land, str, str, Land, str, str, str], ...] = (
    (PE, "Compañía Minera del Sur Andino", "CMSA", CL, "Mining", "mining", "(Compañía Minera del Sur Andino) extrae cobre y molibdeno en el sur del Perú"),  # noqa: E501
    (CZ, "Moravské Strojírny a Slévárny", "MSAS", SI, "Machinery Manufacturing", "machinery", "(Moravské Strojírny a Slévárny) odlévá a obrábí díly pro zemědělské stroje"),  # noqa: E501
    (EE, "Lõuna-Eesti Energia", "LEE", LV, "Utilities", "energy", "(Lõuna-Eesti Energia) müüb elektrit ja kaugkütet kodudele"),  # noqa: E501
    (CO, "Transportadora Nacional de Carga", "TNC", PE, "Truck Transportation", "transport", "(Transportadora Nacional de Carga) mueve carga entre Buenaventura y Bogotá"),  # noqa: E501
    (KE, "Kenya Agricultural Supplies Company", "KASCO", MY, "Wholesale", "supplies", "(Kenya Agricultural Supplies Company) inasambaza mbolea na mbegu kwa wakulima"),  # noqa: E501
    (MY, "Syarikat Pengangkutan Pantai Timur", "SPPT", KE, "Truck Transportation", "transport", "(Syarikat Pengangkutan Pantai Timur) mengangkut kontena dari pelabuhan Kuantan"),  # noqa: E501
    (AZ, "Azərbaycan Tikinti Materialları", "ATM", UZ, "Wholesale", "building", "(Azərbaycan Tikinti Materialları) sement və kərpic satır"),  # noqa: E501
    (SI, "Zavod za Gradbeništvo Celje", "ZGC", CZ, "Civil Engineering", "engineering", "(Zavod za Gradbeništvo Celje) preskuša gradbene materiale"),  # noqa: E501
)  # fmt: skip


def acronyms(m: Maker) -> None:
    for n, (land, full, letters, other, industry, word, does) in enumerate(ACRONYMS):
        m.claim(full)
        host = f"{letters.lower()}.{land.tld}"
        town = land.towns[n % 3]
        name = Name(letters, letters, industry, does)
        linkedin = m.linkedin(
            f"{letters.lower()}-{slug(full)}", f"{letters} – {full}", industry,
            land.row_town(town), land, host,
        )  # fmt: skip
        firm = m.firm(name, land, host, town=town, linkedin=linkedin, alt_name=full)
        built = m.site(host, ("drupal", "microdata", "framer", "rdfa")[n % 4], firm, also=full)
        # Another firm abroad goes by the same letters, with the bare slug.
        twin_host = f"{letters.lower()}.{other.tld}"
        twin_name = m.claim(f"{letters} {word.title()}")
        twin = Name(twin_name, twin_name, industry, f"offers {word} services")
        m.linkedin(letters.lower(), twin.own, industry, other.row_town(other.towns[0]), other)
        m.site(twin_host, "ghost", m.firm(twin, other, twin_host), also=letters)
        m.web.docs.append(
            Doc(
                f"https://www.acronymfinder-biz.com/{letters.lower()}",
                f"{letters} meaning · company abbreviations",
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
