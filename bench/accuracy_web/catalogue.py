"""The whole labelled web, generated the same way from the same seed every time."""

from __future__ import annotations

from bench.accuracy_web.builder import Builder
from bench.accuracy_web.classes_identity import (
    acronyms,
    groups,
    no_linkedin,
    parked,
    rebrands,
    scripts,
    twins,
)
from bench.accuracy_web.classes_more import more_classes
from bench.accuracy_web.classes_other_scripts import (
    informal_russian,
    other_scripts_down,
    other_scripts_latin_rows,
    other_scripts_own_rows,
)
from bench.accuracy_web.classes_scripts import (
    cjk_logo_names,
    kazakh_latin,
    rebrand_redirects,
    romanised_cjk,
)
from bench.accuracy_web.classes_site import availability, encodings, presentation, redirects
from bench.accuracy_web.model import Web

SEED = 20261206


def build_web(seed: int = SEED) -> Web:
    b = Builder(seed)
    for make in (
        presentation,
        redirects,
        availability,
        encodings,
        twins,
        acronyms,
        parked,
        no_linkedin,
        scripts,
        rebrands,
        groups,
        # Added later, after the others, so the classes above are generated as before.
        cjk_logo_names,
        romanised_cjk,
        kazakh_latin,
        rebrand_redirects,
        other_scripts_latin_rows,
        other_scripts_own_rows,
        other_scripts_down,
        informal_russian,
        # Added after the fresh web's first run.
        more_classes,
    ):
        make(b)
    return b.web
