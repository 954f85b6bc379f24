"""The fresh web's three uploads: name + website + country (CSV with `Organisation`,
`Homepage`, `HQ country`, `Town` headers), name + country (CSV, semicolon-separated, as a
European spreadsheet saves it), and an XLSX shaped like a CRM export (`Account Name`,
`Website`, `Billing Country`, `Billing City`, `Industry`) with ISO codes for some countries,
a third of the websites missing and others pasted as full URLs. Every row carries its
company's key in `Ref`."""

from __future__ import annotations

import csv
import io
import random

from openpyxl import Workbook

from bench.accuracy_web.fresh.lands import ISO
from bench.accuracy_web.model import Company

INPUTS = ("with_website", "name_only", "mixed_xlsx")


def _csv(rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


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
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        ["Ref", "Account Name", "Website", "Billing Country", "Billing City", "Industry", "Owner"]
    )
    for c in companies:
        draw = rng.random()
        website = "" if draw < 0.33 else _pasted(c.given_website) if draw < 0.6 else c.given_website
        country = ISO.get(c.country, c.country) if rng.random() < 0.4 else c.country
        owner = rng.choice(("M. de Vries", "K. Papadopoulos", ""))
        sheet.append([c.key, c.name, website, country, c.city, c.industry, owner])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(kind: str, companies: list[Company]) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of input `kind`."""
    if kind == "with_website":
        return "fresh_with_website.csv", with_website(companies), "text/csv"
    if kind == "name_only":
        return "fresh_name_only.csv", name_only(companies), "text/csv"
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return "fresh_mixed.xlsx", mixed_xlsx(companies), xlsx
