"""HubSpot CRM v3: exact-domain look-up, fresh descriptions, batched write-back, 207, 429."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date, timedelta

import httpx2
import pytest
import structlog
from structlog.testing import capture_logs

from shared.budget.memory import MemoryBudget
from shared.budget.protocol import Budget, Window
from shared.rows import InputRow, PlannedRow, ResultRow, RowStatus
from tests.pipeline.conftest import MakeSettings, Server, session_context
from tests.pipeline.fakes.hubspot import PORTAL_ID, TOKEN, HubSpotState
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.test_pipeline import run_chunk
from worker.pipeline.clients.hubspot.companies_api import HubSpotClient, HubSpotError
from worker.pipeline.clients.hubspot.rate_limit import AccountLimits, account_key
from worker.pipeline.protocol import CreatedLedger, MemoryLedger
from worker.pipeline.stages.hubspot.created import CreatedCompanies
from worker.pipeline.stages.hubspot.links import RecordLinks
from worker.pipeline.stages.hubspot.sync import HubSpotSync

pytestmark = pytest.mark.unit

# A fixed clock: a run that crosses midnight must not change what "today" means.
TODAY = date(2026, 6, 15)


@pytest.fixture
async def client(hubspot_server: Server[HubSpotState]) -> AsyncIterator[HubSpotClient]:
    async with httpx2.AsyncClient(
        base_url=hubspot_server.url, headers={"Authorization": f"Bearer {TOKEN}"}
    ) as http:
        # Short backoff: the outages these tests stage outlast every retry anyway.
        yield HubSpotClient(http, limits(MemoryBudget(), 1000, 100), 3, 0.05)


def limits(
    budget: Budget, requests: int, searches: int, window_s: float = 10.0, search_s: float = 1.0
) -> AccountLimits:
    return AccountLimits(
        budget,
        account_key(TOKEN),
        Window("hubspot", requests, window_s),
        Window("hubspot-search", searches, search_s),
        max_wait_s=5.0,
    )


def sync_for(
    client: HubSpotClient,
    portal: str = "",
    created: CreatedCompanies | None = None,
    ledger: CreatedLedger | None = None,
) -> HubSpotSync:
    properties = ("ai_description", "ai_description_updated", "linkedin_company_page")
    log = structlog.get_logger().bind(channel="hubspot")
    links = RecordLinks(client, "https://app.hubspot.com", portal)
    return HubSpotSync(
        client,
        links,
        182,
        properties,
        created or CreatedCompanies(),
        log,
        today=lambda: TODAY,
        ledger=ledger,
    )


def planned(row: int, name: str, domain: str | None) -> PlannedRow:
    return PlannedRow(row=row, name=name, name_key=name.lower(), domain=domain)


def result(row: int, name: str, website: str, **fields: object) -> ResultRow:
    return ResultRow(row=row, company_name=name, official_website=website, **fields)


CREATE = "/crm/v3/objects/companies/batch/create"
UPDATE = "/crm/v3/objects/companies/batch/update"


def url(company_id: str) -> str:
    return f"https://app.hubspot.com/contacts/{PORTAL_ID}/company/{company_id}"


async def test_look_up_matches_exact_domains_only_and_never_falls_back(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    acme = state.add(name="Acme", domain="www.acme-rockets.com")
    state.add(name="Acme Copycat", domain="acme-rockets.co")
    state.add(name="Unrelated", domain="unrelated.com")
    sync = sync_for(client)
    await sync.lookup([planned(0, "Acme", "acme-rockets.com"), planned(1, "Other", "nobody.com")])
    found = sync.company("acme-rockets.com")
    assert found is not None
    assert found.id == acme
    assert sync.company("nobody.com") is None
    assert await sync.record_url(found) == url(acme)


async def test_only_a_description_updated_within_the_window_is_reused(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    fresh_date = (TODAY - timedelta(days=30)).isoformat()
    stale_date = (TODAY - timedelta(days=400)).isoformat()
    state.add(domain="fresh.com", ai_description="Fresh text.", ai_description_updated=fresh_date)
    state.add(domain="stale.com", ai_description="Old text.", ai_description_updated=stale_date)
    sync = sync_for(client)
    await sync.lookup([planned(0, "F", "fresh.com"), planned(1, "S", "stale.com")])
    assert sync.fresh_description(sync.company("fresh.com")) == "Fresh text."
    assert sync.fresh_description(sync.company("stale.com")) is None


async def test_write_back_updates_known_companies_creates_the_rest_and_records_each_row(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    known = state.add(name="Acme", domain="acme-rockets.com", linkedin_company_page="https://human")
    sync = sync_for(client)
    await sync.lookup(
        [
            planned(0, "Acme", "acme-rockets.com"),
            planned(1, "Blue", "blue-widgets.com"),
            planned(2, "Rejected Inc", "rejected.com"),
        ]
    )
    rows = [
        result(
            0,
            "Acme",
            "https://acme-rockets.com/",
            description="Builds rockets.",
            description_source="llm",
            linkedin_url="https://www.linkedin.com/company/acme",
        ),
        result(
            1,
            "Blue",
            "https://blue-widgets.com/",
            description="Blue widgets.",
            description_source="opengraph",
        ),
        result(
            2, "Rejected Inc", "https://rejected.com/", description="x", description_source="meta"
        ),
        result(3, "Dead", "https://dead.com/", row_status=RowStatus.DEAD_URL),
    ]
    written = await sync.write(rows)
    by_row = {r.row: r.hubspot_company_id for r in written}
    status = {r.row: r.hubspot_status for r in written}
    assert by_row[0] == url(known)
    assert status[0] == "updated"
    assert state.companies[known]["ai_description"] == "Builds rockets."
    assert state.companies[known]["ai_description_updated"] == TODAY.isoformat()
    assert state.companies[known]["linkedin_company_page"] == "https://human"  # a person's value
    created = next(i for i, p in state.companies.items() if p.get("domain") == "blue-widgets.com")
    assert by_row[1] == url(created)
    assert status[1] == "created"
    assert state.companies[created]["name"] == "Blue"
    # A refused row keeps its findings; the column users map back into HubSpot stays clean.
    assert by_row[2] == ""
    assert status[2] == "failed: Property values were not valid: name"
    assert written[2].row_status is RowStatus.OK
    assert written[2].description == "x"
    assert (by_row[3], status[3]) == ("", "")


async def test_a_row_needing_review_writes_only_what_passed_and_never_the_held_candidate(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    known = state.add(name="Harbor", domain="harbor-tools.com")
    sync = sync_for(client)
    await sync.lookup(
        [planned(0, "Harbor", "harbor-tools.com"), planned(1, "Doubtful", "doubtful.com")]
    )
    held_page = "https://www.linkedin.com/company/harbor-tools-usa"
    rows = [
        # The website and description passed; only a LinkedIn page waits for a person.
        result(
            0,
            "Harbor",
            "https://harbor-tools.com/",
            description="Hand tools for boatyards.",
            description_source="jsonld",
            row_status=RowStatus.NEEDS_REVIEW,
            review_candidates=f"LinkedIn: {held_page} (0.70; names 'Harbor')",
        ),
        # The given website itself is doubtful: nothing of the row may reach HubSpot.
        result(
            1,
            "Doubtful",
            "",
            row_status=RowStatus.NEEDS_REVIEW,
            review_candidates="website: https://doubtful.com/ (0.70; title 'Someone Else')",
        ),
    ]
    written = {r.row: r for r in await sync.write(rows)}
    assert written[0].hubspot_status == "updated"
    assert written[0].row_status is RowStatus.NEEDS_REVIEW
    assert state.companies[known]["ai_description"] == "Hand tools for boatyards."
    assert "linkedin_company_page" not in state.companies[known]
    assert all(held_page not in str(p) for p in state.companies.values())
    assert (written[1].hubspot_company_id, written[1].hubspot_status) == ("", "")
    assert not any(p.get("domain") == "doubtful.com" for p in state.companies.values())
    assert not [path for _, path in state.calls if path.endswith("batch/create")]


async def test_write_back_sends_batches_of_at_most_100(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    sync = sync_for(client, portal="7")
    plans = [planned(i, f"Co {i}", f"co{i}.com") for i in range(150)]
    await sync.lookup(plans)
    written = await sync.write(
        [
            result(
                i, f"Co {i}", f"https://co{i}.com/", description="d" * 30, description_source="meta"
            )
            for i in range(150)
        ]
    )
    assert all(
        r.hubspot_company_id.startswith("https://app.hubspot.com/contacts/7/") for r in written
    )
    creates = [path for _, path in hubspot_server.state.calls if path.endswith("batch/create")]
    assert len(creates) == 2
    assert len(hubspot_server.state.companies) == 150


async def test_rate_limited_calls_wait_for_retry_after_and_succeed(
    hubspot_server: Server[HubSpotState],
) -> None:
    hubspot_server.state.throttle_next = 1
    hubspot_server.state.add(domain="acme-rockets.com")
    async with httpx2.AsyncClient(
        base_url=hubspot_server.url, headers={"Authorization": f"Bearer {TOKEN}"}
    ) as http:
        client = HubSpotClient(http, limits(MemoryBudget(), 1000, 100), 3, 2.0)
        found = await client.find_by_domains(["acme-rockets.com"])
    assert list(found) == ["acme-rockets.com"]
    (first, _), (second, _) = hubspot_server.state.calls
    assert second - first >= 0.9  # Retry-After: 1


async def test_hubspot_outage_is_a_clear_error_and_blocks_writes(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    hubspot_server.state.failing = True
    with pytest.raises(HubSpotError, match="HubSpot unavailable: HTTP 502"):
        await client.find_by_domains(["acme-rockets.com"])
    sync = sync_for(client)
    await sync.lookup([planned(0, "Acme", "acme-rockets.com")])
    hubspot_server.state.failing = False
    written = await sync.write([result(0, "Acme", "https://acme-rockets.com/")])
    assert written[0].hubspot_company_id == ""
    assert written[0].hubspot_status.startswith("failed: not written, the look-up failed")
    assert written[0].row_status is RowStatus.OK
    assert not any(path.endswith("batch/create") for _, path in hubspot_server.state.calls)


async def test_clients_of_several_workers_share_the_accounts_request_budget(
    hubspot_server: Server[HubSpotState],
) -> None:
    budget = MemoryBudget()  # what RabbitMQ is to the workers of a deployment
    async with httpx2.AsyncClient(
        base_url=hubspot_server.url, headers={"Authorization": f"Bearer {TOKEN}"}
    ) as http:
        workers = [HubSpotClient(http, limits(budget, 3, 100, 0.25), 3, 2.0) for _ in range(3)]
        await asyncio.gather(*(workers[n % 3].portal_id() for n in range(7)))
    starts = sorted(at for at, _ in hubspot_server.state.calls)
    for i in range(3, 7):  # at most three calls in any 0.25 s, all workers together
        assert starts[i] - starts[i - 3] >= 0.25


async def test_searches_also_take_from_the_accounts_search_budget(
    hubspot_server: Server[HubSpotState],
) -> None:
    async with httpx2.AsyncClient(
        base_url=hubspot_server.url, headers={"Authorization": f"Bearer {TOKEN}"}
    ) as http:
        client = HubSpotClient(http, limits(MemoryBudget(), 100, 2, search_s=0.4), 3, 2.0)
        await asyncio.gather(*(client.find_by_domains([f"d{n}.com"]) for n in range(3)))
    first, _, third = sorted(at for at, _ in hubspot_server.state.calls)
    assert third - first >= 0.4  # two searches per 0.4 s


async def test_a_budget_that_cannot_be_reached_is_a_clear_error_not_a_call(
    hubspot_server: Server[HubSpotState],
) -> None:
    budget = MemoryBudget()
    budget.available = False
    account = AccountLimits(
        budget, account_key(TOKEN), Window("hubspot", 10, 10), Window("hubspot-search", 4, 1), 0.2
    )
    async with httpx2.AsyncClient(base_url=hubspot_server.url) as http:
        client = HubSpotClient(http, account, 3, 2.0)
        with pytest.raises(HubSpotError, match="HubSpot not called: the hubspot-search budget"):
            await client.find_by_domains(["acme-rockets.com"])
    assert hubspot_server.state.calls == []


def test_the_accounts_budget_key_is_a_digest_of_the_token() -> None:
    key = account_key(TOKEN)
    assert TOKEN not in key
    assert key == account_key(TOKEN) != account_key("pat-another-account")


async def test_a_company_created_moments_ago_is_updated_not_created_again(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    created = CreatedCompanies()
    hubspot_server.state.lag = True  # search does not see fresh records yet
    for chunk in range(2):
        sync = sync_for(client, portal="7", created=created)
        await sync.lookup([planned(chunk, "Blue", None)])
        row = result(chunk, "Blue", "https://blue-widgets.com/", description="x" * 30)
        row.description_source = "meta"
        await sync.write([row])
    assert len(hubspot_server.state.companies) == 1
    paths = [path for _, path in hubspot_server.state.calls]
    assert paths.count("/crm/v3/objects/companies/batch/create") == 1
    assert paths.count("/crm/v3/objects/companies/batch/update") == 1


async def test_a_batch_refused_as_a_whole_marks_each_of_its_rows(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    known = hubspot_server.state.add(name="Acme", domain="acme-rockets.com")
    hubspot_server.state.missing_properties = {"ai_description"}
    sync = sync_for(client)
    await sync.lookup([planned(0, "Acme", "acme-rockets.com")])
    row = result(0, "Acme", "https://acme-rockets.com/", description="Builds rockets.")
    row.description_source = "llm"
    (written,) = await sync.write([row])
    assert written.hubspot_status == (
        'failed: HubSpot refused the request (HTTP 400: Property "ai_description" does not exist)'
    )
    assert written.hubspot_company_id == ""
    assert "ai_description" not in hubspot_server.state.companies[known]


def searches(state: HubSpotState) -> int:
    return sum(1 for _, path in state.calls if path.endswith("/companies/search"))


async def test_websites_found_by_search_are_looked_up_together_and_not_again_on_write(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    zenith = state.add(name="Zenith", domain="zenith-analytics.com")
    sync = sync_for(client)
    await sync.lookup([planned(0, "Acme", "acme-rockets.com"), planned(1, "Zenith", None)])
    assert searches(state) == 1

    # Rows finish their searches at about the same time and ask one by one.
    answers = await asyncio.gather(
        sync.company_for_found_website("https://www.zenith-analytics.com/"),
        sync.company_for_found_website("zenith-analytics.com"),
        sync.company_for_found_website("nobody-here.com"),
        sync.company_for_found_website("acme-rockets.com"),
    )
    assert searches(state) == 2
    found, error = answers[0]
    assert found is not None
    assert (found.id, error) == (zenith, None)
    assert answers[1][0] is not None
    assert answers[1][0].id == zenith
    assert answers[2] == (None, None)
    assert answers[3] == (None, None)  # already searched at the start of the chunk

    rows = [
        result(
            1, "Zenith", "https://zenith-analytics.com/", description="Z.", description_source="llm"
        )
    ]
    written = await sync.write(rows)
    assert written[0].hubspot_company_id == url(zenith)
    assert searches(state) == 2, "the write-back reuses what the rows looked up"


async def test_a_failed_look_up_of_a_found_website_is_reported_and_tried_again_on_write(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    sync = sync_for(client)
    await sync.lookup([planned(1, "Zenith", None)])
    state.failing = True
    company, error = await sync.company_for_found_website("zenith-analytics.com")
    assert company is None
    assert error == "HubSpot unavailable: HTTP 502"
    state.failing = False
    zenith = state.add(name="Zenith", domain="zenith-analytics.com")
    rows = [result(1, "Zenith", "https://zenith-analytics.com/", description="Z.")]
    written = await sync.write(rows)
    assert written[0].hubspot_company_id == url(zenith)


async def test_a_company_added_after_the_look_up_is_updated_not_created_twice(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    sync = sync_for(client)
    await sync.lookup([planned(0, "Acme", "acme-rockets.com")])
    assert sync.company("acme-rockets.com") is None
    # While the chunk ran, another session's worker (or a person) added the company.
    added = state.add(name="Acme", domain="acme-rockets.com", description="Typed by sales.")
    rows = [
        result(
            0, "Acme", "https://acme-rockets.com/", description="Rockets.", description_source="llm"
        )
    ]
    written = await sync.write(rows)
    assert written[0].hubspot_company_id == url(added)
    assert [c for c in state.companies.values() if c.get("domain") == "acme-rockets.com"] == [
        state.companies[added]
    ]
    assert state.companies[added]["ai_description"] == "Rockets."
    assert state.companies[added]["description"] == "Typed by sales."


class WatchedLedger(MemoryLedger):
    """Notes, at each record, how many batch creates HubSpot had received by then."""

    def __init__(self, state: HubSpotState, fails: bool = False) -> None:
        super().__init__()
        self._state = state
        self._fails = fails
        self.records: list[tuple[int, int]] = []

    async def record(self, created: dict[str, str]) -> None:
        creates = sum(1 for _, path in self._state.calls if path.endswith("batch/create"))
        self.records.append((len(created), creates))
        if self._fails:
            raise ConnectionError("storage unreachable")
        await super().record(created)


async def test_each_batch_create_is_recorded_in_the_ledger_before_the_next_is_sent(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    ledger = WatchedLedger(hubspot_server.state)
    sync = sync_for(client, portal="7", ledger=ledger)
    await sync.lookup([planned(i, f"Co {i}", f"co{i}.com") for i in range(150)])
    rows = [
        result(i, f"Co {i}", f"https://co{i}.com/", description="d" * 30, description_source="meta")
        for i in range(150)
    ]
    written = await sync.write(rows)
    assert ledger.records == [(100, 1), (50, 2)]
    kept = await ledger.read()
    assert len(kept) == 150
    assert {r.hubspot_company_id.rsplit("/", 1)[-1] for r in written} == set(kept.values())


async def test_companies_in_the_ledger_are_updated_though_search_does_not_find_them(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    state = hubspot_server.state
    state.lag = True
    ledger = MemoryLedger()
    row = result(0, "Blue", "https://blue-widgets.com/", description="x" * 30)
    row.description_source = "meta"
    first = sync_for(client, portal="7", ledger=ledger)
    await first.lookup([planned(0, "Blue", "blue-widgets.com")])
    (created,) = await first.write([row])
    # The same chunk again, on a worker that never saw it: only the ledger knows.
    again = sync_for(client, portal="7", ledger=ledger)
    await again.lookup([planned(0, "Blue", "blue-widgets.com")])
    company = again.company("blue-widgets.com")
    assert company is not None
    (updated,) = await again.write([row])
    assert updated.hubspot_company_id == created.hubspot_company_id
    assert created.hubspot_company_id.endswith(f"/company/{company.id}")
    assert len(state.companies) == 1
    paths = [path for _, path in state.calls]
    assert (paths.count(CREATE), paths.count(UPDATE)) == (1, 1)


async def test_a_ledger_that_cannot_be_kept_does_not_lose_the_created_ids(
    client: HubSpotClient, hubspot_server: Server[HubSpotState]
) -> None:
    ledger = WatchedLedger(hubspot_server.state, fails=True)
    sync = sync_for(client, portal="7", ledger=ledger)
    await sync.lookup([planned(0, "Blue", "blue-widgets.com")])
    row = result(0, "Blue", "https://blue-widgets.com/", description="x" * 30)
    row.description_source = "meta"
    with capture_logs() as logs:
        (written,) = await sync.write([row])
    (company_id,) = hubspot_server.state.companies
    assert written.hubspot_company_id.endswith(f"/company/{company_id}")
    assert [e["event"] for e in logs if e["log_level"] == "error"] == [
        "hubspot.ledger.not_recorded"
    ]


async def test_a_chunk_writes_a_row_whose_linkedin_page_waits_for_review_without_that_page(
    make_settings: MakeSettings,
    search_server: Server[SearchState],
    hubspot_server: Server[HubSpotState],
) -> None:
    """Through the whole chunk: the website and description passed and are written; the
    doubtful LinkedIn page stays in `Review_Candidates` and never reaches HubSpot."""
    rows = [
        InputRow(
            row=0,
            name="Tidewater Tools",
            website="tidewater-tools.no",
            original={"Name": "Tidewater Tools", "Country": "Norway"},
            facts={"country": "Norway"},
        )
    ]
    settings = make_settings(search="serper", hubspot=True)
    results = await run_chunk(settings, session_context(write_to_hubspot=True), rows)
    found = results[0]
    assert found.row_status is RowStatus.NEEDS_REVIEW
    assert found.official_website == "https://tidewater-tools.no/"
    assert found.linkedin_url == ""
    assert found.review_candidates.startswith(
        "LinkedIn: https://www.linkedin.com/company/tidewater-toolworks (0.74;"
    )
    assert found.hubspot_status == "created"
    written = next(p for p in hubspot_server.state.companies.values())
    assert written["domain"] == "tidewater-tools.no"
    assert written["ai_description"].startswith("Tidewater Tools forges hand tools")
    assert "tidewater-toolworks" not in str(hubspot_server.state.companies)
