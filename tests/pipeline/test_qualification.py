"""Qualification through the pipeline: evidence pages, one model call per company and
product, quotes checked on their pages, and the product rules of every criterion type."""

from __future__ import annotations

import re
from typing import Any

import pytest

from shared.criteria.model import (
    CriteriaFile,
    CriterionResult,
    ProductResult,
    SessionCriteria,
    Verdict,
)
from shared.models import SessionOptions
from shared.rows import InputRow, ResultRow, RowStatus
from tests.pipeline.conftest import FARM_DNS, MakeSettings, Server
from tests.pipeline.criteria import CDN, CRITERIA, ONLY_CDN, SECURITY, qualifying
from tests.pipeline.fakes.hubspot import HubSpotState
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.test_pipeline_metrics import run_chunk as run_measured
from worker.dedupe import plan_rows
from worker.pipeline.build import build_pipeline
from worker.pipeline.protocol import SessionContext
from worker.pipeline.settings import PipelineSettings

pytestmark = pytest.mark.unit

STREAMFORGE = InputRow(row=0, name="StreamForge", website="streamforge.com")
ACME = InputRow(row=1, name="Acme Rockets", website="acme-rockets.com")
HOME = "https://streamforge.com/"
ABOUT = "https://streamforge.com/about"
REVIEW = "https://gamepress.com/review1"


def session(
    options: SessionOptions, criteria: SessionCriteria | None = CRITERIA, context: str = ""
) -> SessionContext:
    return SessionContext("tenant", "s-qualify", 0, context, options, criteria=criteria)


async def run_chunk(
    settings: PipelineSettings, context: SessionContext, given: list[InputRow]
) -> dict[int, ResultRow]:
    pipeline = build_pipeline(settings, resolver=FARM_DNS)
    try:
        chunk = pipeline.open_chunk(context)
        rows = list(plan_rows(given))
        await chunk.prepare(rows)
        results = [await chunk.enrich(row) for row in rows if row.duplicate_of is None]
        return {r.row: r for r in await chunk.finish(results)}
    finally:
        await pipeline.aclose()


def asked(state: LlmState) -> list[dict[str, Any]]:
    """The qualification questions the model was asked, in order."""
    return [
        r for r in state.requests if r["response_format"]["json_schema"]["name"] == "qualification"
    ]


def user_text(request: dict[str, Any]) -> str:
    return str(next(m["content"] for m in request["messages"] if m["role"] == "user"))


def passed(criterion_id: str, quote: str, url: str) -> CriterionResult:
    return CriterionResult(
        criterion_id=criterion_id, verdict=Verdict.PASSED, quote=quote, source_url=url
    )


def no_data(criterion_id: str) -> CriterionResult:
    return CriterionResult(criterion_id=criterion_id, verdict=Verdict.NO_DATA)


PLATFORM = "StreamForge runs a video streaming platform for game studios."
EVENTS = "We deliver live events to players in 40 countries every month."
FORMULA = "=cmd|' /C calc'!A0 is not a formula here, only text on a page."


async def test_every_criterion_type_decides_its_product_from_checked_evidence(
    make_settings: MakeSettings, llm_server: Server[LlmState]
) -> None:
    settings = make_settings(search="serper", llm=True)
    context = session(qualifying(), context="We sell delivery networks to game companies.")

    (row,) = (await run_chunk(settings, context, [STREAMFORGE])).values()

    assert row.row_status is RowStatus.OK
    assert row.qualification_status == "ok"
    assert row.qualified_products == ["CDN"]
    cdn, security, ads = row.qualification
    assert cdn == ProductResult(
        product="CDN",
        qualified=True,
        audiences=["Game studios"],
        nth_score=2,
        nth_total=3,
        reason="qualified for Game studios",
        criteria=[
            passed("r2", "StreamForge: video streaming for games.", HOME),
            passed("r3", EVENTS, HOME),
            no_data("r4"),
            passed("r5", PLATFORM, HOME),
            no_data("r6"),
            passed("r7", EVENTS, HOME),
            no_data("r8"),
            passed("r9", EVENTS, HOME),
            passed(
                "r10",
                "Review 1: StreamForge was founded by former game developers, says issue 1.",
                REVIEW,
            ),
            no_data("r11"),
            passed("r12", "StreamForge: video streaming for games.", HOME),
        ],
    )
    assert (security.qualified, security.audiences, security.nth_total) == (False, [], 0)
    assert security.reason == "a mandatory criterion failed for every qualified audience"
    assert security.criteria[2] == CriterionResult(
        criterion_id="r16",
        verdict=Verdict.FAILED,
        quote="The company does not operate its own data centres and rents cloud capacity instead.",
        source_url=ABOUT,
    )
    assert security.criteria[3] == no_data("r17")
    assert ads.qualified is False
    assert ads.reason == "general criteria: 1 of 3 passed (more than half needed)"
    assert ads.criteria[2] == passed("r20", FORMULA, HOME)
    assert {HOME, ABOUT, REVIEW} <= set(row.sources)
    assert "1 answer(s) quoting text not found on the named page counted as no data" in row.notes
    first = user_text(asked(llm_server.state)[0])
    assert "Seller's context: We sell delivery networks to game companies." in first
    assert "- c2 [General] Reaches a global audience (signals: 40 countries)" in first
    assert "(target audience: Game studios)" in first


async def test_one_model_call_per_company_and_product(
    make_settings: MakeSettings, llm_server: Server[LlmState], search_server: Server[SearchState]
) -> None:
    settings = make_settings(search="serper", llm=True)
    results = await run_chunk(settings, session(qualifying()), [STREAMFORGE, ACME])

    questions = asked(llm_server.state)
    assert len(questions) == 2 * 3
    products = [re.search(r"^Product: (.*)$", user_text(q), re.M) for q in questions]
    assert sorted(p.group(1) for p in products if p) == sorted(["CDN", "Security", "Ads"] * 2)
    schema = questions[0]["response_format"]["json_schema"]
    assert schema["strict"] is True
    assert set(schema["schema"]["required"]) == {f"c{n}" for n in range(1, 12)}
    # One criterion searches, once per company, whatever the number of products.
    reviews = [q for q in search_server.state.queries if q.endswith(" reviews")]
    assert sorted(reviews) == ["acme-rockets.com reviews", "streamforge.com reviews"]
    assert results[1].qualification_status == "ok"
    assert results[1].qualified_products == []


async def test_pages_per_company_are_capped_and_shared_searches_asked_once(
    make_settings: MakeSettings, llm_server: Server[LlmState], search_server: Server[SearchState]
) -> None:
    settings = make_settings(search="serper", llm=True, qualification_max_pages=3)
    # The search of CDN's r10, asked by a Security criterion too.
    shared = CDN[8].model_copy(update={"id": "r21", "product": "Security"})
    twice = SessionCriteria(files=[CriteriaFile(name="s", criteria=[*CDN, *SECURITY, shared])])

    await run_chunk(settings, session(qualifying(), twice), [STREAMFORGE])

    reviews = [q for q in search_server.state.queries if "reviews" in q]
    assert reviews == ["streamforge.com reviews"]
    cdn = user_text(asked(llm_server.state)[0])
    read = re.findall(r"^\[\d+\] (\S+)$", cdn, re.M)
    unread = re.findall(r"^\[\d+\] (\S+) \(search result, page not read\)$", cdn, re.M)
    assert read == [HOME, ABOUT, REVIEW]
    assert unread == [f"https://gamepress.com/review{n}" for n in range(2, 7)]
    security = user_text(asked(llm_server.state)[1])
    assert re.findall(r"^\[\d+\] (\S+)$", security, re.M) == [HOME, ABOUT, REVIEW]


async def test_qualify_only_reads_the_pages_and_qualifies_nothing_else(
    make_settings: MakeSettings,
    llm_server: Server[LlmState],
    search_server: Server[SearchState],
    hubspot_server: Server[HubSpotState],
) -> None:
    settings = make_settings(search="serper", llm=True, hubspot=True)
    options = qualifying(
        qualify_only=True, run_llm_deep_search_pipeline=True, use_hubspot_integration=True
    )
    nameless = InputRow(row=1, name="Zenith Analytics")

    results = await run_chunk(
        settings, session(options, ONLY_CDN, "game launchers"), [STREAMFORGE, nameless]
    )

    row = results[0]
    assert (row.row_status, row.qualified_products) == (RowStatus.OK, ["CDN"])
    assert (row.description, row.linkedin_url, row.deep_search) == ("", "", "")
    assert row.deep_search_status == "skipped"
    assert row.hubspot_status == ""
    assert hubspot_server.state.calls == []
    assert search_server.state.queries == ["streamforge.com reviews"]
    assert [r["response_format"]["json_schema"]["name"] for r in llm_server.state.requests] == [
        "qualification"
    ]
    missing = results[1]
    assert (missing.row_status, missing.error) == (RowStatus.NOT_FOUND, "no website given")
    assert missing.qualification_status == "skipped: no website to qualify (not_found)"


async def test_without_a_language_model_qualification_is_skipped(
    make_settings: MakeSettings,
) -> None:
    (row,) = (await run_chunk(make_settings(), session(qualifying()), [STREAMFORGE])).values()
    assert row.qualification_status == "skipped: no language model configured"
    assert (row.row_status, row.description_source) == (RowStatus.OK, "meta")
    assert row.qualification == []


async def test_a_model_outage_fails_qualification_and_nothing_else(
    make_settings: MakeSettings, llm_server: Server[LlmState]
) -> None:
    llm_server.state.failing = True
    settings = make_settings(search="serper", llm=True)
    (row,) = (await run_chunk(settings, session(qualifying()), [STREAMFORGE])).values()
    assert row.qualification_status == "failed: language model unavailable: HTTP 503"
    assert (row.row_status, row.official_website) == (RowStatus.OK, HOME)
    assert row.description
    assert (row.qualification, row.qualified_products) == ([], [])


async def test_a_missing_criteria_snapshot_fails_qualification_only(
    make_settings: MakeSettings,
) -> None:
    settings = make_settings(llm=True)
    (row,) = (await run_chunk(settings, session(qualifying(), None), [STREAMFORGE])).values()
    assert row.qualification_status == "failed: the session's criteria are missing"
    assert row.row_status is RowStatus.OK


async def test_a_session_without_criteria_leaves_the_qualification_columns_empty(
    make_settings: MakeSettings, llm_server: Server[LlmState]
) -> None:
    settings = make_settings(llm=True)
    (row,) = (await run_chunk(settings, session(SessionOptions()), [STREAMFORGE])).values()
    assert (row.qualification_status, row.qualified_products) == ("", [])
    assert asked(llm_server.state) == []


async def test_the_qualification_summary_is_written_to_hubspot(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    existing = hubspot_server.state.add(name="Acme", domain="acme-rockets.com")
    settings = make_settings(search="serper", llm=True, hubspot=True)
    options = qualifying(write_to_hubspot=True)

    results = await run_chunk(settings, session(options), [STREAMFORGE, ACME])

    assert results[0].hubspot_status == "created"
    assert results[1].hubspot_status == "updated"
    by_domain = {p["domain"]: p for p in hubspot_server.state.companies.values()}
    assert by_domain["streamforge.com"]["dossier_qualification"] == (
        "CDN: qualified (Game studios), NTH 2/3; "
        "Security: not qualified — a mandatory criterion failed for every qualified audience; "
        "Ads: not qualified — general criteria: 1 of 3 passed (more than half needed)"
    )
    assert hubspot_server.state.companies[existing]["dossier_qualification"].startswith(
        "CDN: not qualified"
    )


async def test_qualify_only_updates_the_record_the_write_back_finds_by_domain(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    existing = hubspot_server.state.add(
        name="StreamForge", domain="streamforge.com", ai_description="written by a person"
    )
    settings = make_settings(search="serper", llm=True, hubspot=True)
    options = qualifying(qualify_only=True, write_to_hubspot=True)

    (row,) = (await run_chunk(settings, session(options, ONLY_CDN), [STREAMFORGE])).values()

    assert row.hubspot_status == "updated"
    assert row.hubspot_company_id.endswith(f"/company/{existing}")
    assert list(hubspot_server.state.companies) == [existing]
    company = hubspot_server.state.companies[existing]
    assert company["dossier_qualification"] == "CDN: qualified (Game studios), NTH 2/3"
    assert company["ai_description"] == "written by a person"


async def test_model_calls_and_the_stage_time_reach_the_worker_metrics(
    make_settings: MakeSettings,
) -> None:
    settings = make_settings(search="serper", llm=True)
    scraped = await run_measured(settings, session(qualifying(), ONLY_CDN), [STREAMFORGE])

    stage = "dossier_worker_stage_duration_seconds_count"
    assert scraped.value(stage, stage="qualification") == 1
    # The description and one question for the one product.
    calls = "dossier_worker_provider_calls_total"
    assert scraped.value(calls, provider="llm", outcome="ok") == 2
