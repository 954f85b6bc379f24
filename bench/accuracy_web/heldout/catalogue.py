"""The whole held-out web, the same from the same seed every time."""

from __future__ import annotations

from bench.accuracy_web.heldout.classes_corporate import acronyms, groups, rebrands
from bench.accuracy_web.heldout.classes_identity import (
    no_linkedin,
    not_parked,
    parked,
    scripts,
    translations,
    twins,
)
from bench.accuracy_web.heldout.classes_sites import (
    availability,
    encodings,
    presentation,
    redirects,
)
from bench.accuracy_web.heldout.make import Maker
from bench.accuracy_web.model import Web

SEED = 7411


def build_heldout(seed: int = SEED) -> Web:
    m = Maker(seed)
    # Classes with hand-written names first, so generated names keep clear of them.
    for make in (
        rebrands,
        groups,
        acronyms,
        presentation,
        redirects,
        availability,
        encodings,
        parked,
        not_parked,
        no_linkedin,
        twins,
        scripts,
        translations,
    ):
        make(m)
    return m.web
