"""The seventh web's tables for the classes about the site itself: builder and framework
shapes, legacy encodings (Windows-1254, -1258, -1256, -1255, KOI8-U, ISO-8859-8, ...), deep
links pasted as the website, and sites that are down, gone or slow."""

from __future__ import annotations

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_sites import SiteClasses
from bench.accuracy_web.seventh.lands import (
    AE,
    BD,
    BR,
    ID,
    IL,
    IR,
    KZ,
    LA,
    LKS,
    LKT,
    MM,
    MN,
    PH,
    PL,
    TR,
    UA,
    VN,
)
from bench.accuracy_web.seventh.templates import PLAIN

# Each template twice; the first of each pair links its LinkedIn page from the site.
SHAPES: tuple[tuple[str, Land, Land], ...] = (
    ("squarespace", BR, PH),
    ("wix", PH, ID),
    ("webflow", PL, BR),
    ("storefront", ID, VN),
    ("tilda", TR, PL),
    ("bitrix", VN, TR),
    ("jimdo", BR, ID),
    ("nextjs", PL, PH),
    ("nuxt", TR, AE),
    ("carrd", ID, BR),
    ("spa_jsonld", VN, LKS),
    ("og_only", PH, TR),
    ("twitter_only", BD, PL),
    ("hero_h2", LKT, VN),
    ("noscript", AE, ID),
)
PRODUCTS = ("Kopi Luwak 250 g", "Batik tulis", "Sambal roa", "Teh melati")

ENCODED: tuple[tuple[Land, str, bool, str], ...] = (
    (TR, "windows-1254", False, "squarespace"),
    (VN, "windows-1258", True, "webflow"),
    (PL, "iso-8859-2", True, "tilda"),
    (UA, "koi8-u", True, "bitrix"),
    (UA, "windows-1251", False, "carrd"),
    (AE, "windows-1256", True, "carrd"),
    (IL, "windows-1255", False, "jimdo"),
    (IL, "iso-8859-8", True, "webflow"),
    (IR, "windows-1256", False, "hero_h2"),
    (KZ, "windows-1251", True, "bitrix"),
    (BR, "iso-8859-15", False, "squarespace"),
    (MN, "windows-1251", True, "tilda"),
)

# (land, pasted path, the site moves visitors to www, pasted on the mobile name)
DEEP: tuple[tuple[Land, str, bool, bool], ...] = (
    (VN, "/vi/gioi-thieu.html?fbclid=IwAR3xQ", False, False),
    (TR, "/tr/iletisim/", True, False),
    (PL, "/pl/kontakt?gclid=Cj0KCQiA", False, True),
    (BR, "/#/quem-somos", True, False),
    (ID, "/index.php/id/tentang-kami", False, False),
    (PH, "/home?hsLang=en", True, True),
    (UA, "/uk/kontakty/", False, False),
    (KZ, "/kk/baylanys", True, False),
    (AE, "/ar/about-us/?lang=ar", False, True),
    (IL, "/he/#contact", True, False),
    (BD, "/bn/contact.php?id=3&sid=9f2c", False, False),
    (MN, "/mn/news/2025/05/", True, False),
)

FATES: tuple[tuple[Land, str, int], ...] = (
    (VN, "down", 502),
    (TR, "down", 503),
    (BD, "down", 508),
    (MM, "down", 520),
    (PL, "gone", 0),
    (LA, "gone", 0),
    (ID, "gone", 0),
    (MN, "refused", 0),
    (BR, "refused", 0),
    (PH, "slow", 0),
    (IR, "slow", 0),
    (KZ, "slow", 0),
)

SITES = SiteClasses(
    shapes=SHAPES,
    products=PRODUCTS,
    shape_suffixes=("", "-tbk", "-official", "-3"),
    encoded=ENCODED,
    deep=DEEP,
    deep_suffixes=("", "-group", "-global"),
    deep_templates=PLAIN,
    mobile_names=("mobile", "wap"),
    fates=FATES,
    fate_suffixes=("", "-jsc", "-llc"),
    slow_templates=("tilda", "carrd", "hero_h2"),
    slow_delay=4.5,
    down_template="webflow",
)
