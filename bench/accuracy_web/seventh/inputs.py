"""The seventh web's three uploads: name + website + country + town (comma-separated with a
byte-order mark, headers `Company Name`, `Company Domain Name`, `Country`, `City`), name +
country + town + trade (pipe-separated, `Firma`, `Land`, `Stadt`, `Branche`), and an XLSX
exported from a CRM (`Organisation`, `URL`, `Country code`, `Town`, `Sector`, `Stage`) whose
countries are ISO codes, the country's own
name or English, a sixth of the websites missing and others pasted with a path, in capitals
or with a scheme. Every row carries its company's key in `Ref`."""

from __future__ import annotations

import random

from bench.accuracy_web.model import Company
from bench.accuracy_web.seventh.lands import LANDS
from bench.accuracy_web.uploads import csv_bytes, new_sheet, saved, upload_of

INPUTS = ("with_website", "name_only", "mixed_xlsx")
_LAND = {land.row: land for land in LANDS}


def with_website(companies: list[Company]) -> bytes:
    rows = [["Ref", "Company Name", "Company Domain Name", "Country", "City"]]
    rows += [[c.key, c.name, c.given_website, c.country, c.city] for c in companies]
    return "\ufeff".encode() + csv_bytes(rows, line_end="\r\n")


def name_only(companies: list[Company]) -> bytes:
    rows = [["Ref", "Firma", "Land", "Stadt", "Branche"]]
    rows += [[c.key, c.name, c.country, c.city, c.industry] for c in companies]
    return csv_bytes(rows, delimiter="|")


def _country(company: Company, draw: float) -> str:
    land = _LAND.get(company.country)
    if land is None or draw < 0.3:
        return company.country
    return land.iso if draw < 0.65 else land.local


def _website(given: str, draw: float) -> str:
    if draw < 0.17 or not given:
        return ""
    bare = given.split("//")[-1].rstrip("/")
    if draw < 0.3 and "/" not in bare:
        return f"{bare}/"
    if draw < 0.4:
        return bare.upper()
    if draw < 0.5 and "//" not in given:
        return f"https://{bare}"
    return given


def mixed_xlsx(companies: list[Company], seed: int = 71) -> bytes:
    rng = random.Random(seed)
    book, sheet = new_sheet()
    sheet.title = "Organisations"
    sheet.append(["Ref", "Organisation", "URL", "Country code", "Town", "Sector", "Stage"])
    for c in companies:
        website = _website(c.given_website, rng.random())
        stage = rng.choice(("Lead", "Prospect", "", "Customer"))
        sheet.append([c.key, c.name, website, _country(c, rng.random()), c.city, c.industry, stage])
    return saved(book)


def upload(kind: str, companies: list[Company]) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of input `kind`."""
    return upload_of(
        kind,
        companies,
        prefix="seventh_",
        sheet_name="organisations",
        with_website=with_website,
        name_only=name_only,
        mixed_xlsx=mixed_xlsx,
    )
