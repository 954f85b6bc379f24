"""From per-criterion verdicts to a product verdict, by the rules of a criteria file."""

from __future__ import annotations

from shared.criteria.model import (
    Criterion,
    CriterionResult,
    CriterionType,
    ProductResult,
    Verdict,
)


def _verdict(results: dict[str, CriterionResult], criterion: Criterion) -> Verdict:
    found = results.get(criterion.id)
    return found.verdict if found else Verdict.NO_DATA


def _audiences(criteria: list[Criterion]) -> list[str]:
    named = [c.audience for c in criteria if c.audience]
    return list(dict.fromkeys(named)) or [""]


def _applies(criterion: Criterion, audience: str) -> bool:
    return criterion.audience in ("", audience)


def decide(
    product: str, criteria: list[Criterion], results: dict[str, CriterionResult]
) -> ProductResult:
    """The product verdict for one company; `criteria` are the product's own."""
    of_type = {kind: [c for c in criteria if c.type is kind] for kind in CriterionType}
    evidence = [
        results.get(c.id, CriterionResult(criterion_id=c.id, verdict=Verdict.NO_DATA))
        for c in criteria
    ]

    general = of_type[CriterionType.GENERAL]
    general_passed = sum(_verdict(results, c) is Verdict.PASSED for c in general)
    general_ok = not general or general_passed * 2 > len(general)

    # An audience is the company's when every qualification question of it passed; an
    # audience without questions is open to every company.
    qualified = [
        audience
        for audience in _audiences(criteria)
        if all(
            _verdict(results, c) is Verdict.PASSED
            for c in of_type[CriterionType.QUALIFICATION]
            if _applies(c, audience)
        )
    ]
    # Mandatory criteria may only fail for want of data, never on evidence.
    kept = [
        audience
        for audience in qualified
        if not any(
            _verdict(results, c) is Verdict.FAILED
            for c in of_type[CriterionType.MANDATORY]
            if _applies(c, audience)
        )
    ]
    nth = [c for c in of_type[CriterionType.NTH] if any(_applies(c, a) for a in kept)]
    score = sum(_verdict(results, c) is Verdict.PASSED for c in nth)

    if not general_ok:
        reason = (
            f"general criteria: {general_passed} of {len(general)} passed (more than half needed)"
        )
    elif not qualified:
        reason = "no target audience qualified"
    elif not kept:
        reason = "a mandatory criterion failed for every qualified audience"
    else:
        reason = f"qualified for {', '.join(a for a in kept if a) or 'the product'}"
    return ProductResult(
        product=product,
        qualified=general_ok and bool(kept),
        audiences=[a for a in kept if a] if general_ok else [],
        nth_score=score if general_ok and kept else 0,
        nth_total=len(nth),
        reason=reason,
        criteria=evidence,
    )
