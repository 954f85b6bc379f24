"""The whole pipeline over a small chunk, built by `build_pipeline` from settings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from structlog.contextvars import merge_contextvars
from structlog.testing import capture_logs

from shared.rows import InputRow, ResultRow, RowStatus
from tests.pipeline.conftest import FARM_DNS, MakeSettings, Server, session_context
from tests.pipeline.fakes.hubspot import TOKEN, HubSpotState
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.search import API_KEY, SearchState
from worker.dedupe import plan_rows
from worker.pipeline.build import build_pipeline
from worker.pipeline.protocol import SessionContext
from worker.pipeline.settings import PipelineSettings

pytestmark = pytest.mark.unit

INPUT = [
    InputRow(row=0, name="Acme Rockets Inc.", website="acme-rockets.com", original={"id": "7"}),
    InputRow(row=1, name="Zenith Analytics"),
    InputRow(row=2, name="Acquired Startup", website="https://acquired-startup.com"),
    InputRow(row=3, name="Nowhere Widgets"),
    InputRow(row=4, name="Meta Corp", website="meta-corp.net"),
    InputRow(row=5, name="Plain Text Co", website="plain-text-co.com"),
    InputRow(row=6, name="Acme Rockets", website="https://www.acme-rockets.com/"),
]


async def run_chunk(
    settings: PipelineSettings, session: SessionContext, given: list[InputRow] = INPUT
) -> dict[int, ResultRow]:
    pipeline = build_pipeline(settings, resolver=FARM_DNS)
    try:
        chunk = pipeline.open_chunk(session)
        rows = list(plan_rows(given))
        await chunk.prepare(rows)
        results = [await chunk.enrich(row) for row in rows if row.duplicate_of is None]
        return {r.row: r for r in await chunk.finish(results)}
    finally:
        await pipeline.aclose()


async def test_without_providers_rows_get_checked_websites_and_extractive_descriptions(
    make_settings: MakeSettings,
) -> None:
    results = await run_chunk(make_settings(), session_context())
    assert 6 not in results  # a duplicate of row 0: the engine fills it from the first
    acme = results[0]
    assert acme.row_status is RowStatus.OK
    assert acme.official_website == "https://acme-rockets.com/"
    assert acme.linkedin_url == "https://www.linkedin.com/company/acme-rockets"
    assert acme.description_source == "jsonld"
    assert acme.description.startswith("Acme Rockets builds reusable launch vehicles")
    assert acme.sources == ["https://acme-rockets.com/"]
    assert acme.original == {"id": "7"}
    assert results[1].row_status is RowStatus.NOT_FOUND
    assert results[1].error == "no website given and no search provider configured"
    assert "no LinkedIn link on the website" not in results[1].notes
    assert "LinkedIn not looked for: no page of the website was read" in results[1].notes
    # The given domain redirects to a site naming another company: a relation, not proof.
    assert results[2].row_status is RowStatus.NEEDS_REVIEW
    assert results[2].official_website == results[2].description == ""
    assert "https://megacorp.com/" in results[2].review_candidates
    assert results[4].description_source == "meta"
    assert "no LinkedIn link on the website" in results[4].notes
    plain = results[5]
    assert plain.description_source == "page_text"
    assert plain.description.startswith("Plain Text Company writes accounting software")
    assert plain.sources == ["https://plain-text-co.com/", "https://plain-text-co.com/about-us"]
    assert datetime.fromisoformat(acme.timestamp) <= datetime.now(UTC)


async def test_with_every_provider_rows_are_found_described_searched_and_synced(
    make_settings: MakeSettings,
    search_server: Server[SearchState],
    hubspot_server: Server[HubSpotState],
) -> None:
    settings = make_settings(search="serper", llm=True, hubspot=True)
    hubspot_server.state.add(name="Acme", domain="acme-rockets.com")
    session = session_context(
        "Which of these companies run their own game launcher?",
        run_llm_deep_search_pipeline=True,
        use_hubspot_integration=True,
        write_to_hubspot=True,
    )
    with capture_logs(processors=[merge_contextvars]) as logs:
        results = await run_chunk(settings, session)
    acme, zenith, meta = results[0], results[1], results[4]
    assert acme.description_source == "llm"
    assert acme.deep_search.startswith("Q: Does the company run its own game launcher?")
    assert "https://gamenews.com/launchers" in acme.sources
    assert acme.hubspot_company_id.startswith("https://app.hubspot.com/contacts/424242/company/")
    assert zenith.row_status is RowStatus.OK
    assert zenith.official_website == "https://zenith-analytics.com/"
    assert zenith.match_confidence is not None
    assert zenith.match_confidence >= 0.62
    assert "website found by search" in zenith.notes
    assert zenith.linkedin_url == "https://www.linkedin.com/company/zenith-analytics"
    assert meta.linkedin_url == "https://www.linkedin.com/company/metacorp-furniture"
    assert results[3].row_status is RowStatus.NOT_FOUND
    assert results[2].hubspot_company_id == ""  # dead rows are not written
    assert results[2].hubspot_status == "skipped"
    assert acme.hubspot_status == "updated"
    assert (zenith.hubspot_status, meta.hubspot_status) == ("created", "created")
    assert zenith.hubspot_company_id.startswith("https://app.hubspot.com/contacts/424242/")
    assert acme.deep_search_status == "ok"
    assert results[2].deep_search_status == "skipped"
    created = {p.get("domain") for p in hubspot_server.state.companies.values()}
    assert {"zenith-analytics.com", "meta-corp.net", "plain-text-co.com"} <= created
    channels = {entry.get("channel") for entry in logs}
    assert {"pipeline", "hubspot"} <= channels
    hubspot_lines = [e for e in logs if e.get("channel") == "hubspot"]
    assert {"hubspot.request", "hubspot.lookup.done", "hubspot.batch.done"} <= {
        e["event"] for e in hubspot_lines
    }
    assert all(e["session_id"] == "s-test" for e in hubspot_lines)
    row_lines = [e for e in logs if e["event"] == "pipeline.row.enriched"]
    assert {(e["session_id"], e["chunk"]) for e in row_lines} == {("s-test", 0)}
    assert sorted(e["row"] for e in row_lines) == [0, 1, 2, 3, 4, 5]
    text = repr(logs)
    assert TOKEN not in text
    assert API_KEY not in text
    assert "sk-test" not in text


async def test_fresh_hubspot_description_is_reused_instead_of_recomputed(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    today = datetime.now(UTC).date().isoformat()
    hubspot_server.state.add(
        domain="acme-rockets.com", ai_description="From HubSpot.", ai_description_updated=today
    )
    settings = make_settings(llm=True, hubspot=True)
    results = await run_chunk(settings, session_context(use_hubspot_integration=True))
    assert results[0].description == "From HubSpot."
    assert results[0].description_source == "hubspot"
    assert results[0].hubspot_company_id in results[0].sources
    assert results[5].description_source == "llm"


async def test_a_website_found_by_search_gets_its_fresh_hubspot_description_too(
    make_settings: MakeSettings,
    search_server: Server[SearchState],
    hubspot_server: Server[HubSpotState],
) -> None:
    today = datetime.now(UTC).date().isoformat()
    zenith = hubspot_server.state.add(
        domain="zenith-analytics.com",
        ai_description="Known to sales.",
        ai_description_updated=today,
    )
    settings = make_settings(search="serper", llm=True, hubspot=True)
    results = await run_chunk(settings, session_context(use_hubspot_integration=True))
    found = results[1]
    assert "website found by search" in found.notes
    assert (found.description, found.description_source) == ("Known to sales.", "hubspot")
    assert found.hubspot_company_id.endswith(f"/company/{zenith}")
    assert found.hubspot_company_id in found.sources


MOVED = [
    InputRow(row=0, name="Zenith Analytics", website="zenith-old-domain.com"),
    InputRow(row=1, name="Nowhere Widgets", website="nowhere-widgets-dead.com"),
]


async def test_a_dead_given_website_starts_a_search_for_the_current_one(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    results = await run_chunk(make_settings(search="serper"), session_context(), MOVED)
    moved = results[0]
    assert moved.row_status is RowStatus.OK
    assert moved.official_website == "https://zenith-analytics.com/"
    assert moved.match_confidence is not None
    assert moved.match_confidence >= 0.62
    assert "the given website https://zenith-old-domain.com is dead" in moved.notes
    assert "website found by search" in moved.notes
    assert moved.description
    gone = results[1]
    assert gone.row_status is RowStatus.DEAD_URL
    assert gone.official_website == "https://nowhere-widgets-dead.com"
    assert gone.error
    assert "no other website found by search" in gone.notes
    assert any("nowhere widgets" in q.lower() for q in search_server.state.queries)


async def test_rediscovery_of_dead_websites_can_be_turned_off(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    settings = make_settings(search="serper", rediscover_dead_websites=False)
    results = await run_chunk(settings, session_context(), MOVED)
    assert [results[0].row_status, results[1].row_status] == [RowStatus.DEAD_URL] * 2
    # No website search; the LinkedIn page of a company whose site is dead is still looked for.
    assert [q for q in search_server.state.queries if "official website" in q] == []
    assert any(q.startswith("site:linkedin.com/company") for q in search_server.state.queries)


async def test_search_outage_fails_only_the_rows_that_need_search(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    search_server.state.failing = True
    results = await run_chunk(make_settings(search="searxng"), session_context())
    assert results[1].row_status is RowStatus.FAILED
    assert results[1].error == "searxng search unavailable: HTTP 503"
    assert results[0].row_status is RowStatus.OK
    assert "LinkedIn search failed" in results[4].notes


async def test_model_outage_falls_back_to_the_extractive_description(
    make_settings: MakeSettings, llm_server: Server[object]
) -> None:
    llm_server.state.failing = True  # type: ignore[attr-defined]
    results = await run_chunk(make_settings(llm=True), session_context())
    assert results[0].description_source == "jsonld"
    assert "language model unavailable" in results[0].notes


async def test_stage_selection_limits_the_work(make_settings: MakeSettings) -> None:
    results = await run_chunk(make_settings(stages="website"), session_context())
    assert results[0].official_website == "https://acme-rockets.com/"
    assert results[0].description == ""
    assert results[0].linkedin_url == ""
    assert results[2].row_status is RowStatus.NEEDS_REVIEW


async def test_hubspot_options_without_a_token_are_explained_per_row(
    make_settings: MakeSettings,
) -> None:
    results = await run_chunk(make_settings(), session_context(use_hubspot_integration=True))
    assert "HubSpot is not configured" in results[0].notes
    assert results[0].row_status is RowStatus.OK
    assert results[0].hubspot_status == "skipped"


async def test_writing_to_hubspot_alone_does_not_reuse_its_descriptions(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    today = datetime.now(UTC).date().isoformat()
    company = hubspot_server.state.add(
        domain="acme-rockets.com", ai_description="Old words.", ai_description_updated=today
    )
    settings = make_settings(hubspot=True)
    results = await run_chunk(settings, session_context(write_to_hubspot=True))
    assert results[0].description_source == "jsonld"
    assert results[0].hubspot_company_id.endswith(f"/company/{company}")
    assert hubspot_server.state.companies[company]["ai_description"] == results[0].description


async def test_hubspot_options_with_the_stage_disabled_are_explained(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    settings = make_settings(hubspot=True, stages="website,page,description")
    results = await run_chunk(settings, session_context(write_to_hubspot=True))
    assert "the hubspot stage is disabled" in results[0].notes
    assert hubspot_server.state.calls == []


async def test_deep_search_outage_keeps_the_row_and_what_was_found(
    make_settings: MakeSettings, search_server: Server[SearchState]
) -> None:
    settings = make_settings(search="serper", llm=True)
    session = session_context(
        "Which run their own game launcher?", run_llm_deep_search_pipeline=True
    )
    pipeline = build_pipeline(settings, resolver=FARM_DNS)
    try:
        chunk = pipeline.open_chunk(session)
        (acme,) = list(plan_rows(INPUT[:1]))
        await chunk.prepare([acme])
        search_server.state.failing = True
        result = await chunk.enrich(acme)
    finally:
        await pipeline.aclose()
    assert result.row_status is RowStatus.OK
    assert result.error == ""
    assert result.deep_search_status == "failed: serper search unavailable: HTTP 503"
    assert result.deep_search == ""
    assert result.official_website == "https://acme-rockets.com/"
    assert result.description_source == "llm"


async def test_questions_the_model_could_not_give_leave_every_row_as_found(
    make_settings: MakeSettings, search_server: Server[SearchState], llm_server: Server[LlmState]
) -> None:
    llm_server.state.failing = True
    settings = make_settings(search="serper", llm=True)
    session = session_context(
        "Which run their own game launcher?", run_llm_deep_search_pipeline=True
    )
    results = await run_chunk(settings, session)
    acme = results[0]
    assert (acme.row_status, acme.error) == (RowStatus.OK, "")
    assert acme.official_website == "https://acme-rockets.com/"
    assert acme.description_source == "jsonld"  # the extractive fallback
    assert acme.deep_search_status.startswith("failed: no questions from the context: ")
    assert results[1].row_status is RowStatus.OK
    assert results[1].deep_search_status.startswith("failed: ")
    assert results[2].row_status is RowStatus.NEEDS_REVIEW
    assert results[2].deep_search_status == "skipped"


async def test_a_failed_hubspot_look_up_keeps_the_rows_and_says_so_in_its_own_column(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    hubspot_server.state.failing = True
    settings = make_settings(hubspot=True)
    results = await run_chunk(settings, session_context(use_hubspot_integration=True))
    acme = results[0]
    assert (acme.row_status, acme.error) == (RowStatus.OK, "")
    assert acme.description_source == "jsonld"
    assert acme.hubspot_company_id == ""
    assert acme.hubspot_status == "failed: look-up failed (HubSpot unavailable: HTTP 502)"
    assert results[2].hubspot_status == "skipped"  # a dead website is not looked up


async def test_hubspot_status_says_what_the_look_up_found_and_what_was_reused(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    today = datetime.now(UTC).date().isoformat()
    state = hubspot_server.state
    acme = state.add(
        domain="acme-rockets.com", ai_description="Known.", ai_description_updated=today
    )
    meta = state.add(domain="meta-corp.net", name="Meta Corp")
    results = await run_chunk(
        make_settings(hubspot=True), session_context(use_hubspot_integration=True)
    )
    assert (results[0].hubspot_status, results[0].description) == ("reused", "Known.")
    assert results[0].hubspot_company_id.endswith(f"/company/{acme}")
    assert results[4].hubspot_status == "ok"
    assert results[4].hubspot_company_id.endswith(f"/company/{meta}")
    assert (results[5].hubspot_status, results[5].hubspot_company_id) == ("not_found", "")
    assert results[2].hubspot_status == "skipped"
    assert all(r.deep_search_status == "" for r in results.values())


async def test_a_website_cell_that_is_no_address_is_treated_as_missing(
    make_settings: MakeSettings,
) -> None:
    pipeline = build_pipeline(make_settings(search="serper"), resolver=FARM_DNS)
    try:
        chunk = pipeline.open_chunk(session_context())
        (row,) = plan_rows([InputRow(row=0, name="Zenith Analytics", website="n/a")])
        await chunk.prepare([row])
        result = await chunk.enrich(row)
    finally:
        await pipeline.aclose()
    assert result.official_website == "https://zenith-analytics.com/"
    assert "'n/a' is not a web address" in result.notes


async def test_a_website_serving_a_pdf_is_alive_but_gives_no_description(
    make_settings: MakeSettings,
) -> None:
    pipeline = build_pipeline(make_settings(), resolver=FARM_DNS)
    try:
        chunk = pipeline.open_chunk(session_context())
        (row,) = plan_rows([InputRow(row=0, name="PDF Only", website="pdf-only.com")])
        await chunk.prepare([row])
        result = await chunk.enrich(row)
    finally:
        await pipeline.aclose()
    assert result.row_status is RowStatus.OK
    assert result.official_website == "https://pdf-only.com/"
    assert result.description == ""
    assert "the website has no description text" in result.notes


async def test_a_website_cell_with_an_unmatched_bracket_is_one_rows_problem(
    make_settings: MakeSettings,
) -> None:
    given = [
        InputRow(row=0, name="Bracket Co", website="http://[bracket-co.com/about"),
        InputRow(row=1, name="Closing Co", website="closing]co.com"),
        InputRow(row=2, name="Acme Rockets", website="acme-rockets.com"),
    ]
    results = await run_chunk(make_settings(), session_context(), given)
    assert results[2].row_status is RowStatus.OK
    for row in (0, 1):
        assert results[row].row_status in (RowStatus.DEAD_URL, RowStatus.NOT_FOUND)
        assert results[row].official_website == ""
