"""Parked and for-sale domains through the whole pipeline: a given parked website is no
website, and a parked search candidate is passed over with a note."""

from __future__ import annotations

import pytest

from shared.rows import InputRow, RowStatus
from tests.pipeline.conftest import MakeSettings, Server, session_context
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.test_pipeline import run_chunk

pytestmark = pytest.mark.unit

ROWS = [
    InputRow(row=0, name="Tidewater Dental", website="tidewater-dental.com"),
    InputRow(row=1, name="Vantage Grid", website="https://vantage-grid.com"),
    InputRow(row=2, name="Kettleworks"),
    InputRow(row=3, name="Lumen Parked Co"),
]


async def test_a_parked_given_website_is_a_dead_url_with_no_website(
    make_settings: MakeSettings,
) -> None:
    results = await run_chunk(make_settings(), session_context(), ROWS[:2])
    parked, sold = results[0], results[1]
    assert parked.row_status is RowStatus.DEAD_URL
    assert parked.official_website == ""
    assert parked.error.startswith("parked domain page: ")
    assert "parking wording ('web page is parked')" in parked.error.lower()
    assert (parked.description, parked.description_source) == ("", "")
    assert sold.row_status is RowStatus.DEAD_URL
    assert sold.official_website == ""
    assert "redirects to sedo.com" in sold.error
    assert sold.description == ""


async def test_parked_search_candidates_are_skipped_with_a_note(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    results = await run_chunk(make_settings(search="serper"), session_context(), ROWS)
    kettleworks = results[2]
    assert kettleworks.row_status is RowStatus.OK
    assert kettleworks.official_website == "https://kettleworks-roasters.com/"
    assert "candidate https://kettleworks.io/ skipped: parked domain page" in kettleworks.notes
    assert kettleworks.description.startswith("Kettleworks roasts single-origin coffee")
    only_parked = results[3]
    assert only_parked.row_status is RowStatus.NOT_FOUND
    assert only_parked.error == "every candidate website for 'Lumen Parked Co' was skipped"
    assert only_parked.official_website == ""
    assert only_parked.description == ""
    assert "kettleworks.io/ skipped: parked domain page" in only_parked.notes
    # A parked given website looks for the company's real site, and stays empty without one.
    assert results[0].official_website == ""
    assert results[0].row_status is RowStatus.DEAD_URL
    assert any("tidewater dental" in q.lower() for q in search_server.state.queries)
