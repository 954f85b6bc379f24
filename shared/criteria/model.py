"""A criteria file as users write it: per product, criteria of four types.

- General criteria must pass for more than half of them, or the product is out.
- Qualification criteria decide which target audiences the company belongs to.
- For each qualified audience, every Mandatory criterion must not fail (no data is
  tolerated).
- Nice-to-have (NTH) criteria are counted as a score.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class CriterionType(StrEnum):
    GENERAL = "general"
    QUALIFICATION = "qualification"
    MANDATORY = "mandatory"
    NTH = "nth"


class Verdict(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NO_DATA = "no_data"


class Criterion(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # Stable within its file: `<file row>` so evidence can name the line the user wrote.
    id: str
    product: str
    # Empty: the criterion applies to every audience of the product.
    audience: str = ""
    type: CriterionType
    text: str
    place: str = ""
    # May contain `{website}` (as in `site:{website}`), filled with the company's domain.
    search_query: str = ""
    signals: str = ""

    def query_for(self, website: str) -> str:
        return self.search_query.replace("{website}", website).strip()


class CriteriaFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    criteria: list[Criterion] = Field(min_length=1)
    # The file as the user sent it, kept beside this one (`criteria_source_key`).
    filename: str = ""
    uploaded_at: datetime | None = None

    def products(self) -> list[str]:
        return list(dict.fromkeys(c.product for c in self.criteria))

    def of_product(self, product: str) -> list[Criterion]:
        return [c for c in self.criteria if c.product == product]


class SessionCriteria(BaseModel):
    """The criteria a session qualifies against, as chosen at its creation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    files: list[CriteriaFile]
    # Only these products; empty: every product of the files.
    products: list[str] = Field(default_factory=list)

    def chosen(self) -> list[tuple[str, list[Criterion]]]:
        """(product, its criteria) for every product to qualify, in file order."""
        found: dict[str, list[Criterion]] = {}
        for criteria_file in self.files:
            for criterion in criteria_file.criteria:
                if not self.products or criterion.product in self.products:
                    found.setdefault(criterion.product, []).append(criterion)
        return list(found.items())


class CriterionResult(BaseModel):
    """A criterion's verdict with its evidence: a verbatim quote and where it was found."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    criterion_id: str
    verdict: Verdict
    quote: str = ""
    source_url: str = ""


class ProductResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    product: str
    qualified: bool
    audiences: list[str]
    nth_score: int
    nth_total: int
    reason: str
    criteria: list[CriterionResult]
