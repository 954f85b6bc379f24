"""A Latin name of a company in a country of another script whose site writes that name
only in a mark: when the whole name finds no site, its first word is searched, and the
candidates are judged on the whole name as always."""

from __future__ import annotations

import pytest

from tests.pipeline.conftest import Server
from tests.pipeline.fakes.search import SearchState
from worker.pipeline.clients.fetch.fetcher import Fetcher
from worker.pipeline.clients.search.provider import SearchProvider
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.queries import brand_query
from worker.pipeline.stages.discovery.website_search import WebsiteDiscovery

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("name", "country", "query"),
    [
        ("Aozora Metal Works Co., Ltd.", "JP", '"Aozora" official website Japan'),
        ("Jinqiao Engineering", "CN", '"Jinqiao" official website China'),
        ("Hanbit Precision", "KR", '"Hanbit" official website South Korea'),
        ("Tenger Logistics", "MN", '"Tenger" official website Mongolia'),
        ("Aozora Metal Works", "DE", None),  # a Latin-script country: the name is written
        ("Aozora", "JP", None),  # one word: the whole name already
        ("The Aozora Works", "JP", None),  # too short to be a brand alone
        ("北斗精工", "JP", None),  # not a Latin name
        ("Aozora Metal Works", None, None),
    ],
)
def test_the_first_word_is_searched_only_for_latin_names_in_countries_of_other_scripts(
    name: str, country: str | None, query: str | None
) -> None:
    assert brand_query(name, RowPlace(country) if country else None) == query


async def test_a_site_naming_the_company_only_in_its_logo_is_found_by_its_first_word(
    farm_serper: SearchProvider, farm_fetcher: Fetcher, search_server: Server[SearchState]
) -> None:
    found = await WebsiteDiscovery(farm_serper, farm_fetcher, 8, 4, 0.62).discover(
        "Hoshizora Metal Works", "", RowPlace("JP", "Osaka")
    )
    assert found.best is not None, found.reason
    assert found.best.url == "https://hoshizora-mw.jp/"
    assert found.best.confidence >= 0.8
    assert any(
        q.lower().startswith('"hoshizora" official website') for q in search_server.state.queries
    )


async def test_without_a_country_of_another_script_the_first_word_is_not_searched(
    farm_serper: SearchProvider, farm_fetcher: Fetcher, search_server: Server[SearchState]
) -> None:
    found = await WebsiteDiscovery(farm_serper, farm_fetcher, 8, 4, 0.62).discover(
        "Hoshizora Metal Works", "", RowPlace("DE", "Berlin")
    )
    assert found.best is None
    assert not any('"hoshizora" official' in q.lower() for q in search_server.state.queries)


async def test_a_site_named_only_in_its_logo_is_found_by_its_first_word_past_another_site(
    farm_serper: SearchProvider, farm_fetcher: Fetcher, search_server: Server[SearchState]
) -> None:
    found = await WebsiteDiscovery(farm_serper, farm_fetcher, 8, 4, 0.62).discover(
        "Kirameki Transport Co., Ltd.", "", RowPlace("JP", "Sendai")
    )
    assert found.best is not None, found.reason
    assert found.best.url == "https://kirameki-tr.jp/"
    assert found.best.confidence >= 0.8
