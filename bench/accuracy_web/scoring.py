"""Result rows against the labels: website precision and recall, LinkedIn accuracy,
description grounding, wrong-company rows, precision per confidence band, failures.

Columns are read by name, newest first (`Website_Confidence`, then `Match_Confidence`), so
the scorer measures today's results and richer ones alike."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bench.accuracy_web.model import Company
from shared.company_keys import registered_domain

BANDS = (
    (0.9, "[0.9,1]"),
    (0.8, "[0.8,0.9)"),
    (0.7, "[0.7,0.8)"),
    (0.6, "[0.6,0.7)"),
    (0.0, "[0,0.6)"),
)
UNSCORED = "no score"
FLAGGED = ("dead_url", "blocked_url")
HIGH_BANDS = ("[0.9,1]", "[0.8,0.9)")
_LINKEDIN = re.compile(r"linkedin\.com/company/([^/?#]+)", re.IGNORECASE)
GROUNDED_SHARE = 0.6  # of the description's 5-character shingles found on the company's site


def cell(row: dict[str, Any], *columns: str) -> str:
    """The first of `columns` the row has a non-empty value for."""
    for column in columns:
        value = row.get(column)
        if value not in (None, ""):
            return str(value).strip()
    return ""


def linkedin_slug(url: str) -> str | None:
    found = _LINKEDIN.search(url or "")
    return found.group(1).lower().rstrip("/") if found else None


def _shingles(text: str) -> set[str]:
    flat = " ".join(text.casefold().split())
    return {flat[i : i + 5] for i in range(max(len(flat) - 4, 0))}


def grounded(description: str, site_text: str) -> bool:
    """The description's text comes from the site (copied, or closely written from it)."""
    own = _shingles(description)
    return bool(own) and len(own & _shingles(site_text)) / len(own) >= GROUNDED_SHARE


def band(confidence: str) -> str:
    try:
        value = float(confidence)
    except ValueError:
        return UNSCORED
    return next(label for floor, label in BANDS if value >= floor)


@dataclass
class Failure:
    key: str
    cls: str
    name: str
    kind: str  # website_wrong, website_missed, linkedin_wrong, linkedin_missed, ...
    expected: str
    got: str
    confidence: str
    status: str


@dataclass
class Score:
    rows: int = 0
    website_filled: int = 0
    website_flagged: int = 0  # given back with a dead_url or blocked_url status
    website_correct: int = 0
    website_truth: int = 0
    website_found: int = 0
    homepage_exact: int = 0
    linkedin_correct: int = 0
    linkedin_filled: int = 0
    linkedin_filled_correct: int = 0
    description_expected: int = 0
    description_grounded: int = 0
    description_ungrounded: int = 0
    wrong_rows: int = 0
    wrong_rows_high: int = 0  # a wrong field with confidence >= 0.8
    wrong_rows_unscored: int = 0  # every wrong field without a confidence
    statuses: Counter[str] = field(default_factory=Counter)
    website_bands: dict[str, list[int]] = field(default_factory=dict)
    linkedin_bands: dict[str, list[int]] = field(default_factory=dict)
    sources: dict[str, list[int]] = field(default_factory=dict)
    review_rows: int = 0
    review_with_truth: int = 0
    failures: list[Failure] = field(default_factory=list)
    classes: Counter[str] = field(default_factory=Counter)

    @staticmethod
    def ratio(part: int, whole: int) -> float:
        return part / whole if whole else 0.0


def _tally(table: dict[str, list[int]], label: str, correct: bool) -> None:
    counts = table.setdefault(label, [0, 0])
    counts[0] += 1
    counts[1] += int(correct)


def score(rows: list[dict[str, Any]], labels: dict[str, Company]) -> Score:
    result = Score()
    for row in rows:
        company = labels.get(cell(row, "Ref"))
        if company is not None:
            _score_row(result, row, company)
    return result


def _score_row(result: Score, row: dict[str, Any], company: Company) -> None:
    result.rows += 1
    result.classes[company.cls] += 1
    status = cell(row, "Row_Status")
    result.statuses[status] += 1
    confidence = cell(row, "Website_Confidence", "Match_Confidence")

    def fail(kind: str, expected: str | None, got: str, conf: str = confidence) -> None:
        failure = Failure(
            company.key,
            company.cls,
            company.name,
            kind,
            expected or "(none)",
            got or "(empty)",
            conf,
            status,
        )
        result.failures.append(failure)

    website = cell(row, "Official_Website")
    # A website the row itself flags as dead or blocked is handed back, not accepted.
    flagged = status in FLAGGED
    result.website_flagged += bool(website) and flagged
    domain = registered_domain(website) if website and not flagged else None
    wrong_bands: list[str] = []  # the confidence band of each wrong field
    if company.website and company.live:
        result.website_truth += 1
    if domain:
        correct = domain == company.website
        result.website_filled += 1
        result.website_correct += correct
        result.website_found += correct and company.live
        canonical = website.rstrip("/") == (company.homepage or "").rstrip("/")
        result.homepage_exact += correct and canonical
        _tally(result.website_bands, band(confidence), correct)
        _tally(result.sources, f"website {cell(row, 'Website_Source') or '(no column)'}", correct)
        if not correct:
            fail("website_wrong", company.website, website)
            wrong_bands.append(band(confidence))
    elif company.website and company.live:
        fail("website_missed", company.website, website or cell(row, "Error"))

    linkedin = linkedin_slug(cell(row, "LinkedIn_URL"))
    truth = linkedin_slug(company.linkedin or "")
    link_conf = cell(row, "LinkedIn_Confidence")
    result.linkedin_correct += linkedin == truth
    if linkedin:
        result.linkedin_filled += 1
        result.linkedin_filled_correct += linkedin == truth
        _tally(result.linkedin_bands, band(link_conf), linkedin == truth)
        _tally(
            result.sources,
            f"linkedin {cell(row, 'LinkedIn_Source') or '(no column)'}",
            linkedin == truth,
        )
        if linkedin != truth:
            fail("linkedin_wrong", company.linkedin, cell(row, "LinkedIn_URL"), link_conf)
            wrong_bands.append(band(link_conf))
    elif truth:
        fail("linkedin_missed", company.linkedin, "", link_conf)

    description = cell(row, "Description")
    if company.grounding:
        result.description_expected += 1
    if description:
        if grounded(description, company.site_text):
            result.description_grounded += bool(company.grounding)
        else:
            result.description_ungrounded += 1
            fail("description_ungrounded", company.grounding, description[:90])
            wrong_bands.append(band(confidence))
    elif company.grounding:
        fail("description_missed", company.grounding[:60], cell(row, "Error"))

    if status == "needs_review":
        result.review_rows += 1
        candidates = cell(row, "Review_Candidates")
        result.review_with_truth += bool(company.website and company.website in candidates)
    if wrong_bands:
        result.wrong_rows += 1
        result.wrong_rows_high += any(b in HIGH_BANDS for b in wrong_bands)
        result.wrong_rows_unscored += all(b == UNSCORED for b in wrong_bands)
