"""A whole web drawn by land, in the order its classes are made: the same from the same
seed every time."""

from __future__ import annotations

from dataclasses import dataclass

from bench.accuracy_web import land_corporate, land_identity, land_scripts, land_sites
from bench.accuracy_web.land_corporate import CorporateClasses
from bench.accuracy_web.land_identity import IdentityClasses
from bench.accuracy_web.land_maker import LandMaker
from bench.accuracy_web.land_scripts import ScriptClasses
from bench.accuracy_web.land_sites import SiteClasses
from bench.accuracy_web.model import Web


@dataclass(frozen=True)
class LandClasses:
    """One web's tables for the classes every web drawn by land makes the same way."""

    sites: SiteClasses
    corporate: CorporateClasses
    identity: IdentityClasses
    scripts: ScriptClasses


def build_land_web(m: LandMaker, c: LandClasses) -> Web:
    """The web `m` draws from `c`."""
    # Hand-named classes first, so generated names keep clear of theirs; the marketplace
    # site (parked) before the renames that send old domains to it.
    land_identity.twins(m, c.identity)
    land_identity.not_parked(m, c.identity)
    land_corporate.acronyms(m, c.corporate)
    land_identity.parked(m, c.identity)
    land_corporate.rebrands(m, c.corporate)
    land_corporate.groups(m, c.corporate)
    land_corporate.part_of(m, c.corporate)
    land_sites.presentation(m, c.sites)
    land_sites.encodings(m, c.sites)
    land_sites.deep_links(m, c.sites)
    land_sites.availability(m, c.sites)
    land_identity.no_linkedin(m, c.identity)
    land_scripts.scripts(m, c.scripts)
    land_scripts.diacritics(m, c.scripts)
    return m.web
