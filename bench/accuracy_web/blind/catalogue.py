"""The whole blind web, the same from the same seed every time."""

from __future__ import annotations

from bench.accuracy_web.blind.classes_corporate import CORPORATE
from bench.accuracy_web.blind.classes_identity import IDENTITY
from bench.accuracy_web.blind.classes_scripts import SCRIPTS
from bench.accuracy_web.blind.classes_sites import SITES
from bench.accuracy_web.blind.make import Maker
from bench.accuracy_web.land_catalogue import LandClasses, build_land_web
from bench.accuracy_web.model import Web

SEED = 50311
CLASSES = LandClasses(SITES, CORPORATE, IDENTITY, SCRIPTS)


def build_blind(seed: int = SEED) -> Web:
    return build_land_web(Maker(seed), CLASSES)
