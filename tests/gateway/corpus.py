"""Real-world-shaped spreadsheets, generated: CSV in several encodings, XLSX, XLS."""

from __future__ import annotations

import io

import xlwt
from openpyxl import Workbook


def xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls(rows: list[list[object]], title: str = "Companies") -> bytes:
    book = xlwt.Workbook()
    sheet = book.add_sheet(title)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


RUSSIAN_CP1251 = (
    "Компания;Сайт;Группа\r\n"
    "Яндекс;yandex.ru;IT\r\n"
    "Лаборатория Касперского;https://www.kaspersky.ru/;Security\r\n"
).encode("cp1251")

UTF8_BOM = "\ufeffCompany Name,Website\nCD Projekt,cdprojekt.com\nKrafton,krafton.com\n".encode()

UTF16_TAB = "Company\tWebsite\nSega Sammy Holdings\tsegasammy.co.jp\nCapcom\tcapcom.com\n".encode(
    "utf-16"
)

QUOTED_NEWLINES_CRLF = (
    b'name,website,notes\r\n"Bandai Namco\r\nEntertainment",https://en.bandainamcoent.eu,'
    b'"line one\nline two"\r\n"NBC News",nbcnews.com,plain\r\n'
)

NAME_ONLY = b"Activision Blizzard\nCapcom\nCD Projekt\n"

EXTRA_COLUMNS = (
    b"GAMING,Website,group,predator\n"
    b"Electronic Arts (EA),https://www.ea.com/en-gb,AAA,p-17\n"
    b"Epic Games,epicgames.com/en-US,AAA,p-18\n"
)

BLANK_ROWS = b"Company,Website\n\nCapcom,capcom.com\n,,\n   ,  \nKrafton,krafton.com\n\n"

DUPLICATES = (
    b"Company,Website\nEA,https://www.ea.com/en-gb\nElectronic Arts,ea.com\n"
    b"Adidas,adidas.com\nAdidas AG,https://www.adidas.com\n"
)

PIPE_CP1252 = "Organisation|URL\nSoci\u00e9t\u00e9 G\u00e9n\u00e9rale|societegenerale.com\n".encode(
    "cp1252"
)

ORIGINAL_TOOL_HEADER = b"Company_Name,Official_Website\nNEP Group,nepgroup.com\n"
