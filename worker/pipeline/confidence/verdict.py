"""Scores made of independent pieces of evidence, and what a score decides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    ACCEPT = "accept"  # the field is filled
    REVIEW = "review"  # plausible: the field stays empty, the candidate goes to review
    REJECT = "reject"


@dataclass(frozen=True)
class Score:
    confidence: float
    evidence: tuple[str, ...] = ()

    def describe(self) -> str:
        return ", ".join(self.evidence) or "no evidence"


def combine(weights: Iterable[float]) -> float:
    """Noisy-OR: each piece of evidence alone would make the match this likely; together
    they leave room for error only where every one of them could be wrong."""
    doubt = 1.0
    for weight in weights:
        doubt *= 1.0 - min(max(weight, 0.0), 1.0)
    return round(1.0 - doubt, 3)


def verdict(confidence: float, floor: float, accept: float) -> Verdict:
    if confidence >= accept:
        return Verdict.ACCEPT
    if confidence >= floor:
        return Verdict.REVIEW
    return Verdict.REJECT


def review_entry(field: str, url: str, score: Score) -> str:
    """One line of `Review_Candidates`: what was set aside, how sure, and why."""
    return f"{field}: {url} ({score.confidence:.2f}; {score.describe()})"
