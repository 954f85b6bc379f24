"""The whole fresh web, the same from the same seed every time."""

from __future__ import annotations

from bench.accuracy_web.fresh.build import Maker
from bench.accuracy_web.fresh.classes_corporate import acronyms, groups, part_of, rebrands
from bench.accuracy_web.fresh.classes_identity import (
    no_linkedin,
    not_parked,
    parked,
    scripts,
    twins,
)
from bench.accuracy_web.fresh.classes_more import more_scripts
from bench.accuracy_web.fresh.classes_sites import availability, deep_links, encodings, presentation
from bench.accuracy_web.model import Web

SEED = 44021


def build_fresh(seed: int = SEED) -> Web:
    m = Maker(seed)
    # Hand-named classes first: generated names then keep clear of theirs.
    for make in (
        twins,
        not_parked,
        acronyms,
        rebrands,
        part_of,
        groups,
        presentation,
        encodings,
        deep_links,
        availability,
        parked,
        no_linkedin,
        scripts,
        # Added after the first run: the keys before it keep their rows.
        more_scripts,
    ):
        make(m)
    return m.web
