"""The blind web's tables for the classes about the site itself: CMS and builder shapes,
legacy encodings, deep links pasted as the website, and sites that are down, gone or slow."""

from __future__ import annotations

from bench.accuracy_web.blind.lands import (
    AM,
    BY,
    DK,
    FI,
    GE,
    HR,
    HU,
    ID,
    KG,
    LT,
    MK,
    MN,
    NG,
    NO,
    PH,
    RO,
    SK,
    VN,
)
from bench.accuracy_web.land import Land
from bench.accuracy_web.land_sites import SiteClasses

# Each template twice; the first of each pair links its LinkedIn page from the site.
SHAPES: tuple[tuple[str, Land, Land], ...] = (
    ("jimdo", FI, ID),
    ("webnode", SK, HR),
    ("typo3", DK, LT),
    ("odoo", RO, NG),
    ("blogger", PH, HU),
    ("frontpage", NO, VN),
    ("shop", LT, DK),
    ("gatsby", HU, FI),
    ("astro", ID, NO),
    ("vue_state", HR, RO),
    ("jsonld_list", VN, SK),
    ("og_name", NG, PH),
    ("pictures", FI, GE),
)
PRODUCTS = ("Wool socks", "Oak cutting board", "Rye crispbread", "Linen apron")

ENCODED: tuple[tuple[Land, str, bool, str], ...] = (
    (FI, "iso-8859-15", True, "jimdo"),
    (HU, "windows-1250", False, "frontpage"),
    (RO, "iso-8859-16", True, "typo3"),
    (VN, "windows-1258", False, "webnode"),
    (LT, "windows-1257", True, "odoo"),
    (MK, "iso-8859-5", False, "frontpage"),
    (SK, "windows-1250", True, "blogger"),
    (BY, "windows-1251", False, "jimdo"),
)

# (land, pasted path, the site moves visitors to www, pasted on the mobile name)
DEEP: tuple[tuple[Land, str, bool, bool], ...] = (
    (FI, "/fi/yhteystiedot#kartta", False, False),
    (HU, "/index.php/hu/rolunk", True, False),
    (RO, "/Default.aspx?lang=ro&tab=2", False, False),
    (ID, "/tentang-kami/?fbclid=IwAR2x9", True, False),
    (DK, "/kontakt/", False, True),
    (NO, "/no/produkter/laks-fileter", True, False),
    (HR, "/hr/o-nama.html", False, False),
    (NG, "/services/solar-for-clinics?gclid=Cj0KCQ", True, True),
    (LT, "/lt/kontaktai", False, False),
    (PH, "/careers/apply#form", True, False),
    (KG, "/ru/o-kompanii/", False, False),
)

FATES: tuple[tuple[Land, str, int], ...] = (
    (FI, "down", 503),
    (RO, "down", 503),
    (AM, "down", 503),
    (PH, "down", 502),
    (DK, "gone", 0),
    (MN, "gone", 0),
    (SK, "gone", 0),
    (NO, "refused", 0),
    (ID, "refused", 0),
    (HU, "slow", 0),
    (HR, "slow", 0),
    (VN, "slow", 0),
)

SITES = SiteClasses(
    shapes=SHAPES,
    products=PRODUCTS,
    shape_suffixes=("", "-oy", "-ltd", "-1"),
    encoded=ENCODED,
    deep=DEEP,
    deep_suffixes=("", "-official", "-group-ltd"),
    deep_templates=("typo3", "odoo", "webnode", "jimdo", "blogger"),
    mobile_names=("m",),
    fates=FATES,
    fate_suffixes=("", "-as", "-llc"),
    slow_templates=("odoo", "jsonld_list", "typo3"),
    slow_delay=3.0,
    down_template="webnode",
)
