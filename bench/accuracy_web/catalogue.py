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
        # Added after the fresh web's first run: the keys before them keep their rows.
        more_classes,
    ):
        make(b)
    return b.web
