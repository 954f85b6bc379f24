"""Bodies of the criteria routes: the list of a tenant's files, and one file whole."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field

from shared.criteria.model import CriteriaFile, Criterion, CriterionType

_CRITERION: dict[str, Any] = {
    "id": "r5",
    "product": "CDN",
    "audience": "Game studios",
    "type": "mandatory",
    "text": "Ships multiplayer games or live updates to players",
    "place": "search",
    "search_query": "site:{website} multiplayer",
    "signals": "online multiplayer, patch notes, servers",
}
_SUMMARY: dict[str, Any] = {
    "name": "cdn",
    "filename": "cdn.csv",
    "uploaded_at": "2026-01-01T10:00:00Z",
    "criteria_count": 14,
    "products": [
        {
            "name": "CDN",
            "audiences": ["Game studios", "Broadcasters"],
            "counts": {"general": 3, "qualification": 4, "mandatory": 3, "nth": 4},
        }
    ],
}


class CriteriaCounts(BaseModel):
    """How many criteria of each type a product has."""

    general: int
    qualification: int
    mandatory: int
    nth: int = Field(description="Nice-to-have")


class ProductCriteria(BaseModel):
    name: str
    audiences: list[str] = Field(description="Its target audiences, in file order")
    counts: CriteriaCounts


def _products(criteria: CriteriaFile) -> list[ProductCriteria]:
    products = []
    for product in criteria.products():
        own = criteria.of_product(product)
        counts = {kind.value: sum(c.type is kind for c in own) for kind in CriterionType}
        products.append(
            ProductCriteria(
                name=product,
                audiences=list(dict.fromkeys(c.audience for c in own if c.audience)),
                counts=CriteriaCounts.model_validate(counts),
            )
        )
    return products


class CriteriaSummary(BaseModel):
    """A criteria file: its products, their audiences and how many criteria of each type."""

    name: str = Field(description="How sessions name this file in `criteria`")
    filename: str = Field(description="The name of the file as uploaded")
    uploaded_at: datetime | None = Field(description="When it was uploaded or last replaced")
    criteria_count: int
    products: list[ProductCriteria] = Field(description="In file order")

    @classmethod
    def of(cls, criteria: CriteriaFile) -> Self:
        return cls.model_validate(
            {
                "name": criteria.name,
                "filename": criteria.filename,
                "uploaded_at": criteria.uploaded_at,
                "criteria_count": len(criteria.criteria),
                "products": _products(criteria),
                "criteria": criteria.criteria,
            }
        )


class CriteriaList(BaseModel):
    """The caller's criteria files, sorted by name."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [_SUMMARY]}]})

    items: list[CriteriaSummary]


class CriteriaDetail(CriteriaSummary):
    """A criteria file with every criterion, in file order."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{**_SUMMARY, "criteria": [_CRITERION]}]}
    )

    criteria: list[Criterion] = Field(
        description="`id` is `r` and the file row the criterion was read from"
    )
