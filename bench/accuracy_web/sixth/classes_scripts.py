"""The sixth web's countries and templates for names in other scripts (the row writes the
company's own script, its own Latin spelling, an informal romanisation, or its own script
while the site writes Latin letters) and for Latin names a list writes without diacritics."""

from __future__ import annotations

from bench.accuracy_web.land import Land
from bench.accuracy_web.land_scripts import ScriptClasses
from bench.accuracy_web.sixth.lands import AZ, CZ, ET, GR, KH, LV, NP, RS, UZC

SCRIPT_LANDS: tuple[tuple[Land, int], ...] = (
    (ET, 3),
    (KH, 3),
    (GR, 3),
    (RS, 4),
    (UZC, 2),
    (NP, 3),
)
TEMPLATES = ("drupal", "framer", "microdata", "ghost", "rdfa", "hubspot", "about_only")
SCRIPTS = ScriptClasses(
    script_lands=SCRIPT_LANDS,
    script_templates=TEMPLATES,
    script_suffixes=("", "-plc"),
    diacritic_lands=(AZ, CZ, LV, AZ, CZ, LV),
    diacritic_templates=("elementor", "drupal", "google_sites"),
)
