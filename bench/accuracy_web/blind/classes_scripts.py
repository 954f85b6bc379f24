"""The blind web's countries and templates for names in other scripts (the row writes the
company's own script, its own Latin spelling, an informal romanisation, or its own script
while the site writes Latin letters) and for Latin names a list writes without diacritics."""

from __future__ import annotations

from bench.accuracy_web.blind.lands import AM, BD, BY, GE, HU, IR, KG, LK, LT, MK, MN, RO, VN
from bench.accuracy_web.land import Land
from bench.accuracy_web.land_scripts import ScriptClasses

SCRIPT_LANDS: tuple[tuple[Land, int], ...] = (
    (GE, 3),
    (AM, 3),
    (MN, 3),
    (MK, 3),
    (BY, 3),
    (KG, 2),
    (IR, 3),
    (BD, 2),
    (LK, 2),
)
TEMPLATES = ("typo3", "jimdo", "jsonld_list", "odoo", "og_name", "webnode", "pictures")
SCRIPTS = ScriptClasses(
    script_lands=SCRIPT_LANDS,
    script_templates=TEMPLATES,
    script_suffixes=("", "-llc"),
    diacritic_lands=(VN, HU, LT, RO, VN, HU),
    diacritic_templates=("webnode", "odoo", "typo3"),
)
