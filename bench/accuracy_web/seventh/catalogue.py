"""The whole seventh web, the same from the same seed every time."""

from __future__ import annotations

from bench.accuracy_web.land_catalogue import LandClasses, build_land_web
from bench.accuracy_web.model import Web
from bench.accuracy_web.seventh.classes_corporate import CORPORATE
from bench.accuracy_web.seventh.classes_identity import IDENTITY
from bench.accuracy_web.seventh.classes_more import redirect_chains, slugs_unlike_names
from bench.accuracy_web.seventh.classes_scripts import SCRIPTS
from bench.accuracy_web.seventh.classes_sites import SITES
from bench.accuracy_web.seventh.make import Maker

SEED = 70719
CLASSES = LandClasses(SITES, CORPORATE, IDENTITY, SCRIPTS)


def build_seventh(seed: int = SEED) -> Web:
    maker = Maker(seed)
    build_land_web(maker, CLASSES)
    redirect_chains(maker)
    slugs_unlike_names(maker)
    return maker.web
