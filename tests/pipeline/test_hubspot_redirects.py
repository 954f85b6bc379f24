"""A company whose given website redirects to its current one (kestrel-tools.com ->
harbourline.io in the site farm), against the fake HubSpot: the record is created with
the current domain, and a record filed under either domain is updated, never doubled."""

from __future__ import annotations

import pytest

from shared.rows import InputRow, ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from tests.pipeline.conftest import FARM_DNS, MakeSettings, Server, session_context
from tests.pipeline.fakes.hubspot import PORTAL_ID, HubSpotState
from tests.pipeline.test_hubspot import client, planned, result, sync_for
from tests.pipeline.test_pipeline import run_chunk
from worker.cached_pipeline import CachedPipeline
from worker.dedupe import plan_rows
from worker.pipeline.build import build_pipeline
from worker.pipeline.clients.hubspot.companies_api import HubSpotClient
from worker.pipeline.protocol import SessionContext

pytestmark = pytest.mark.unit
__all__ = ["client"]  # the fixture the sync's tests share with tests/pipeline/test_hubspot.py

KESTREL = InputRow(row=0, name="Kestrel Tools", website="kestrel-tools.com")


def session() -> SessionContext:
    """A new session: nothing created by an earlier one is remembered."""
    return session_context(use_hubspot_integration=True, write_to_hubspot=True)


def url(company_id: str) -> str:
    return f"https://app.hubspot.com/contacts/{PORTAL_ID}/company/{company_id}"


def domains(state: HubSpotState) -> list[str]:
    return sorted(p.get("domain", "") for p in state.companies.values())


async def test_a_redirected_company_is_created_with_its_current_domain(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    results = await run_chunk(make_settings(hubspot=True), session(), [KESTREL])

    kestrel = results[0]
    assert kestrel.row_status is RowStatus.OK
    assert kestrel.official_website == "https://harbourline.io/"
    assert kestrel.hubspot_status == "created"
    ((company_id, record),) = state.companies.items()
    assert (record["domain"], record["name"]) == ("harbourline.io", "Kestrel Tools")
    assert kestrel.hubspot_company_id == url(company_id)

    # The rows run again in another session (a new worker: nothing remembered) find it
    # under that domain, and reuse the description written there.
    again = await run_chunk(make_settings(hubspot=True), session(), [KESTREL])
    assert again[0].hubspot_company_id == url(company_id)
    assert (again[0].hubspot_status, again[0].description_source) == ("reused", "hubspot")
    assert domains(state) == ["harbourline.io"]


async def test_a_chunk_redone_updates_what_it_created_under_the_current_domain(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    state.lag = True  # HubSpot's search does not show the created company yet
    redone = session()  # the same chunk's ledger, as a redelivery reads it
    first = await run_chunk(make_settings(hubspot=True), redone, [KESTREL])
    second = await run_chunk(make_settings(hubspot=True), redone, [KESTREL])

    assert (first[0].hubspot_status, second[0].hubspot_status) == ("created", "updated")
    assert second[0].hubspot_company_id == first[0].hubspot_company_id
    assert domains(state) == ["harbourline.io"]


async def test_a_record_under_the_old_domain_is_updated_not_doubled(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    old = state.add(name="Kestrel Tools", domain="kestrel-tools.com")
    results = await run_chunk(make_settings(hubspot=True), session(), [KESTREL])

    kestrel = results[0]
    assert kestrel.hubspot_company_id == url(old)
    assert kestrel.hubspot_status == "updated"
    assert domains(state) == ["kestrel-tools.com"]  # no second company
    assert state.companies[old]["ai_description"] == kestrel.description != ""


async def test_the_record_under_the_current_domain_comes_before_the_old_one(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    old = state.add(name="Kestrel Tools", domain="kestrel-tools.com")
    current = state.add(name="Harbourline", domain="www.harbourline.io")
    results = await run_chunk(make_settings(hubspot=True), session(), [KESTREL])

    assert results[0].hubspot_company_id == url(current)
    assert results[0].hubspot_status == "updated"
    assert "ai_description" in state.companies[current]
    assert state.companies[old] == {"name": "Kestrel Tools", "domain": "kestrel-tools.com"}
    assert len(state.companies) == 2


async def test_rows_giving_the_old_and_the_new_domain_make_one_company(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    rows = [KESTREL, InputRow(row=1, name="Harbourline Instruments", website="harbourline.io")]
    results = await run_chunk(make_settings(hubspot=True), session(), rows)

    assert domains(state) == ["harbourline.io"]
    ((company_id, _),) = state.companies.items()
    assert [results[n].hubspot_company_id for n in (0, 1)] == [url(company_id)] * 2
    assert [results[n].hubspot_status for n in (0, 1)] == ["created"] * 2


async def test_a_row_answered_from_the_domain_cache_finds_the_old_domains_record(
    make_settings: MakeSettings, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    pipeline = CachedPipeline(
        build_pipeline(make_settings(hubspot=True), resolver=FARM_DNS), MemoryStore(), days=30
    )
    try:
        # A first session, not written to HubSpot, leaves the company in the cache.
        await run_cached(pipeline, session_context(), [KESTREL])
        old = state.add(name="Kestrel Tools", domain="kestrel-tools.com")
        (kestrel,) = await run_cached(pipeline, session(), [KESTREL])
    finally:
        await pipeline.aclose()

    assert kestrel.cached_at != ""  # answered from the cache, not looked up in `prepare`
    assert (kestrel.hubspot_company_id, kestrel.hubspot_status) == (url(old), "updated")
    assert domains(state) == ["kestrel-tools.com"]


async def run_cached(
    pipeline: CachedPipeline, context: SessionContext, given: list[InputRow]
) -> list[ResultRow]:
    chunk = pipeline.open_chunk(context)
    rows = list(plan_rows(given))
    await chunk.prepare(rows)
    return await chunk.finish([await chunk.enrich(row) for row in rows])


# The sync alone, its look-ups staged: where the chunk's row flow would ask.


async def test_a_failed_look_up_of_the_current_domain_is_tried_again_on_write(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    old = state.add(name="Kestrel Tools", domain="kestrel-tools.com")
    sync = sync_for(client)
    await sync.lookup([planned(0, "Kestrel Tools", "kestrel-tools.com")])
    state.failing = True
    # The record under the old domain answers the row meanwhile.
    company, error = await sync.company_for_row("kestrel-tools.com", "harbourline.io")
    assert company is not None
    assert (company.id, error) == (old, None)
    state.failing = False
    # Filed under the current domain too: the write-back searches it and updates that one.
    current = state.add(name="Harbourline", domain="harbourline.io")
    row = result(
        0,
        "Kestrel Tools",
        "https://harbourline.io/",
        description="Scales.",
        description_source="llm",
    )
    (written,) = await sync.write([row])
    assert (written.hubspot_company_id, written.hubspot_status) == (url(current), "updated")
    assert state.companies[current]["ai_description"] == "Scales."
    assert "ai_description" not in state.companies[old]
    assert not [path for _, path in state.calls if path.endswith("batch/create")]


async def test_without_a_record_under_the_old_domain_a_failed_look_up_is_the_rows_answer(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    sync = sync_for(client)
    await sync.lookup([planned(0, "Kestrel Tools", "kestrel-tools.com")])
    hubspot_server.state.failing = True
    company, error = await sync.company_for_row("kestrel-tools.com", "harbourline.io")
    assert (company, error) == (None, "HubSpot unavailable: HTTP 502")
