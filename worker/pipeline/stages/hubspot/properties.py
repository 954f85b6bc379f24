"""The company properties one result row writes to HubSpot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shared.criteria.wording import summary
from shared.rows import ResultRow, StepStatus
from worker.pipeline.clients.hubspot.company_records import (
    DESCRIPTION,
    DESCRIPTION_UPDATED,
    OWNED,
    Company,
)


@dataclass(frozen=True)
class WrittenProperties:
    # The operator's selection (DOSSIER_HUBSPOT_WRITE_PROPERTIES).
    selected: tuple[str, ...]
    # Receives the qualification summary, in sessions with criteria; empty: none.
    qualification: str = ""

    def of(self, result: ResultRow, company: Company | None, today: date) -> dict[str, str]:
        """Dossier's own properties always; any other only where HubSpot's value is empty,
        so a value a person typed is never overwritten."""
        own_description = result.description_source not in ("", "hubspot")
        values = {
            DESCRIPTION: result.description if own_description else "",
            DESCRIPTION_UPDATED: today.isoformat() if own_description else "",
            "description": result.description if own_description else "",
            "linkedin_company_page": result.linkedin_url,
            "website": result.official_website,
        }
        existing = company.properties if company else {}
        written = {
            name: values[name]
            for name in self.selected
            if values.get(name) and (name in OWNED or not existing.get(name, "").strip())
        }
        qualified = result.qualification_status == StepStatus.OK and result.qualification
        if self.qualification and qualified:
            written[self.qualification] = summary(result.qualification)
        return written
