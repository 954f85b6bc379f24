"""The Serper and SearXNG clients ask one engine the same question and read the same
answer: quotes, `site:`, `&`, `+` and letters of any script survive both requests."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2
import pytest

from bench.accuracy_web.model import Doc
from bench.accuracy_web.search import API_KEY, SearchIndex, search_app
from tests.pipeline.fakes.server import serve_app
from worker.pipeline.clients.search.searxng import SearxngSearch
from worker.pipeline.clients.search.serper import SerperSearch

pytestmark = pytest.mark.unit

_DOCS = [
    Doc("https://lindgren.se/", "Lindgren & Co", "Snickeri i Malmö", "Lindgren & Co Malmö", "site"),
    Doc("https://ofekmaarachot.co.il/", "אופק מערכות", "באר שבע", "אופק מערכות", "site"),
    Doc("https://yungfengtea.com.tw/", "永豐茶業", "高雄", "永豐茶業 Yung Feng Tea", "site"),
    Doc(
        "https://www.linkedin.com/company/c-plus-plus-labs",
        "C++ Labs | LinkedIn",
        "Software. Sofia, Bulgaria.",
        "C++ Labs Software Sofia Bulgaria",
        "linkedin",
    ),
    Doc("https://morava.rs/", "Морава Градња", "Ниш", "Морава Градња Morava Gradnja", "site"),
]
QUERIES = [
    '"Lindgren & Co" official website Malmö Sweden',
    '"אופק מערכות" official website',
    "永豐茶業 Kaohsiung",
    'site:linkedin.com/company "C++ Labs" Sofia, Bulgaria',
    '"Морава Градња" official website Niš',
    "morava gradnja",
]


@pytest.fixture
def engine() -> Iterator[str]:
    with serve_app(search_app(SearchIndex(_DOCS))) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.mark.parametrize("query", QUERIES)
async def test_both_flavours_get_the_same_hits_for_the_same_query(engine: str, query: str) -> None:
    async with httpx2.AsyncClient(timeout=10) as client:
        serper = SerperSearch(client, f"{engine}/search", API_KEY, 1, 1)
        searxng = SearxngSearch(client, engine, API_KEY, 1, 1)
        by_serper = await serper.search(query, 8)
        by_searxng = await searxng.search(query, 8)
    assert by_serper, query  # the engine knows an answer: the comparison means something
    assert by_serper == by_searxng
