"""The unseen web's three uploads: name + website + country + city + industry (CSV,
`Company name`/`Web`/`Sector` headers), name + country + city + industry (CSV), and an XLSX
with Russian headers (`Наименование`, `Веб-сайт`, `Отрасль`), ISO codes for some
countries and half the websites missing. Every row carries its company's key in `Ref`."""

from __future__ import annotations

import csv
import io
import random

from openpyxl import Workbook

from bench.accuracy_web.model import Company
from bench.accuracy_web.unseen.places import ISO

INPUTS = ("with_website", "name_only", "mixed_xlsx")


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def with_website(companies: list[Company]) -> bytes:
    rows = [["Ref", "Company name", "Web", "Country", "City", "Sector"]]
    rows += [[c.key, c.name, c.given_website, c.country, c.city, c.industry] for c in companies]
    return _csv(rows)


def name_only(companies: list[Company]) -> bytes:
    rows = [["Ref", "Company name", "Country", "City", "Industry"]]
    rows += [[c.key, c.name, c.country, c.city, c.industry] for c in companies]
    return _csv(rows)


def mixed_xlsx(companies: list[Company], seed: int = 23) -> bytes:
    rng = random.Random(seed)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Наименование", "Веб-сайт", "Страна", "Город", "Отрасль", "Менеджер"])
    for c in companies:
        website = c.given_website if rng.random() < 0.5 else ""
        country = ISO.get(c.country, c.country) if rng.random() < 0.4 else c.country
        manager = rng.choice(("Ирина", "Павел", ""))
        sheet.append([c.key, c.name, website, country, c.city, c.industry, manager])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(kind: str, companies: list[Company]) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of input `kind`."""
    if kind == "with_website":
        return "unseen_with_website.csv", with_website(companies), "text/csv"
    if kind == "name_only":
        return "unseen_name_only.csv", name_only(companies), "text/csv"
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return "unseen_mixed.xlsx", mixed_xlsx(companies), xlsx
