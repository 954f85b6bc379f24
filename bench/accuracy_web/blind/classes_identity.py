"""Classes of the blind web about who a company is: for-sale and parked domains, shops and
brokers whose pages sell things (domain names included), companies without a LinkedIn page
beside a namesake abroad and a sibling brand at home, and same-name companies told apart
by country, town or trade."""

from __future__ import annotations

from dataclasses import replace

from bench.accuracy_web.blind.landers import (
    ADS,
    EXCHANGE,
    STYLES,
    ads_script,
    lander,
    listing_page,
)
from bench.accuracy_web.blind.lands import DK, FI, HR, HU, ID, LT, NG, NO, PH, RO, SK, VN
from bench.accuracy_web.blind.make import Maker, slug
from bench.accuracy_web.land import Land, Name
from bench.accuracy_web.model import Doc, Page, Site

_NOTICE_LAND = {
    "fi": FI,
    "hu": HU,
    "ro": RO,
    "vi": VN,
    "id": ID,
    "da": DK,
    "nb": NO,
    "hr": HR,
    "sk": SK,
    "lt": LT,
}
_ENGLISH = (NG, PH, FI, DK, HU, NO)


def parked(m: Maker) -> None:
    m.web.add_site(Site(EXCHANGE, {}))
    m.web.add_site(Site(ADS, {"/lp.js": Page(ads_script().encode(), "text/javascript")}))
    for n in range(STYLES):
        _, lang = lander(n, "x")
        land = _NOTICE_LAND.get(lang) or _ENGLISH[n % len(_ENGLISH)]
        name = m.name(land)
        domain = m.host(name, land, dashed=n % 3 == 0)
        markup, _ = lander(n, domain)
        m.web.sites[EXCHANGE].pages[f"/d/{domain}"] = Page(listing_page(domain).encode())
        if markup:
            m.web.add_site(Site(domain, {"/": Page(markup.encode())}))
        else:
            m.web.add_site(Site(domain, redirect_to=f"https://{EXCHANGE}/d/{domain}"))
        if n % 2 == 0:
            m.www(domain)
        m.web.docs.append(Doc(f"https://{domain}/", domain, "", f"{name.latin} {domain}", "parked"))
        linkedin = None
        if n % 3 == 1:
            town = land.row_town(land.towns[2])
            linkedin = m.linkedin(slug(name.latin), name.latin, name.industry, town, land)
        m.label(
            "parked",
            name.own,
            land,
            land.towns[2],
            domain if n % 2 else f"http://www.{domain}/",
            None,
            linkedin,
            industry=name.industry,
            note=f"lander style {n} ({lang})",
        )


# Real businesses whose pages sell things, domain names included.
SELLERS: tuple[tuple[Land, str, str, str, str], ...] = (
    (FI, "Saimaan Venekeskus", "Retail Motor Vehicles", "Käytettyjä veneitä myytävänä: moottoriveneet, purjeveneet ja perämoottorit – vaihto ja rahoitus.", "jimdo"),  # noqa: E501
    (DK, "Kystlys Ejendomsmægler", "Real Estate", "Boliger til salg i Aarhus og omegn – gratis salgsvurdering af din bolig.", "typo3"),  # noqa: E501
    (HU, "Dunakanyar Domain", "Technology, Information and Internet", "Domain regisztráció, tárhely és eladó prémium domainek egy helyen – azonnali átírás.", "odoo"),  # noqa: E501
    (ID, "Mobilindo Bekas Jaya", "Retail Motor Vehicles", "Mobil bekas dijual dengan garansi mesin; tukar tambah dan kredit tersedia.", "webnode"),  # noqa: E501
    (NO, "Nordnavn Megling", "Technology, Information and Internet", "Vi megler kjøp og salg av domenenavn for bedrifter – verdivurdering og sikker overføring.", "blogger"),  # noqa: E501
    (RO, "Câmpia Terenuri", "Real Estate", "Terenuri de vânzare în Cluj-Napoca, intabulate, cu utilități; rezervă lotul tău.", "frontpage"),  # noqa: E501
)  # fmt: skip


def not_parked(m: Maker) -> None:
    for n, (land, own, industry, text, template) in enumerate(SELLERS):
        name = Name(m.claim(own), own, industry, "")
        host = m.host(name, land, dashed=False)
        town = land.towns[n % 3]
        linkedin = m.linkedin(slug(own), own, industry, land.row_town(town), land, host)
        firm = replace(m.firm(name, land, host, town=town, linkedin=linkedin), description=text)
        built = m.site(host, template, firm)
        m.label(
            "not_parked",
            own,
            land,
            town,
            host,
            built,
            linkedin,
            industry=industry,
            note="its page sells things",
        )


_SIBLING = (" Holding", " Digital", " Invest", " Services")


def no_linkedin(m: Maker) -> None:
    """No page of its own; a namesake abroad has one, and every other one also a sibling
    brand in the same town whose slug differs by a word."""
    home = (FI, HU, RO, VN, ID, DK, NO, HR, SK, LT, NG, PH)
    abroad = (NO, SK, HU, ID, PH, FI, DK, RO, HR, NG, LT, VN)
    for n, (land, other) in enumerate(zip(home, abroad, strict=True)):
        name = m.name(land)
        host = m.host(name, land)
        town = land.towns[n % 3]
        firm = m.firm(name, land, host, town=town)
        template = ("webnode", "odoo", "jimdo", "typo3", "blogger", "frontpage")[n % 6]
        built = m.site(host, template, firm, also=name.latin)
        other_host = f"{slug(name.latin).replace('-', '')}.{other.tld}"
        m.linkedin(
            slug(name.latin),
            name.latin,
            name.industry,
            other.row_town(other.towns[1]),
            other,
            other_host if n % 3 else "",
        )
        note = f"namesake page in {other.row}"
        if n % 2:
            sibling = name.latin.split()[0] + _SIBLING[n % 4]
            m.linkedin(slug(sibling), sibling, name.industry, land.row_town(town), land)
            note += f", sibling {sibling} in the same town"
        m.label(
            "no_linkedin",
            name.own,
            land,
            town,
            f"https://{host}/" if n % 2 else host,
            built,
            None,
            industry=name.industry,
            note=note,
        )


# Same-name pairs: (name, (land, town index, industry, what it does) twice).
TWINS: tuple[tuple[str, tuple[Land, int, str, str], tuple[Land, int, str, str]], ...] = (
    ("Aurora Cold Chain", (FI, 0, "Truck Transportation", "kuljettaa pakasteita kylmäautoilla"), (NO, 1, "Truck Transportation", "frakter fersk sjømat med kjølebil")),  # noqa: E501
    ("Baltic Amber Works", (LT, 1, "Jewelry and Luxury Goods", "gamina gintaro papuošalus"), (DK, 0, "Retail Luxury Goods and Jewelry", "sælger ravsmykker til turister")),  # noqa: E501
    ("Nova Dental Studio", (HU, 0, "Medical Practices", "fogászati implantátumokat ültet be"), (HR, 1, "Medical Practices", "radi estetsku stomatologiju i izbjeljivanje")),  # noqa: E501
    ("Orion Coatings", (NG, 0, "Chemical Manufacturing", "manufactures emulsion paints for builders"), (PH, 2, "Chemical Manufacturing", "makes marine coatings for ferries")),  # noqa: E501
    ("Sunrise Holidays", (VN, 0, "Travel Arrangements", "tổ chức tour du lịch miền Trung"), (ID, 1, "Travel Arrangements", "menjual paket wisata ke Bromo")),  # noqa: E501
    ("Delta Advisory", (RO, 0, "Business Consulting and Services", "oferă consultanță fiscală firmelor mici"), (RO, 1, "Business Consulting and Services", "scrie proiecte pentru fonduri europene")),  # noqa: E501
    ("Polar Kraft", (NO, 0, "Electrical Equipment Manufacturing", "produserer tavler for industrien"), (NO, 0, "Renewable Energy Semiconductor Manufacturing", "monterer solcellepaneler på næringsbygg")),  # noqa: E501
    ("Atlas Cargo", (DK, 1, "Truck Transportation", "kører gods mellem Danmark og Tyskland"), (SK, 0, "Truck Transportation", "vozí tovar do Rakúska a Maďarska")),  # noqa: E501
    ("Nordic Star", (DK, 0, "Accounting", "fører bogholderi for håndværkere"), (DK, 0, "Beverage Manufacturing", "brygger cider af danske æbler")),  # noqa: E501
    ("Mabini Holdings", (PH, 0, "Real Estate", "leases warehouses near the port"), (PH, 1, "Food Production", "bottles coconut vinegar and banana ketchup")),  # noqa: E501
)  # fmt: skip


def twins(m: Maker) -> None:
    for n, (own, *sides) in enumerate(TWINS):
        m.claim(own)
        same_land = sides[0][0] is sides[1][0]
        for k, (land, at, industry, does) in enumerate(sides):
            name = Name(own, own, industry, does)
            town = land.towns[at]
            base = slug(own)
            if k and same_land:
                tail = slug(land.row_town(town) if sides[0][1] != at else industry.split()[0])
                host, address = f"{base.replace('-', '')}{tail}.{land.tld}", f"{base}-{tail}"
            else:
                host = f"{base.replace('-', '')}.{land.tld}"
                address = f"{base}-{land.iso.lower()}"
            if k == n % 2 and not same_land:
                address = base  # one of the two holds the bare slug
            linkedin = m.linkedin(address, own, industry, land.row_town(town), land, host)
            firm = m.firm(name, land, host, town=town, linkedin=linkedin if (n + k) % 2 else None)
            built = m.site(host, ("odoo", "webnode", "typo3", "jimdo")[(n + k) % 4], firm)
            m.label(
                "twins",
                own,
                land,
                town,
                host if n % 3 else f"https://{host}/",
                built,
                linkedin,
                industry=industry,
                note=f"namesake in {sides[1 - k][0].row}, {sides[1 - k][2]}",
            )
