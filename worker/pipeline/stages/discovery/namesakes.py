"""Holding a candidate back when it is not the only plausible one: a namesake in the row's
own city that the row's industry does not tell apart, or a candidate that could not be
read this time. A guess between namesakes goes to review, not into the CRM."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from shared.company_keys import name_key, registered_domain
from worker.pipeline.matching import domain_similarity
from worker.pipeline.row_place import RowPlace

if TYPE_CHECKING:
    from worker.pipeline.stages.discovery.website_search import Candidate

# Fetch failures that say nothing about the site: it may answer next time (a dropped
# connection is one; a name that does not resolve, a refusal by robots.txt are not).
PASSING = ("timeout", "throttled", "unreachable")
# Two namesakes this close in confidence are both plausible.
_RIVAL_GAP = 0.1
# An unread candidate whose domain spells the name this well may be the company's site.
_MAY_BE_OWN = 0.75


def _claims(candidate: Candidate, key: str) -> bool:
    """Whether the page calls its owner by the row's name (its title or site name), as a
    namesake does and a parent group that lists the company does not."""
    facts = candidate.facts
    return facts is not None and any(name_key(n) == key for n in facts.identity_names())


def undecided(best: Candidate, usable: list[Candidate], name: str, accept: float) -> Candidate:
    """The best candidate, held below the acceptance line when a namesake's site in the
    row's own city is as plausible and the row's industry does not tell them apart, or
    when the best does not name the row's city and a namesake as plausible does: a guess
    between twins goes to review, not into the CRM."""
    key = name_key(name)
    if best.confidence < accept or not _claims(best, key):
        return best
    own = registered_domain(best.url)
    for rival in usable:
        if (
            registered_domain(rival.url) == own
            or rival.confidence < max(accept, best.confidence - _RIVAL_GAP)
            or not rival.names_city
            or not _claims(rival, key)
        ):
            continue
        if best.names_city and rival.industry.verdict >= best.industry.verdict:
            why = f"a namesake in the same city is as plausible ({rival.url})"
        elif not best.names_city:
            # The row's city is a firmer fact than a trade word the page happens to use.
            why = f"a namesake that names the row's city is as plausible ({rival.url})"
        else:
            continue
        held = round(min(best.confidence, accept - 0.01), 2)
        return replace(best, confidence=held, evidence=f"{best.evidence}, {why}")
    return best


def unread_rival(
    best: Candidate, usable: list[Candidate], place: RowPlace | None, accept: float, name: str
) -> Candidate:
    """The best candidate, held below the acceptance line when it does not name the row's
    city, or does not speak of the row's industry, and another candidate could not be read
    this time: the unread one may be the company's own site, and its namesake would
    otherwise pass unopposed. Only an unread candidate whose domain spells the name may be
    (a directory's listing on its own domain is nobody's site, and busy directories are
    the hosts that ask a crawler to wait)."""
    if best.confidence < accept or place is None:
        return best
    unsure_place = bool(place.city) and not best.names_city
    if not (unsure_place or best.industry.verdict < 0):
        return best
    unread = next(
        (
            c
            for c in usable
            if c.unread
            and c is not best
            and domain_similarity(name, registered_domain(c.url)) >= _MAY_BE_OWN
        ),
        None,
    )
    if unread is None:
        return best
    why = f"another candidate could not be read ({unread.url}: {unread.unread})"
    held = round(min(best.confidence, accept - 0.01), 2)
    return replace(best, confidence=held, evidence=f"{best.evidence}, {why}")
