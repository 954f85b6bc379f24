"""A model that answers a number field with `NaN` or infinity (valid JSON to Python, no
amount to anyone) through the running services: the answer is dropped like any value not
of the field's type, and every download stays a file its readers open."""

from __future__ import annotations

import io
import math

import orjson
import pytest
from openpyxl import load_workbook

from tests.pipeline.conftest import Server
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.services_steps import completed_downloads
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = b"Company,Website\nStreamForge,streamforge.com\n"
FIELDS = (
    '[{"name": "countries", "type": "number", "description": "countries"},'
    ' {"name": "players", "type": "number", "description": "players"}]'
)
QUOTE = "We deliver live events to players in 40 countries every month."


def answer(value: object) -> dict[str, object]:
    return {
        "value": value,
        "quote": QUOTE,
        "source_url": "https://streamforge.com/",
        "confidence": 0.9,
    }


async def test_non_finite_numbers_are_no_answer_and_the_files_stay_readable(
    search_llm_stack: Stack, llm_server: Server[LlmState]
) -> None:
    llm_server.state.replies = {"custom_fields": {"f1": answer(math.nan), "f2": answer("Infinity")}}
    form = {"custom_fields": FIELDS, "use_cache": "false"}
    files = await completed_downloads(search_llm_stack, CSV, form, ("json", "xlsx", "csv"))
    as_json, workbook, table = files["json"], files["xlsx"], files["csv"].decode()

    [row] = orjson.loads(as_json)  # strict JSON: NaN or Infinity would not parse
    assert row["Row_Status"] == "ok"
    # Dropped as a whole: no confidence or quote is left standing for a value not given.
    assert [(a["value"], a["quote"], a["confidence"]) for a in row["Custom_Fields"]] == [
        (None, "", None),
        (None, "", None),
    ]
    assert "were dropped (countries, players)" in row["Notes"]
    sheet = load_workbook(io.BytesIO(workbook), read_only=True)["Results"]
    header, values = ([cell.value for cell in line] for line in sheet.rows)
    for name in ("Field: countries", "Field: players"):
        assert values[header.index(name)] is None
    assert "nan" not in table.lower()
    assert "inf" not in table.lower()
