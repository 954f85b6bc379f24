"""Product verdicts in words, as result files and CRM records show them.

`CDN: qualified (Game studios), NTH 2/3; Security: not qualified — general criteria: 1 of
3 passed (more than half needed)`
"""

from __future__ import annotations

from collections.abc import Sequence

from shared.criteria.model import CriterionType, ProductResult

TYPE_NAMES = {
    CriterionType.GENERAL: "General",
    CriterionType.QUALIFICATION: "Qualification",
    CriterionType.MANDATORY: "Mandatory",
    CriterionType.NTH: "NTH",
}


def product_verdict(result: ProductResult) -> str:
    if not result.qualified:
        return f"not qualified — {result.reason}"
    text = "qualified"
    if result.audiences:
        text += f" ({', '.join(result.audiences)})"
    if result.nth_total:
        text += f", NTH {result.nth_score}/{result.nth_total}"
    return text


def summary(results: Sequence[ProductResult]) -> str:
    return "; ".join(f"{r.product}: {product_verdict(r)}" for r in results)
