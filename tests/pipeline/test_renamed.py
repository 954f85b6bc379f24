"""Companies listed under another name than their site's: a translated name is accepted
only when the site's own pages or a search result carry both names, and a renamed
company's dead domain is replaced only by a site that names the old address."""

from __future__ import annotations

import pytest

from shared.rows import InputRow, ResultRow, RowStatus
from tests.pipeline.conftest import MakeSettings, Server, session_context
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.test_pipeline import run_chunk

pytestmark = pytest.mark.unit


def row(n: int, name: str, website: str | None = None) -> InputRow:
    return InputRow(
        row=n, name=name, website=website, original={"Name": name, "Site": website or ""}
    )


ROWS = [
    row(0, "Золотой Колос"),
    row(1, "Белый Парус"),
    row(2, "Зелёная Долина"),
    row(3, "Olivares Ingenieria", "olivares-ingenieria.es"),
    row(4, "Dunmore Analytics", "dunmore-analytics.co.uk"),
    row(5, "Золотой Колос", "golden-ear.com"),
    row(6, "Penrose Legal"),
]

_RUN: dict[str, dict[int, ResultRow]] = {}


@pytest.fixture
async def results(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> dict[int, ResultRow]:
    if "rows" not in _RUN:
        found = await run_chunk(make_settings(search="serper"), session_context(), ROWS)
        _RUN["rows"] = found
    return _RUN["rows"]


async def test_a_translated_name_is_accepted_when_the_sites_own_version_carries_it(
    results: dict[int, ResultRow],
) -> None:
    found = results[0]
    assert (found.row_status, found.official_website) == (RowStatus.OK, "https://golden-ear.com/")
    assert "its ru version (https://golden-ear.com/ru/) calls itself 'Золотой Колос'" in (
        found.notes
    )
    given = results[5]  # the same site given: its English homepage alone would be doubted
    assert (given.row_status, given.official_website) == (RowStatus.OK, "https://golden-ear.com/")
    assert given.website_confidence is not None
    assert given.website_confidence >= 0.8


async def test_a_translated_name_is_accepted_when_a_search_result_names_both(
    results: dict[int, ResultRow],
) -> None:
    found = results[1]
    assert (found.row_status, found.official_website) == (RowStatus.OK, "https://white-sail.com/")
    assert "a search result names 'Белый Парус' and 'White Sail Travel' together" in found.notes


async def test_nothing_linking_the_names_is_no_match(results: dict[int, ResultRow]) -> None:
    unlinked = results[2]
    assert unlinked.row_status is RowStatus.NOT_FOUND
    assert unlinked.official_website == ""
    # A directory's listing names the company and the directory: no link between them.
    listed = results[6]
    assert (listed.row_status, listed.official_website) == (RowStatus.NOT_FOUND, "")


async def test_a_dead_domain_is_replaced_by_the_new_site_that_names_it(
    results: dict[int, ResultRow],
) -> None:
    renamed = results[3]
    assert renamed.row_status is RowStatus.OK
    assert (renamed.official_website, renamed.website_source) == (
        "https://helioval.es/",
        "rediscovered",
    )
    assert "the page names olivares-ingenieria.es" in renamed.notes
    assert "the given website https://olivares-ingenieria.es is dead" in renamed.notes


async def test_a_dead_domain_is_not_replaced_by_a_site_that_does_not_name_it(
    results: dict[int, ResultRow],
) -> None:
    gone = results[4]
    assert gone.row_status is RowStatus.DEAD_URL
    assert gone.official_website == "https://dunmore-analytics.co.uk"
    assert "quantly" not in gone.official_website
