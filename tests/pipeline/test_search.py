"""Search providers against Serper- and SearXNG-compatible servers; discovery and the
LinkedIn fallback on top of them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx2
import pytest

from tests.pipeline.conftest import FARM_DNS, Farm, MakeSettings, Server
from tests.pipeline.fakes.search import API_KEY, SearchState
from worker.pipeline.build import web_fetcher
from worker.pipeline.clients.fetch.fetcher import Fetcher
from worker.pipeline.clients.search.provider import SearchProvider, SearchUnavailable
from worker.pipeline.clients.search.searxng import SearxngSearch
from worker.pipeline.clients.search.serper import SerperSearch
from worker.pipeline.stages.discovery.website_search import WebsiteDiscovery
from worker.pipeline.stages.linkedin import from_search

pytestmark = pytest.mark.unit


@pytest.fixture
async def client(web_env: Farm) -> AsyncIterator[httpx2.AsyncClient]:
    async with httpx2.AsyncClient(trust_env=True, timeout=5) as client:
        yield client


@pytest.fixture
async def fetcher(make_settings: MakeSettings) -> AsyncIterator[Fetcher]:
    fetcher, client = web_fetcher(make_settings(fetch_timeout_s=2.0), resolver=FARM_DNS)
    async with client:
        yield fetcher


@pytest.fixture(params=["serper", "searxng"])
def provider(
    request: pytest.FixtureRequest,
    client: httpx2.AsyncClient,
    search_server: Server[SearchState],
    make_settings: MakeSettings,
) -> SearchProvider:
    if request.param == "serper":
        return SerperSearch(client, f"{search_server.url}/search", API_KEY, 3, 0.05)
    return SearxngSearch(client, search_server.url, "", 3, 0.05)


async def test_provider_returns_hits_in_rank_order(provider: SearchProvider) -> None:
    hits = await provider.search('"Zenith Analytics" official website', 8)
    assert [hit.url for hit in hits][:2] == [
        "https://www.linkedin.com/company/zenith-analytics",
        "https://en.wikipedia.org/wiki/Zenith",
    ]
    assert len(await provider.search('"Zenith Analytics" official website', 2)) == 2


async def test_rate_limited_search_is_retried(
    provider: SearchProvider, search_server: Server[SearchState]
) -> None:
    search_server.state.throttle_next = 2
    hits = await provider.search('"Zenith Analytics" official website', 8)
    assert hits
    assert len(search_server.state.queries) == 3


async def test_search_outage_is_a_clear_error_after_retries(
    provider: SearchProvider, search_server: Server[SearchState]
) -> None:
    search_server.state.failing = True
    with pytest.raises(SearchUnavailable, match=r"search unavailable: HTTP 503"):
        await provider.search("anything", 5)
    assert len(search_server.state.queries) == 3


async def test_serper_with_a_wrong_key_is_refused_without_retries(
    client: httpx2.AsyncClient, search_server: Server[SearchState]
) -> None:
    serper = SerperSearch(client, f"{search_server.url}/search", "wrong", 3, 0.05)
    with pytest.raises(SearchUnavailable, match=r"refused the request \(HTTP 403\)"):
        await serper.search("anything", 5)
    assert search_server.state.keys == ["wrong"]


def discovery(provider: SearchProvider, fetcher: Fetcher) -> WebsiteDiscovery:
    return WebsiteDiscovery(provider, fetcher, results=8, candidates=4, threshold=0.62)


async def test_discovery_picks_the_matching_site_and_skips_aggregators(
    provider: SearchProvider, fetcher: Fetcher
) -> None:
    found = await discovery(provider, fetcher).discover("Zenith Analytics", "retail forecasting")
    assert found.best is not None
    assert found.best.url == "https://zenith-analytics.com/"
    assert found.best.confidence >= 0.8
    assert "Zenith Analytics" in found.best.evidence
    assert found.considered == 2  # zenith-tours and zenith-analytics; no LinkedIn, no Wikipedia


async def test_discovery_without_a_good_candidate_finds_nothing(
    provider: SearchProvider, fetcher: Fetcher
) -> None:
    found = await discovery(provider, fetcher).discover("Nowhere Widgets", "")
    assert found.best is None
    assert "no candidate matched well enough" in found.reason


async def test_linkedin_search_fallback_picks_the_page_named_like_the_company(
    provider: SearchProvider,
) -> None:
    site = "Meta Corp sells office furniture to startups in Berlin."
    found = await from_search(provider, "Meta Corp", "meta-corp.net", 8, site_text=site)
    assert found is not None
    assert found[0] == "https://www.linkedin.com/company/metacorp-furniture"
    assert found[1].confidence >= 0.8
    assert "Berlin" in found[1].describe()


async def test_linkedin_search_result_without_corroboration_scores_low(
    provider: SearchProvider,
) -> None:
    found = await from_search(provider, "Meta Corp", None, 8)
    assert found is not None
    assert found[1].confidence < 0.62
    assert "nothing else corroborates it" in found[1].describe()


async def test_linkedin_search_without_a_matching_page_finds_nothing(
    provider: SearchProvider,
) -> None:
    assert await from_search(provider, "Unknown Co", None, 8) is None
