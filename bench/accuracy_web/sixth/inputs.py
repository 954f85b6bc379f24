"""The sixth web's three uploads: name + website + country + town (tab-separated, headers
`Organization name`, `Website`, `Country/Region`, `Locality`), name + country + town +
trade (semicolon-separated, `Business`, `Nation`, `Town`, `Line of business`), and an XLSX
exported from a CRM (`Account name`, `Web`, `Country`, `City`, `Industry`, `Owner`) whose
countries are ISO codes or the country's own name, a fifth of the websites missing and
others pasted with `www.`, a trailing space or a scheme. Every row carries its company's key
in `Ref`."""

from __future__ import annotations

import random

from bench.accuracy_web.model import Company
from bench.accuracy_web.sixth.lands import LANDS
from bench.accuracy_web.uploads import csv_bytes, new_sheet, saved, upload_of

INPUTS = ("with_website", "name_only", "mixed_xlsx")
_LAND = {land.row: land for land in LANDS}


def with_website(companies: list[Company]) -> bytes:
    rows = [["Ref", "Organization name", "Website", "Country/Region", "Locality"]]
    rows += [[c.key, c.name, c.given_website, c.country, c.city] for c in companies]
    return csv_bytes(rows, delimiter="\t")


def name_only(companies: list[Company]) -> bytes:
    rows = [["Ref", "Business", "Nation", "Town", "Line of business"]]
    rows += [[c.key, c.name, c.country, c.city, c.industry] for c in companies]
    return csv_bytes(rows, delimiter=";", line_end="\r\n")


def _country(company: Company, draw: float) -> str:
    land = _LAND.get(company.country)
    if land is None or draw < 0.35:
        return company.country
    return land.iso if draw < 0.7 else land.local


def _website(given: str, draw: float) -> str:
    if draw < 0.2 or not given:
        return ""
    bare = given.split("//")[-1]
    if draw < 0.35:
        return bare if bare.startswith("www.") else f"www.{bare}"
    if draw < 0.45:
        return f"{given} "
    if draw < 0.55:
        return f"http://{bare}"
    return given


def mixed_xlsx(companies: list[Company], seed: int = 61) -> bytes:
    rng = random.Random(seed)
    book, sheet = new_sheet()
    sheet.title = "Accounts"
    sheet.append(["Ref", "Account name", "Web", "Country", "City", "Industry", "Owner"])
    for c in companies:
        website = _website(c.given_website, rng.random())
        owner = rng.choice(("A. Mwangi", "J. Novák", "", "L. Quispe"))
        sheet.append([c.key, c.name, website, _country(c, rng.random()), c.city, c.industry, owner])
    return saved(book)


def upload(kind: str, companies: list[Company]) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of input `kind`."""
    return upload_of(
        kind,
        companies,
        prefix="sixth_",
        sheet_name="accounts",
        with_website=with_website,
        name_only=name_only,
        mixed_xlsx=mixed_xlsx,
    )
