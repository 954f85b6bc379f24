"""Custom fields through the pipeline against the fake OpenAI-compatible server: one
structured call per company, typed values, quotes checked on the page they name."""

from __future__ import annotations

import json
from typing import Any

import pytest

from shared.export_layout import ExportLayout, spreadsheet_values, workbook_values
from shared.exports import JsonExport
from shared.fields.model import FieldAnswer, FieldSpec, FieldType
from shared.models import SessionOptions
from shared.rows import InputRow, ResultRow
from tests.pipeline.conftest import MakeSettings, Server
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.test_qualification import run_chunk
from worker.pipeline.protocol import SessionContext

pytestmark = pytest.mark.unit

STREAMFORGE = InputRow(row=0, name="StreamForge", website="streamforge.com")
HOME = "https://streamforge.com/"
ABOUT = "https://streamforge.com/about"
FIELDS = [
    FieldSpec(name="countries", description="countries", type=FieldType.NUMBER),
    FieldSpec(name="founded", description="founded", type=FieldType.DATE),
    FieldSpec(name="rents_cloud", description="data centres", type=FieldType.BOOLEAN),
    FieldSpec(
        name="customers",
        description="customers",
        type=FieldType.ENUM,
        options=["banks", "indie game studios"],
    ),
    FieldSpec(name="moon_base", description="~made up", type=FieldType.TEXT),
    FieldSpec(name="blockchain", description="blockchain", type=FieldType.TEXT),
]


def session(fields: list[FieldSpec]) -> SessionContext:
    return SessionContext("tenant", "s-fields", 0, "", SessionOptions(custom_fields=fields))


def asked(state: LlmState) -> list[dict[str, Any]]:
    return [
        r for r in state.requests if r["response_format"]["json_schema"]["name"] == "custom_fields"
    ]


async def test_fields_are_answered_typed_with_checked_quotes(
    make_settings: MakeSettings, llm_server: Server[LlmState]
) -> None:
    results = await run_chunk(make_settings(llm=True), session(FIELDS), [STREAMFORGE])
    row = results[0]
    answers = {a.name: a for a in row.custom_fields}

    assert answers["countries"] == FieldAnswer(
        name="countries",
        value=40.0,
        quote="We deliver live events to players in 40 countries every month.",
        source_url=HOME,
        confidence=0.8,
    )
    assert (answers["founded"].value, answers["founded"].source_url) == ("2015", ABOUT)
    assert answers["rents_cloud"].value is True
    assert answers["customers"].value == "indie game studios"
    # A value whose quote is on no page is not returned, and the row says so.
    assert answers["moon_base"] == FieldAnswer(name="moon_base")
    assert "dropped (moon_base)" in row.notes
    # Nothing on the pages: no value, and nothing dropped.
    assert answers["blockchain"] == FieldAnswer(name="blockchain")
    assert ABOUT in row.sources
    # One structured call for the row, every field typed in the schema.
    [request] = asked(llm_server.state)
    schema = request["response_format"]["json_schema"]["schema"]
    assert schema["properties"]["f1"]["properties"]["value"]["type"] == ["number", "null"]
    assert schema["properties"]["f4"]["properties"]["value"]["enum"] == [
        "banks",
        "indie game studios",
        None,
    ]


async def test_field_columns_follow_the_result_columns_in_every_export(
    make_settings: MakeSettings, llm_server: Server[LlmState]
) -> None:
    results = await run_chunk(make_settings(llm=True), session(FIELDS[:2]), [STREAMFORGE])
    layout = ExportLayout(["Company", "Website"], fields=["countries", "founded"])
    assert layout.columns[-8:] == [
        "Field: countries",
        "Field: countries (quote)",
        "Field: countries (source)",
        "Field: countries (confidence)",
        "Field: founded",
        "Field: founded (quote)",
        "Field: founded (source)",
        "Field: founded (confidence)",
    ]
    cells = spreadsheet_values(results[0], layout)
    assert cells[-8:-4] == [
        "40",
        "We deliver live events to players in 40 countries every month.",
        HOME,
        "0.80",
    ]
    # A workbook keeps the number a number.
    assert workbook_values(results[0], layout)[-8] == 40.0
    export = JsonExport(layout)
    [item] = json.loads(export.header() + export.rows([results[0]]) + export.footer())
    assert item["Field: countries"] == 40.0
    assert [a["name"] for a in item["Custom_Fields"]] == ["countries", "founded"]


async def test_without_a_model_the_fields_stay_empty_and_the_row_says_why(
    make_settings: MakeSettings, llm_server: Server[LlmState]
) -> None:
    results = await run_chunk(make_settings(llm=False), session(FIELDS[:1]), [STREAMFORGE])
    row: ResultRow = results[0]
    assert row.custom_fields == [FieldAnswer(name="countries")]
    assert "custom fields skipped: no language model configured" in row.notes
    assert asked(llm_server.state) == []


ACME = InputRow(row=1, name="Acme Rockets", website="acme-rockets.com")
LAUNCHER = FieldSpec(name="launcher", description="launcher called", type=FieldType.TEXT)


@pytest.mark.parametrize("deep", [True, False])
async def test_with_deep_search_its_pages_may_answer_a_field_too(
    make_settings: MakeSettings, llm_server: Server[LlmState], deep: bool
) -> None:
    options = SessionOptions(custom_fields=[LAUNCHER], run_llm_deep_search_pipeline=deep)
    context = SessionContext(
        "tenant", "s-deep-fields", 0, "Which of these run their own game launcher?", options
    )
    results = await run_chunk(make_settings(search="serper", llm=True), context, [ACME])
    [answer] = results[1].custom_fields
    if deep:
        assert answer.source_url == "https://gamenews.com/launchers"
        assert "game launcher called AcmePlay" in str(answer.value)
    else:
        # The company's own pages never mention it.
        assert answer == FieldAnswer(name="launcher")
