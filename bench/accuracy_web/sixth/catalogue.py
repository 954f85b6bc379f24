"""The whole sixth web, the same from the same seed every time."""

from __future__ import annotations

from bench.accuracy_web.model import Web
from bench.accuracy_web.sixth.classes_corporate import acronyms, groups, part_of, rebrands
from bench.accuracy_web.sixth.classes_identity import no_linkedin, not_parked, parked, twins
from bench.accuracy_web.sixth.classes_scripts import diacritics, scripts
from bench.accuracy_web.sixth.classes_sites import (
    availability,
    deep_links,
    encodings,
    presentation,
)
from bench.accuracy_web.sixth.make import Maker

SEED = 60617


def build_sixth(seed: int = SEED) -> Web:
    m = Maker(seed)
    # Hand-named classes first, so generated names keep clear of theirs; the marketplace
    # site (parked) before the renames that send old domains to it.
    for make in (
        twins,
        not_parked,
        acronyms,
        parked,
        rebrands,
        groups,
        part_of,
        presentation,
        encodings,
        deep_links,
        availability,
        no_linkedin,
        scripts,
        diacritics,
    ):
        make(m)
    return m.web
