"""The unseen web's three uploads: name + website + country + city + industry (CSV,
`Company name`/`Web`/`Sector` headers), name + country + city + industry (CSV), and an XLSX
with Russian headers (`Наименование`, `Веб-сайт`, `Отрасль`), ISO codes for some
countries and half the websites missing. Every row carries its company's key in `Ref`."""

from __future__ import annotations

import random

from bench.accuracy_web.model import Company
from bench.accuracy_web.unseen.places import ISO
from bench.accuracy_web.uploads import csv_bytes, new_sheet, saved, upload_of

INPUTS = ("with_website", "name_only", "mixed_xlsx")


def with_website(companies: list[Company]) -> bytes:
    rows = [["Ref", "Company name", "Web", "Country", "City", "Sector"]]
    rows += [[c.key, c.name, c.given_website, c.country, c.city, c.industry] for c in companies]
    return csv_bytes(rows)


def name_only(companies: list[Company]) -> bytes:
    rows = [["Ref", "Company name", "Country", "City", "Industry"]]
    rows += [[c.key, c.name, c.country, c.city, c.industry] for c in companies]
    return csv_bytes(rows)


def mixed_xlsx(companies: list[Company], seed: int = 23) -> bytes:
    rng = random.Random(seed)
    book, sheet = new_sheet()
    sheet.append(["Ref", "Наименование", "Веб-сайт", "Страна", "Город", "Отрасль", "Менеджер"])
    for c in companies:
        website = c.given_website if rng.random() < 0.5 else ""
        country = ISO.get(c.country, c.country) if rng.random() < 0.4 else c.country
        manager = rng.choice(("Ирина", "Павел", ""))
        sheet.append([c.key, c.name, website, country, c.city, c.industry, manager])
    return saved(book)


def upload(kind: str, companies: list[Company]) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of input `kind`."""
    return upload_of(
        kind,
        companies,
        prefix="unseen_",
        sheet_name="mixed",
        with_website=with_website,
        name_only=name_only,
        mixed_xlsx=mixed_xlsx,
    )
