"""The blind web's three uploads: name + website + country + town (a UTF-8 CSV with a byte
order mark, as Excel saves it, headers `Legal name`, `Website URL`, `Country of
incorporation`, `Head office city`), name + country + town + sector (CSV with `Client`,
`Country`, `City`, `Sector`), and an XLSX of leads (`Company`, `Domain`, `Country code`, `HQ
city`, `Vertical`, `Notes`) whose countries are ISO codes or the country's own name, a
quarter of the websites missing and others pasted as full or uppercase URLs. Every row
carries its company's key in `Ref`."""

from __future__ import annotations

import random

from bench.accuracy_web.blind.lands import LANDS
from bench.accuracy_web.model import Company
from bench.accuracy_web.uploads import csv_bytes, new_sheet, saved, upload_of

INPUTS = ("with_website", "name_only", "mixed_xlsx")
_LAND = {land.row: land for land in LANDS}


def with_website(companies: list[Company]) -> bytes:
    rows = [["Ref", "Legal name", "Website URL", "Country of incorporation", "Head office city"]]
    rows += [[c.key, c.name, c.given_website, c.country, c.city] for c in companies]
    return csv_bytes(rows, line_end="\r\n", encoding="utf-8-sig")


def name_only(companies: list[Company]) -> bytes:
    rows = [["Ref", "Client", "Country", "City", "Sector"]]
    rows += [[c.key, c.name, c.country, c.city, c.industry] for c in companies]
    return csv_bytes(rows, line_end="\r\n", encoding="utf-8-sig")


def _country(company: Company, draw: float) -> str:
    land = _LAND.get(company.country)
    if land is None or draw < 0.4:
        return company.country
    return land.iso if draw < 0.75 else land.local


def mixed_xlsx(companies: list[Company], seed: int = 53) -> bytes:
    rng = random.Random(seed)
    book, sheet = new_sheet()
    sheet.title = "Leads"
    sheet.append(["Ref", "Company", "Domain", "Country code", "HQ city", "Vertical", "Notes"])
    for c in companies:
        draw = rng.random()
        given = c.given_website
        if draw < 0.25:
            website = ""
        elif draw < 0.45 and given:
            website = given if "//" in given else f"https://{given}"
        elif draw < 0.5:
            website = given.upper()
        else:
            website = given
        note = rng.choice(("met at trade fair", "", "call back in Q2", ""))
        sheet.append([c.key, c.name, website, _country(c, rng.random()), c.city, c.industry, note])
    return saved(book)


def upload(kind: str, companies: list[Company]) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of input `kind`."""
    return upload_of(
        kind,
        companies,
        prefix="blind_",
        sheet_name="leads",
        with_website=with_website,
        name_only=name_only,
        mixed_xlsx=mixed_xlsx,
    )
