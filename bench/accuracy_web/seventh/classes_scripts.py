"""The seventh web's countries and templates for names in other scripts (the row writes the
company's own script, its own Latin spelling, an informal or English one, or its own script
while the site writes Latin letters) and for Latin names a list writes without diacritics."""

from __future__ import annotations

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_scripts import ScriptClasses
from bench.accuracy_web.seventh.lands import (
    AE,
    BD,
    IL,
    IR,
    KZ,
    LA,
    LKS,
    LKT,
    MM,
    MN,
    PL,
    TR,
    UA,
    VN,
)

SCRIPT_LANDS: tuple[tuple[Land, int], ...] = (
    (UA, 3),
    (KZ, 3),
    (AE, 3),
    (IL, 3),
    (IR, 3),
    (BD, 3),
    (LKS, 3),
    (LKT, 3),
    (MM, 3),
    (LA, 3),
    (MN, 3),
)
TEMPLATES = ("webflow", "carrd", "squarespace", "jimdo", "tilda", "hero_h2", "about_link", "nuxt")
SCRIPTS = ScriptClasses(
    script_lands=SCRIPT_LANDS,
    script_templates=TEMPLATES,
    script_suffixes=("", "-co", "-ltd"),
    diacritic_lands=(VN, TR, PL, VN, TR, PL),
    diacritic_templates=("wix", "carrd", "tilda"),
)
