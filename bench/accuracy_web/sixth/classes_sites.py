"""The sixth web's tables for the classes about the site itself: CMS and builder shapes,
legacy encodings, deep links pasted as the website, and sites that are down, gone or slow."""

from __future__ import annotations

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_sites import SiteClasses
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
    NP,
    PE,
    RS,
    RSL,
    SI,
    UZ,
    UZC,
)
from bench.accuracy_web.sixth.templates import PLAIN

# Each template twice; the first of each pair links its LinkedIn page from the site.
SHAPES: tuple[tuple[str, Land, Land], ...] = (
    ("framer", CL, MY),
    ("ghost", EE, CO),
    ("hubspot", KE, CZ),
    ("elementor", AL, PE),
    ("drupal", LV, SI),
    ("google_sites", UZ, KE),
    ("hugo", SI, AZ),
    ("jekyll", CZ, EE),
    ("amp", CO, AL),
    ("frames", AZ, LV),
    ("rdfa", MY, CL),
    ("microdata", PE, UZ),
    ("shop", PE, CO),
)
PRODUCTS = ("Chompa de alpaca", "Chullo tejido", "Manta andina", "Café de Cusco")

ENCODED: tuple[tuple[Land, str, bool, str], ...] = (
    (CZ, "windows-1250", False, "drupal"),
    (GR, "iso-8859-7", True, "elementor"),
    (LV, "iso-8859-13", True, "ghost"),
    (RS, "windows-1251", False, "hubspot"),
    (CL, "iso-8859-1", False, "framer"),
    (SI, "iso-8859-2", True, "google_sites"),
    (EE, "windows-1257", False, "elementor"),
    (GR, "windows-1253", False, "drupal"),
    (AZ, "iso-8859-9", True, "ghost"),
    (UZC, "windows-1251", True, "framer"),
)

# (land, pasted path, the site moves visitors to www, pasted on the mobile name)
DEEP: tuple[tuple[Land, str, bool, bool], ...] = (
    (PE, "/es/nosotros/?utm_source=linkedin&utm_medium=social", False, False),
    (CZ, "/cs/kontakt.html", True, False),
    (EE, "/index.php?option=com_content&view=article&id=7", False, False),
    (CO, "/#!/servicios", True, False),
    (SI, "/sl/o-podjetju/", False, True),
    (KE, "/amp/about-us/", True, False),
    (LV, "/lv/sakums;jsessionid=A81F3C2D", False, False),
    (MY, "/ms/hubungi-kami/?ref=footer", True, True),
    (AL, "/sq/rreth-nesh", False, False),
    (UZ, "/uz/kontaktlar/", True, False),
    (GR, "/el/epikoinonia.php", False, False),
    (RSL, "/sr/kontakt/", True, False),
)

FATES: tuple[tuple[Land, str, int], ...] = (
    (PE, "down", 503),
    (CZ, "down", 503),
    (KH, "down", 503),
    (MY, "down", 521),
    (AZ, "down", 500),
    (EE, "gone", 0),
    (NP, "gone", 0),
    (CO, "gone", 0),
    (AL, "refused", 0),
    (LV, "refused", 0),
    (KE, "slow", 0),
    (SI, "slow", 0),
    (ET, "slow", 0),
)

SITES = SiteClasses(
    shapes=SHAPES,
    products=PRODUCTS,
    shape_suffixes=("", "-sac", "-ltda", "-2"),
    encoded=ENCODED,
    deep=DEEP,
    deep_suffixes=("", "-hq", "-co"),
    deep_templates=PLAIN,
    mobile_names=("m", "www2"),
    fates=FATES,
    fate_suffixes=("", "-sa", "-plc"),
    slow_templates=("drupal", "microdata", "ghost"),
    slow_delay=4.0,
    down_template="elementor",
)
