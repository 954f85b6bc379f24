"""Classes of the sixth web about who a company is: for-sale, parked and expired domains
(some named in another script), registrars, dealers and agents whose pages sell things
(domain names included), companies without a LinkedIn page beside a namesake abroad and a
sibling brand at home, and same-name companies told apart by country, town or trade."""

from __future__ import annotations

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_identity import IdentityClasses, Parking
from bench.accuracy_web.model import Page, Site, Web
from bench.accuracy_web.sixth.landers import AUCTION, MARKET, STYLES, lander, listing_page
from bench.accuracy_web.sixth.lands import (
    AL,
    AZ,
    CL,
    CO,
    CZ,
    EE,
    ET,
    GR,
    KE,
    KH,
    LV,
    MY,
    PE,
    RS,
    RSL,
    SI,
    UZ,
)
from bench.accuracy_web.sixth.templates import PLAIN

_NOTICE_LAND = {
    "es": CO,
    "cs": CZ,
    "et": EE,
    "lv": LV,
    "sl": SI,
    "sq": AL,
    "ms": MY,
    "sw": KE,
    "az": AZ,
    "uz": UZ,
    "el": GR,
    "sr": RS,
    "am": ET,
    "km": KH,
}
_ENGLISH = (KE, MY, PE, CZ, EE, CL)


def _open_markets(web: Web) -> None:
    web.add_site(Site(MARKET, {}))
    web.add_site(Site(AUCTION, {}))


def _serve(web: Web, domain: str, markup: str) -> None:
    web.sites[MARKET].pages[f"/d/{domain}"] = Page(listing_page(domain).encode())
    web.sites[AUCTION].pages[f"/{domain}"] = Page(listing_page(domain).encode())
    web.add_site(Site(domain, {"/": Page(markup.encode())}))


PARKING = Parking(STYLES, lander, _NOTICE_LAND, _ENGLISH, _open_markets, _serve)


# Real businesses whose pages sell things, domain names included.
SELLERS: tuple[tuple[Land, str, str, str, str], ...] = (
    (KE, "Kilima Domains", "Technology, Information and Internet", "Sajili kikoa cha .co.ke leo; tunauza pia vikoa vya hadhi ya juu na kutoa huduma za hosting.", "hubspot"),  # noqa: E501
    (CL, "Automotora Los Andes", "Retail Motor Vehicles", "Autos usados en venta con garantía mecánica; recibimos tu auto en parte de pago.", "elementor"),  # noqa: E501
    (CZ, "Reality Vltavská Niva", "Real Estate", "Byty a rodinné domy na prodej v Brně a okolí, odhad ceny nemovitosti zdarma.", "drupal"),  # noqa: E501
    (EE, "Metsamaa Kinnisvara", "Real Estate", "Müüa metsakinnistud ja põllumaa üle Eesti – küsi pakkumist.", "ghost"),  # noqa: E501
    (MY, "Hartanah Seri Alam", "Real Estate", "Rumah teres dan kondominium untuk dijual di Johor Bahru, pinjaman dibantu.", "google_sites"),  # noqa: E501
    (PE, "Dominios del Inca", "Technology, Information and Internet", "Somos registrador de dominios .pe: registra, transfiere o compra dominios premium en venta.", "framer"),  # noqa: E501
)  # fmt: skip


SIBLINGS = (" Holding", " Digital", " Invest", " Services")
# (home, where a namesake has the LinkedIn page)
NO_LINKEDIN = tuple(
    zip(
        (KE, PE, CL, CO, CZ, EE, LV, SI, AL, MY, AZ, UZ),
        (MY, CL, PE, CZ, SI, LV, EE, AL, CO, KE, UZ, AZ),
        strict=True,
    )
)


# Same-name pairs: (name, (land, town index, industry, what it does) twice).
TWINS: tuple[tuple[str, tuple[Land, int, str, str], tuple[Land, int, str, str]], ...] = (
    ("Andes Freight", (PE, 0, "Truck Transportation", "transporta concentrado de minerales desde las minas"), (CL, 1, "Truck Transportation", "transporta fruta fresca hasta el puerto")),  # noqa: E501
    ("Aurum Dental", (CZ, 0, "Medical Practices", "zavádí zubní implantáty a korunky"), (SI, 1, "Medical Practices", "izvaja estetsko zobozdravstvo in beljenje")),  # noqa: E501
    ("Safari Solar", (KE, 0, "Renewable Energy Semiconductor Manufacturing", "husimika paneli za jua kwenye mashamba"), (KE, 1, "Retail", "huuza taa za sola na betri kwa maduka")),  # noqa: E501
    ("Baltic Timberworks", (EE, 0, "Wood Product Manufacturing", "toodab liimpuitu ja palke"), (LV, 1, "Wood Product Manufacturing", "ražo kokskaidu granulas apkurei")),  # noqa: E501
    ("Pacific Rim Foods", (MY, 0, "Food Production", "mengeluarkan mi segera dan bihun"), (CO, 1, "Food Production", "produce arepas congeladas para supermercados")),  # noqa: E501
    ("Caspian Trade House", (AZ, 0, "Wholesale", "neft avadanlığının topdan satışı ilə məşğuldur"), (UZ, 1, "Wholesale", "qurilish materiallarini ulgurji sotadi")),  # noqa: E501
    ("Adriatic Marine", (AL, 0, "Maritime Transportation", "ofron shërbime tragetesh drejt Italisë"), (SI, 2, "Maritime Transportation", "opravlja pristaniške in pretovorne storitve")),  # noqa: E501
    ("Condor Andino", (CO, 0, "Insurance", "ofrece seguros de vida y de salud"), (CO, 0, "Construction", "construye vivienda de interés social")),  # noqa: E501
    ("Nova Spedice", (CZ, 1, "Truck Transportation", "vozí zboží do Německa a Rakouska"), (RSL, 0, "Truck Transportation", "prevozi robu ka Mađarskoj i Austriji")),  # noqa: E501
    ("Meridiano Consultores", (PE, 1, "Business Consulting and Services", "asesora a pymes en materia tributaria"), (PE, 2, "Business Consulting and Services", "elabora estudios de mercado para exportadores")),  # noqa: E501
)  # fmt: skip


IDENTITY = IdentityClasses(
    parking=PARKING,
    sellers=SELLERS,
    no_linkedin=NO_LINKEDIN,
    no_linkedin_templates=PLAIN,
    siblings=SIBLINGS,
    twins=TWINS,
    twin_templates=PLAIN,
)
