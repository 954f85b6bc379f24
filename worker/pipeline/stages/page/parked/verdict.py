"""The signals weighed together into one verdict with its reasons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from worker.pipeline.stages.page.page_facts import PageFacts
from worker.pipeline.stages.page.parked import redirects, signals
from worker.pipeline.stages.page.parked.signals import Landing, Signal

# A page is parked when its evidence weighs at least this much and at least one piece
# of it is about the domain itself: a tiny honest site (a few words, its domain as the
# title) or a shop full of "for sale" never gets there on shape and selling words alone.
# One domain-centric signal of this weight (landing on a marketplace) decides alone: the
# content then is the marketplace's, and says nothing about the company.
PARKED_AT = 1.0

SIGNALS: tuple[Callable[[Landing], Signal | None], ...] = (
    redirects.landed_on_marketplace,
    redirects.script_redirect,
    redirects.marketplace_frame,
    redirects.frame_about_domain,
    signals.marketplace_links,
    signals.parking_scripts,
    signals.server_page,
    signals.sale_wording,
    signals.parking_wording,
    signals.own_domain_for_sale,
    signals.domain_financing,
    signals.selling_words,
    signals.title_is_domain,
    signals.headline_is_domain,
    signals.offer_form,
    signals.content_amount,
)


@dataclass(frozen=True)
class ParkingVerdict:
    parked: bool
    score: float
    signals: tuple[Signal, ...]

    @property
    def reason(self) -> str:
        """What the rows' notes say: the evidence for, strongest first."""
        found = sorted((s for s in self.signals if s.weight > 0), key=lambda s: -s.weight)
        return "parked domain page: " + "; ".join(s.detail for s in found)


def judge(url: str, facts: PageFacts, redirects: tuple[str, ...] = ()) -> ParkingVerdict:
    """Whether the page at `url` (reached through `redirects`) is a parked or for-sale lander."""
    page = Landing(url, facts, redirects)
    found = tuple(signal for check in SIGNALS if (signal := check(page)) is not None)
    score = round(sum(signal.weight for signal in found), 2)
    centric = [signal.weight for signal in found if signal.domain_centric]
    parked = bool(centric) and (score >= PARKED_AT or max(centric) >= PARKED_AT)
    return ParkingVerdict(parked, score, found)


def parking_reason(url: str, facts: PageFacts, redirects: tuple[str, ...] = ()) -> str | None:
    """Why the page is a parked or for-sale domain, or None when it is not."""
    verdict = judge(url, facts, redirects)
    return verdict.reason if verdict.parked else None
