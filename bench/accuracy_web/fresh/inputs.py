"""The fresh web's three uploads: name + website + country (CSV with `Organisation`,
`Homepage`, `HQ country`, `Town` headers), name + country (CSV, semicolon-separated, as a
European spreadsheet saves it), and an XLSX shaped like a CRM export (`Account Name`,
`Website`, `Billing Country`, `Billing City`, `Industry`) with ISO codes for some countries,
a third of the websites missing and others pasted as full URLs. Every row carries its
company's key in `Ref`."""

from __future__ import annotations

import random

from bench.accuracy_web.fresh.lands import ISO
from bench.accuracy_web.model import Company
from bench.accuracy_web.uploads import csv_bytes, new_sheet, saved, upload_of

INPUTS = ("with_website", "name_only", "mixed_xlsx")


def _csv(rows: list[list[str]], delimiter: str = ",") -> bytes:
    return csv_bytes(rows, delimiter=delimiter)


def with_website(companies: list[Company]) -> bytes:
    rows = [["Ref", "Organisation", "Homepage", "HQ country", "Town"]]
    rows += [[c.key, c.name, c.given_website, c.country, c.city] for c in companies]
    return _csv(rows)


def name_only(companies: list[Company]) -> bytes:
    rows = [["Ref", "Company", "Country", "City", "Industry"]]
    rows += [[c.key, c.name, c.country, c.city, c.industry] for c in companies]
    return _csv(rows, ";")


def _pasted(given: str) -> str:
    return given if "//" in given else f"https://{given}/"


def mixed_xlsx(companies: list[Company], seed: int = 37) -> bytes:
    rng = random.Random(seed)
    book, sheet = new_sheet()
    sheet.append(
        ["Ref", "Account Name", "Website", "Billing Country", "Billing City", "Industry", "Owner"]
    )
    for c in companies:
        draw = rng.random()
        website = "" if draw < 0.33 else _pasted(c.given_website) if draw < 0.6 else c.given_website
        country = ISO.get(c.country, c.country) if rng.random() < 0.4 else c.country
        owner = rng.choice(("M. de Vries", "K. Papadopoulos", ""))
        sheet.append([c.key, c.name, website, country, c.city, c.industry, owner])
    return saved(book)


def upload(kind: str, companies: list[Company]) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of input `kind`."""
    return upload_of(
        kind,
        companies,
        prefix="fresh_",
        sheet_name="mixed",
        with_website=with_website,
        name_only=name_only,
        mixed_xlsx=mixed_xlsx,
    )
