"""A result row under construction: every stage records what it found and where from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from shared.criteria.model import ProductResult
from shared.fields.model import FieldAnswer
from shared.rows import PlannedRow, ResultRow, RowStatus


@dataclass
class RowDraft:
    row: PlannedRow
    website: str = ""
    linkedin_url: str = ""
    description: str = ""
    description_source: str = ""
    hubspot_company_id: str = ""
    status: RowStatus = RowStatus.OK
    match_confidence: float | None = None
    deep_search: str = ""
    deep_search_status: str = ""
    hubspot_status: str = ""
    qualification: list[ProductResult] = field(default_factory=list)
    qualification_status: str = ""
    custom_fields: list[FieldAnswer] = field(default_factory=list)
    error: str = ""
    website_source: str = ""
    website_confidence: float | None = None
    linkedin_source: str = ""
    linkedin_confidence: float | None = None
    review: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # A step could not run as it should because an outside service was down.
    outage: bool = False

    def source(self, url: str) -> None:
        if url and url not in self.sources:
            self.sources.append(url)

    def note(self, text: str) -> None:
        if text and text not in self.notes:
            self.notes.append(text)

    def fail(self, status: RowStatus, reason: str) -> None:
        self.status = status
        self.error = reason

    def found_website(self, url: str, source: str, confidence: float) -> None:
        """`Match_Confidence` stays the website's confidence, for files read by older tools."""
        self.website, self.website_source = url, source
        self.website_confidence = self.match_confidence = confidence

    def for_review(self, entry: str, reason: str = "") -> None:
        """A plausible candidate a person should decide on; a `reason` stops the row."""
        if entry not in self.review:
            self.review.append(entry)
        if self.status is RowStatus.OK:
            self.status = RowStatus.NEEDS_REVIEW
            self.error = reason

    @property
    def stopped(self) -> bool:
        return self.status is not RowStatus.OK

    def result(self) -> ResultRow:
        return ResultRow(
            row=self.row.row,
            original=self.row.original,
            company_name=self.row.name,
            official_website=self.website,
            linkedin_url=self.linkedin_url,
            description=self.description,
            timestamp=datetime.now(UTC).isoformat(timespec="seconds"),
            hubspot_company_id=self.hubspot_company_id,
            row_status=self.status,
            match_confidence=self.match_confidence,
            description_source=self.description_source,
            sources=self.sources,
            deep_search=self.deep_search,
            error=self.error,
            notes="; ".join(self.notes),
            deep_search_status=self.deep_search_status,
            hubspot_status=self.hubspot_status,
            qualified_products=[p.product for p in self.qualification if p.qualified],
            qualification=self.qualification,
            qualification_status=self.qualification_status,
            custom_fields=self.custom_fields,
            website_source=self.website_source,
            website_confidence=self.website_confidence,
            linkedin_source=self.linkedin_source,
            linkedin_confidence=self.linkedin_confidence,
            review_candidates=" | ".join(self.review),
        ).with_outage(self.outage)
