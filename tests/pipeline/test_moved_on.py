"""A site found by name only whose root page is empty and moves its visitors on (a meta
refresh or a script to the language's home) is judged on the page it moves to."""

from __future__ import annotations

import pytest

from worker.pipeline.clients.fetch.fetcher import Fetcher
from worker.pipeline.clients.search.provider import SearchProvider
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.website_search import WebsiteDiscovery
from worker.pipeline.stages.page.page_facts import extract_facts, moved_on_to

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("name", "country", "home", "words"),
    [
        ("Wierzbowy Młyn Piekarnia", "PL", "https://wierzbowy-mlyn.pl/", "zakwasie"),
        ("Ipê Roxo Alimentos", "BR", "https://ipe-roxo-alimentos.com.br/", "Londrina"),
    ],
)
async def test_an_empty_root_that_moves_visitors_on_is_judged_on_the_page_it_moves_to(
    farm_serper: SearchProvider,
    farm_fetcher: Fetcher,
    name: str,
    country: str,
    home: str,
    words: str,
) -> None:
    found = await WebsiteDiscovery(farm_serper, farm_fetcher, 8, 4, 0.62).discover(
        name, "", RowPlace(country)
    )
    assert found.best is not None, found.reason
    assert found.best.url == home
    assert found.best.confidence >= 0.8, found.best.evidence
    assert found.best.facts is not None
    assert words in " ".join(found.best.facts.paragraphs)


def test_only_an_empty_page_moving_on_within_its_own_site_is_moved_on() -> None:
    refresh = '<meta http-equiv="refresh" content="0; URL={}">'
    empty = "<html><head>{}</head><body></body></html>"
    own = extract_facts("https://a-firm.pl/", empty.format(refresh.format("/pl/start")))
    assert moved_on_to(own) == "https://a-firm.pl/pl/start"
    away = extract_facts("https://a-firm.pl/", empty.format(refresh.format("https://b.com/")))
    assert moved_on_to(away) == ""
    words = "<p>" + "A Firm bakes bread in Toruń for shops across the region. " * 5 + "</p>"
    full = f"<html><head>{refresh.format('/pl/start')}</head><body>{words}</body></html>"
    assert moved_on_to(extract_facts("https://a-firm.pl/", full)) == ""
