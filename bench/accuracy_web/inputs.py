"""The three uploads of the benchmark, made from the labels: name + website + country
(CSV), name + country only (CSV), and a mixed XLSX with Russian headers, ISO country codes
and half the websites missing; the last two with an industry column, filled for the rows
whose namesakes it tells apart. Every row carries its company's key in a `Ref` column."""

from __future__ import annotations

import random

from bench.accuracy_web.model import Company
from bench.accuracy_web.uploads import csv_bytes, new_sheet, saved, upload_of
from bench.accuracy_web.vocab import COUNTRIES

INPUTS = ("with_website", "name_only", "mixed_xlsx")
_ISO = {country.name: country.iso for country in COUNTRIES}


def with_website(companies: list[Company]) -> bytes:
    rows = [["Ref", "Company", "Website", "Country", "City"]]
    rows += [[c.key, c.name, c.given_website, c.country, c.city] for c in companies]
    return csv_bytes(rows)


def name_only(companies: list[Company]) -> bytes:
    rows = [["Ref", "Company", "Country", "City", "Industry"]]
    rows += [[c.key, c.name, c.country, c.city, c.industry] for c in companies]
    return csv_bytes(rows)


def mixed_xlsx(companies: list[Company], seed: int = 11) -> bytes:
    rng = random.Random(seed)
    book, sheet = new_sheet()
    sheet.append(["Ref", "Компания", "Сайт", "Страна", "Город", "Ответственный", "Отрасль"])
    for c in companies:
        website = c.given_website if rng.random() < 0.5 else ""
        country = _ISO.get(c.country, c.country) if rng.random() < 0.5 else c.country
        owner = rng.choice(("Анна", "Олег", ""))
        sheet.append([c.key, c.name, website, country, c.city, owner, c.industry])
    return saved(book)


def upload(kind: str, companies: list[Company]) -> tuple[str, bytes, str]:
    """(file name, bytes, content type) of input `kind`."""
    return upload_of(
        kind,
        companies,
        prefix="",
        sheet_name="mixed",
        with_website=with_website,
        name_only=name_only,
        mixed_xlsx=mixed_xlsx,
    )
