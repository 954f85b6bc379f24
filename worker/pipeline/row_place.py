"""Where a row's company is and what it does, read from the row's recognised columns.

The gateway keeps the cells of the country, city, region and industry columns with each
row (`InputRow.facts`). A country that is not a known name or code is ignored, and the row
says so; every other cell is used as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.countries import country_name, parse_country, parse_country_cell

# Cells longer than this are not a place or an industry: a pasted paragraph is ignored.
MAX_CELL = 120


@dataclass(frozen=True)
class RowPlace:
    country: str | None = None  # ISO 3166 alpha-2
    # A country cell in another language than English or Russian (`Brasil`, `الإمارات`):
    # a page that agrees with it counts, a page that does not is not held against it.
    # Read from every language's names, a cell is more often another word (`Island`), or
    # a careless list's, than a country written in English is.
    country_hint: str | None = None
    city: str = ""
    region: str = ""
    industry: str = ""
    ignored: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.country or self.country_hint or self.city or self.region or self.industry)

    def query_terms(self) -> str:
        """Words to add to a search for the company: city and country."""
        country = country_name(self.country) if self.country else ""
        return " ".join(part for part in (self.city, country) if part)

    def describe(self) -> str:
        """One line for a model prompt; empty when nothing is known."""
        where = ", ".join(
            part
            for part in (self.city, self.region, country_name(self.country) if self.country else "")
            if part
        )
        parts = [f"located in {where}" if where else "", f"industry: {self.industry}"]
        return "; ".join(part for part in parts if part and part != "industry: ")


def row_place(facts: dict[str, str]) -> RowPlace:
    ignored: list[str] = []
    cells: dict[str, str] = {}
    for role, value in facts.items():
        text = " ".join(value.split())
        if len(text) > MAX_CELL:
            ignored.append(f"{role} cell of {len(text)} characters ignored (too long)")
        elif text:
            cells[role] = text
    country = hint = None
    if "country" in cells:
        country = parse_country(cells["country"])
        hint = None if country else parse_country_cell(cells["country"])
        if country is None and hint is None:
            ignored.append(f"country '{cells['country'][:40]}' not recognised, ignored")
    return RowPlace(
        country=country,
        country_hint=hint,
        city=cells.get("city", ""),
        region=cells.get("region", ""),
        industry=cells.get("industry", ""),
        ignored=tuple(ignored),
    )
