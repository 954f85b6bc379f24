"""A person's decision on a row left for review, and what it does to the row.

The pipeline leaves a plausible but doubtful website or LinkedIn page out of its field,
marks the row `needs_review` and lists the candidate in `Review_Candidates`
(`website: <url> (<confidence>; <evidence>) | LinkedIn: <url> (...)`). Accepting fills
the fields from those candidates and makes the row `ok`; rejecting keeps them empty. The
decision is stored beside the session's results, never in them, and applied wherever rows
are shown: result pages, filters and downloads.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.reviews import Outcome, ReviewDecision
from shared.rows import ResultRow, RowStatus

__all__ = ["ReviewDecision", "ReviewRequest", "decided", "in_review", "outcome_of"]

NEEDS_REVIEW = "needs_review"
# `website: https://x.example/ (0.70; ...)`: the field and the URL of one candidate.
_CANDIDATE = re.compile(r"^\s*(website|LinkedIn):\s+(\S+)", re.IGNORECASE)


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["accept", "reject"] = Field(
        description="`accept`: fill the fields from the candidates; `reject`: keep them empty"
    )


def candidates_of(text: str) -> dict[str, str]:
    """The candidate URL per field (`website`, `linkedin`); the first of each counts."""
    found: dict[str, str] = {}
    for entry in text.split(" | "):
        match = _CANDIDATE.match(entry)
        if match:
            found.setdefault(match.group(1).lower(), match.group(2))
    return found


def in_review(row: ResultRow) -> bool:
    return row.row_status == NEEDS_REVIEW


def outcome_of(row: ResultRow, decision: Literal["accept", "reject"]) -> Outcome:
    """The status a row in review gets from the decision."""
    return "ok" if decision == "accept" or row.official_website else "not_found"


def decided(row: ResultRow, decision: ReviewDecision) -> ResultRow:
    """The row as the decision leaves it; a row no longer in review (a retry round found
    it anew, say) is left as it is."""
    if not in_review(row):
        return row
    candidates = candidates_of(decision.candidates)
    if decision.decision == "accept":
        update: dict[str, object] = {"row_status": RowStatus.OK, "error": ""}
        update.update(_filled(candidates))
    else:
        update = {"row_status": RowStatus(outcome_of(row, "reject"))}
    return row.model_copy(update={**update, "notes": _noted(row.notes, decision, candidates)})


def _filled(candidates: dict[str, str]) -> dict[str, object]:
    update: dict[str, object] = {}
    if "website" in candidates:
        update["official_website"] = candidates["website"]
    if "linkedin" in candidates:
        update["linkedin_url"] = candidates["linkedin"]
    return update


def _noted(notes: str, decision: ReviewDecision, candidates: dict[str, str]) -> str:
    verb = "accepted" if decision.decision == "accept" else "rejected"
    note = f"review: a person {verb} " + ", ".join(candidates.values())
    return f"{notes}; {note}" if notes else note


def inherited(row: ResultRow, decision: ReviewDecision) -> ResultRow:
    """A duplicate of a reviewed row: its first occurrence's findings as decided, while
    it stays a duplicate."""
    if not row.review_candidates:
        return row  # its first occurrence is no longer in review
    candidates = candidates_of(decision.candidates)
    update: dict[str, object] = {"notes": _noted(row.notes, decision, candidates)}
    if decision.decision == "accept":
        update.update(_filled(candidates), error="")
    return row.model_copy(update=update)


def with_decisions(rows: list[ResultRow], decisions: dict[int, ReviewDecision]) -> list[ResultRow]:
    """`rows` as the decisions leave them, a duplicate following its first occurrence's."""
    if not decisions:
        return rows
    return [_applied(row, decisions) for row in rows]


def _applied(row: ResultRow, decisions: dict[int, ReviewDecision]) -> ResultRow:
    if row.row in decisions:
        return decided(row, decisions[row.row])
    first = row.duplicate_of
    if row.row_status is RowStatus.DUPLICATE and first is not None and first in decisions:
        return inherited(row, decisions[first])
    return row
