"""The row's own columns through the whole pipeline: same-name companies told apart by the
row's country, a Cyrillic name finding its Latin-named site, and unusable cells ignored."""

from __future__ import annotations

import pytest

from shared.rows import InputRow, RowStatus
from tests.pipeline.conftest import MakeSettings, Server, session_context
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.test_pipeline import run_chunk

pytestmark = pytest.mark.unit


def row(n: int, name: str, **facts: str) -> InputRow:
    return InputRow(row=n, name=name, original={"Company": name, **facts}, facts=facts)


async def test_namesakes_in_two_countries_each_get_their_own_site(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    rows = [
        row(0, "Nordlicht", country="Germany", city="Hamburg"),
        row(1, "Nordlicht", country="FR"),
        row(2, "Nordlicht", country="Франция"),
    ]
    results = await run_chunk(make_settings(search="serper"), session_context(), rows)
    assert results[0].official_website == "https://nordlicht-leuchten.de/"
    assert results[1].official_website == "https://nordlicht-studio.fr/"
    # The same name in the same country is the same company: a duplicate, not looked up.
    assert 2 not in results
    assert results[0].match_confidence is not None
    assert results[0].match_confidence > 0.62
    assert "location agrees" in results[0].notes
    queries = search_server.state.queries
    assert '"Nordlicht" official website Hamburg Germany' in queries
    assert 'site:linkedin.com/company "Nordlicht" Hamburg Germany' in queries
    assert '"Nordlicht" official website France' in queries


async def test_the_row_country_overturns_the_search_order(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    settings = make_settings(search="serper")
    unplaced = await run_chunk(settings, session_context(), [row(0, "Nordlicht")])
    germany = [row(0, "Nordlicht", country="DEU")]
    placed = await run_chunk(settings, session_context(), germany)
    # Without a country the two namesakes score alike and the first result stays.
    assert unplaced[0].official_website == "https://nordlicht-studio.fr/"
    assert placed[0].official_website == "https://nordlicht-leuchten.de/"


async def test_a_cyrillic_name_finds_its_latin_named_site(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    results = await run_chunk(
        make_settings(search="serper"), session_context(), [row(0, "ООО «Северный Ветер»")]
    )
    found = results[0]
    assert found.row_status is RowStatus.OK, found.error
    assert found.official_website == "https://severny-veter.com/"
    assert found.match_confidence is not None
    assert found.match_confidence >= 0.8
    assert "wind turbines" in found.description
    assert search_server.state.queries[:2] == [
        '"ООО «Северный Ветер»" official website',
        '"severny veter" official website',
    ]


async def test_unusable_cells_are_ignored_and_the_row_is_still_answered(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    rows = [
        row(0, "Nordlicht Нордлихт", country="xyz", city=""),
        row(1, "Severny Veter", country="??", industry="x" * 500),
        row(2, "Acme Rockets", country="Mars"),
        # Cyrillic look-alike letters typed into a Latin name.
        row(3, "S\u0435v\u0435rny V\u0435t\u0435r", country="Russia"),
    ]
    results = await run_chunk(make_settings(search="serper"), session_context(""), rows)
    assert "country 'xyz' not recognised, ignored" in results[0].notes
    assert results[0].row_status in (RowStatus.OK, RowStatus.NOT_FOUND)
    assert results[1].row_status is RowStatus.OK
    assert results[1].official_website == "https://severny-veter.com/"
    assert "country '??' not recognised, ignored" in results[1].notes
    assert "industry cell of 500 characters ignored (too long)" in results[1].notes
    assert "country 'Mars' not recognised, ignored" in results[2].notes
    mixed = results[3]
    assert (mixed.row_status, mixed.official_website) == (
        RowStatus.OK,
        "https://severny-veter.com/",
    )
    assert "mixes Latin and Cyrillic letters in a word; read as 'Severny Veter'" in mixed.notes


async def test_the_model_is_told_what_the_row_says_beside_the_context(
    make_settings: MakeSettings, llm_server: Server[LlmState]
) -> None:
    rows = [row(0, "Nordlicht", country="DE", city="Hamburg", industry="Lighting")]
    results = await run_chunk(make_settings(search="serper", llm=True), session_context(""), rows)
    assert results[0].official_website == "https://nordlicht-leuchten.de/"
    prompts = [request["messages"][1]["content"] for request in llm_server.state.requests]
    line = "From the user's list: located in Hamburg, Germany; industry: Lighting"
    assert any(line in prompt and "Nordlicht fertigt Leuchten" in prompt for prompt in prompts)
