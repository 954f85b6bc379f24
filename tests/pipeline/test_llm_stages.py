"""Grounded descriptions and deep search against an OpenAI-compatible server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx2
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.pipeline.conftest import FARM_DNS, Farm, MakeSettings, Server
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.fakes.server import serve_app
from tests.pipeline.fakes.site_farm import ACME_HOME, page
from worker.pipeline.build import web_fetcher
from worker.pipeline.clients.llm import LlmClient, LlmUnavailable
from worker.pipeline.clients.search.searxng import SearxngSearch
from worker.pipeline.stages.deep_search import DeepSearch, render
from worker.pipeline.stages.description import from_llm
from worker.pipeline.stages.page.page_facts import extract_facts

pytestmark = pytest.mark.unit

ACME = extract_facts("https://acme-rockets.com/", ACME_HOME)


@pytest.fixture
async def llm(llm_server: Server[LlmState]) -> AsyncIterator[LlmClient]:
    client = LlmClient(llm_server.url, "sk-secret", "test-model", 5.0, 0.0, 2, 0.05)
    yield client
    await client.aclose()


async def test_description_is_a_structured_answer_grounded_in_the_page_and_context(
    llm: LlmClient, llm_server: Server[LlmState]
) -> None:
    result = await from_llm(llm, "Acme Rockets", [ACME], "Which of them build launchers?", 8000)
    assert result is not None
    assert result.source == "llm"
    assert result.text == (
        "Acme Rockets builds reusable launch vehicles for small satellite operators."
    )
    (request,) = llm_server.state.requests
    assert request["model"] == "test-model"
    assert request["response_format"]["type"] == "json_schema"
    assert request["response_format"]["json_schema"]["strict"] is True
    user = request["messages"][1]["content"]
    assert "Which of them build launchers?" in user
    assert "Acme Rockets designs and flies reusable rockets" in user


async def test_text_too_thin_for_the_model_gives_no_description(llm: LlmClient) -> None:
    facts = extract_facts("https://x.com/", page("X", "<p>hi</p>"))
    assert await from_llm(llm, "X", [facts], "", 8000) is None


async def test_model_outage_is_a_clear_error_after_retries(
    llm: LlmClient, llm_server: Server[LlmState]
) -> None:
    llm_server.state.failing = True
    with pytest.raises(LlmUnavailable, match="language model unavailable: HTTP 503"):
        await from_llm(llm, "Acme Rockets", [ACME], "", 8000)
    assert len(llm_server.state.requests) == 2


async def test_deep_search_answers_context_questions_with_source_urls(
    llm: LlmClient,
    search_server: Server[SearchState],
    web_env: Farm,
    make_settings: MakeSettings,
) -> None:
    fetcher, web = web_fetcher(make_settings(fetch_timeout_s=2.0), resolver=FARM_DNS)
    async with web, httpx2.AsyncClient(trust_env=True, timeout=5) as client:
        search = SearxngSearch(client, search_server.url, "", 2, 0.05)
        deep = DeepSearch(llm, search, fetcher, questions=3, pages=2, text_limit=8000)
        questions = await deep.questions("Which of these companies run their own game launcher?")
        assert questions == ["Does the company run its own game launcher?"]
        answers, skipped, _ = await deep.answer("Acme Rockets", questions, ACME)
    assert answers[0].answer.startswith("Yes")
    assert answers[0].sources == ("https://gamenews.com/launchers",)
    assert "(sources: https://gamenews.com/launchers)" in render(answers)
    assert any("launcher" in q for q in search_server.state.queries)
    assert skipped == []


async def test_deep_search_without_context_asks_nothing(
    llm: LlmClient, llm_server: Server[LlmState]
) -> None:
    deep = DeepSearch(llm, None, None, 3, 2, 8000)  # type: ignore[arg-type]
    assert await deep.questions("   ") == []
    assert llm_server.state.requests == []


async def test_a_model_that_never_answers_is_a_timeout_in_words() -> None:
    async def never(request: Request) -> JSONResponse:
        await asyncio.sleep(3600)  # ended when the server stops
        return JSONResponse({})

    app = Starlette(routes=[Route("/v1/chat/completions", never, methods=["POST"])])
    with serve_app(app) as port:
        slow = LlmClient(f"http://127.0.0.1:{port}/v1", "sk", "m", 0.3, 0.0, 1, 0.05)
        try:
            with pytest.raises(LlmUnavailable) as raised:
                await from_llm(slow, "Acme Rockets", [ACME], "", 8000)
        finally:
            await slow.aclose()
    assert str(raised.value) == "language model unavailable: timeout"
