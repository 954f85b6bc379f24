"""The whole sixth web, the same from the same seed every time."""

from __future__ import annotations

from bench.accuracy_web.land_catalogue import LandClasses, build_land_web
from bench.accuracy_web.model import Web
from bench.accuracy_web.sixth.classes_corporate import CORPORATE
from bench.accuracy_web.sixth.classes_identity import IDENTITY
from bench.accuracy_web.sixth.classes_scripts import SCRIPTS
from bench.accuracy_web.sixth.classes_sites import SITES
from bench.accuracy_web.sixth.make import Maker

SEED = 60617
CLASSES = LandClasses(SITES, CORPORATE, IDENTITY, SCRIPTS)


def build_sixth(seed: int = SEED) -> Web:
    return build_land_web(Maker(seed), CLASSES)
