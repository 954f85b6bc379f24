"""Classes of the blind web about who a company is: for-sale and parked domains, shops and
brokers whose pages sell things (domain names included), companies without a LinkedIn page
beside a namesake abroad and a sibling brand at home, and same-name companies told apart
by country, town or trade."""

from __future__ import annotations

from bench.accuracy_web.blind.landers import (
    ADS,
    EXCHANGE,
    STYLES,
    ads_script,
    lander,
    listing_page,
)
from bench.accuracy_web.blind.lands import DK, FI, HR, HU, ID, LT, NG, NO, PH, RO, SK, VN
from bench.accuracy_web.land import Land
from bench.accuracy_web.land_identity import IdentityClasses, Parking
from bench.accuracy_web.model import Page, Site, Web

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


def _open_markets(web: Web) -> None:
    web.add_site(Site(EXCHANGE, {}))
    web.add_site(Site(ADS, {"/lp.js": Page(ads_script().encode(), "text/javascript")}))


def _serve(web: Web, domain: str, markup: str) -> None:
    web.sites[EXCHANGE].pages[f"/d/{domain}"] = Page(listing_page(domain).encode())
    if markup:
        web.add_site(Site(domain, {"/": Page(markup.encode())}))
    else:
        web.add_site(Site(domain, redirect_to=f"https://{EXCHANGE}/d/{domain}"))


PARKING = Parking(STYLES, lander, _NOTICE_LAND, _ENGLISH, _open_markets, _serve)


# Real businesses whose pages sell things, domain names included.
SELLERS: tuple[tuple[Land, str, str, str, str], ...] = (
    (FI, "Saimaan Venekeskus", "Retail Motor Vehicles", "Käytettyjä veneitä myytävänä: moottoriveneet, purjeveneet ja perämoottorit – vaihto ja rahoitus.", "jimdo"),  # noqa: E501
    (DK, "Kystlys Ejendomsmægler", "Real Estate", "Boliger til salg i Aarhus og omegn – gratis salgsvurdering af din bolig.", "typo3"),  # noqa: E501
    (HU, "Dunakanyar Domain", "Technology, Information and Internet", "Domain regisztráció, tárhely és eladó prémium domainek egy helyen – azonnali átírás.", "odoo"),  # noqa: E501
    (ID, "Mobilindo Bekas Jaya", "Retail Motor Vehicles", "Mobil bekas dijual dengan garansi mesin; tukar tambah dan kredit tersedia.", "webnode"),  # noqa: E501
    (NO, "Nordnavn Megling", "Technology, Information and Internet", "Vi megler kjøp og salg av domenenavn for bedrifter – verdivurdering og sikker overføring.", "blogger"),  # noqa: E501
    (RO, "Câmpia Terenuri", "Real Estate", "Terenuri de vânzare în Cluj-Napoca, intabulate, cu utilități; rezervă lotul tău.", "frontpage"),  # noqa: E501
)  # fmt: skip


SIBLINGS = (" Holding", " Digital", " Invest", " Services")
# (home, where a namesake has the LinkedIn page)
NO_LINKEDIN = tuple(
    zip(
        (FI, HU, RO, VN, ID, DK, NO, HR, SK, LT, NG, PH),
        (NO, SK, HU, ID, PH, FI, DK, RO, HR, NG, LT, VN),
        strict=True,
    )
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


IDENTITY = IdentityClasses(
    parking=PARKING,
    sellers=SELLERS,
    no_linkedin=NO_LINKEDIN,
    no_linkedin_templates=("webnode", "odoo", "jimdo", "typo3", "blogger", "frontpage"),
    siblings=SIBLINGS,
    twins=TWINS,
    twin_templates=("odoo", "webnode", "typo3", "jimdo"),
)
