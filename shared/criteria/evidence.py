"""The evidence table of a session with criteria: one line per company and criterion,
with the criterion as the user wrote it beside the verdict, quote and source.

`Row` is a number, so a spreadsheet sorts and filters the sheet by it; every other cell
is text as the user or the page wrote it, even when it looks like a number."""

from __future__ import annotations

from typing import TypeAlias

from shared.criteria.model import Criterion, SessionCriteria
from shared.criteria.wording import TYPE_NAMES, product_verdict
from shared.rows import ResultRow
from shared.stored_rows import StoredRow

EVIDENCE_COLUMNS: tuple[str, ...] = (
    "Row",
    "Company_Name",
    "Product",
    "Product_Verdict",
    "Target_Audience",
    "Criteria_Type",
    "Criterion",
    "Verdict",
    "Quote",
    "Source_URL",
)

# A line of the evidence sheet: `Row` (a number), then text.
EvidenceLine: TypeAlias = list[int | str]


class EvidenceTable:
    def __init__(self, criteria: SessionCriteria | None) -> None:
        self._criteria: dict[tuple[str, str], Criterion] = {
            (product, c.id): c
            for product, chosen in (criteria.chosen() if criteria else [])
            for c in chosen
        }

    def lines(self, row: ResultRow | StoredRow) -> list[EvidenceLine]:
        """The row's evidence lines; `Row` is 1-based, as the input's data rows are counted."""
        lines: list[EvidenceLine] = []
        for product in row.qualification:
            verdict = product_verdict(product)
            for result in product.criteria:
                criterion = self._criteria.get((product.product, result.criterion_id))
                lines.append(
                    [
                        row.row + 1,
                        row.company_name,
                        product.product,
                        verdict,
                        criterion.audience if criterion else "",
                        TYPE_NAMES[criterion.type] if criterion else "",
                        criterion.text if criterion else result.criterion_id,
                        str(result.verdict),
                        result.quote,
                        result.source_url,
                    ]
                )
        return lines
