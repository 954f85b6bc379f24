"""HubSpot company records as the pipeline sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from shared.company_keys import registered_domain

DESCRIPTION = "ai_description"
DESCRIPTION_UPDATED = "ai_description_updated"
LINKEDIN = "linkedin_company_page"
# Properties Dossier itself owns: always rewritten. Any other property is only filled
# when empty, so a value a person typed into HubSpot is never overwritten.
OWNED = frozenset({DESCRIPTION, DESCRIPTION_UPDATED})
READ_PROPERTIES = (
    "name",
    "domain",
    "website",
    "description",
    DESCRIPTION,
    DESCRIPTION_UPDATED,
    LINKEDIN,
    "hs_lastmodifieddate",
)


@dataclass(frozen=True)
class Company:
    id: str
    properties: dict[str, str]

    @property
    def domain(self) -> str | None:
        return registered_domain(self.properties.get("domain") or "")

    def fresh_description(self, today: date, freshness_days: int) -> str | None:
        text = (self.properties.get(DESCRIPTION) or "").strip()
        updated = _parse_date(self.properties.get(DESCRIPTION_UPDATED) or "")
        if text and updated and today - updated <= timedelta(days=freshness_days):
            return text
        return None


def _parse_date(value: str) -> date | None:
    text = value.strip()
    if not text:
        return None
    if text.isdigit():  # date properties may come back as epoch milliseconds
        return datetime.fromtimestamp(int(text) / 1000).date()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def from_json(item: dict[str, object]) -> Company:
    raw = item.get("properties")
    properties = raw if isinstance(raw, dict) else {}
    return Company(
        id=str(item.get("id", "")),
        properties={str(k): str(v) for k, v in properties.items() if v is not None},
    )
