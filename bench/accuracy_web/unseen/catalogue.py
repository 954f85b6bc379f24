"""The whole unseen web, the same from the same seed every time."""

from __future__ import annotations

from bench.accuracy_web.model import Web
from bench.accuracy_web.unseen.classes_corporate import acronyms, groups, rebrands
from bench.accuracy_web.unseen.classes_identity import (
    no_linkedin,
    not_parked,
    parked,
    scripts,
    twins,
)
from bench.accuracy_web.unseen.classes_sites import (
    availability,
    encodings,
    presentation,
    redirects,
)
from bench.accuracy_web.unseen.make import Maker

SEED = 91357


def build_unseen(seed: int = SEED) -> Web:
    m = Maker(seed)
    # Classes with hand-written names first, so generated names keep clear of them.
    for make in (
        rebrands,
        groups,
        acronyms,
        not_parked,
        presentation,
        redirects,
        availability,
        encodings,
        parked,
        no_linkedin,
        twins,
        scripts,
    ):
        make(m)
    return m.web
