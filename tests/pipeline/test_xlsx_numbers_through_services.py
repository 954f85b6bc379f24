"""The results workbook a user opens: confidences, attempts and field confidences are
number cells (to sort, filter and sum in a spreadsheet), not text; the CSV keeps them as
text with two decimals."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.pipeline.services_steps import completed_downloads
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = b"Company,Website\nStreamForge,streamforge.com\nGone Site,gone-site.com\n"
FIELDS = '[{"name": "countries", "type": "number", "description": "countries"}]'


async def test_the_workbook_holds_numbers_as_numbers(search_llm_stack: Stack) -> None:
    form = {"custom_fields": FIELDS, "use_cache": "false"}
    files = await completed_downloads(search_llm_stack, CSV, form, ("xlsx", "csv"))
    workbook, table = files["xlsx"], files["csv"].decode()

    sheet = load_workbook(io.BytesIO(workbook), read_only=True)["Results"]
    header, streamforge, gone = ([(c.value, c.data_type) for c in row] for row in sheet.rows)
    column = {name: n for n, (name, _) in enumerate(header)}
    for name in ("Website_Confidence", "Match_Confidence", "Field: countries (confidence)"):
        value, kind = streamforge[column[name]]
        assert kind == "n", (name, value, kind)
        assert isinstance(value, float), (name, value)
        assert 0 < value <= 1
    assert streamforge[column["Attempts"]] == (1, "n")
    assert streamforge[column["Field: countries"]] == (40, "n")
    # A dead website has no confidence: an empty cell, not a zero.
    assert gone[column["Website_Confidence"]][0] is None
    assert gone[column["Attempts"]] == (1, "n")

    first = next(csv.DictReader(io.StringIO(table.lstrip("\ufeff"))))
    website = streamforge[column["Website_Confidence"]][0]
    assert first["Website_Confidence"] == f"{website:.2f}"
    assert first["Attempts"] == "1"
