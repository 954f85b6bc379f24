"""Budgets hold for the whole deployment: three worker processes together stay within the
HubSpot account's limits and within each website host's politeness, where the same three
workers, each keeping its budgets to itself, go past them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import SessionManifest, SessionOptions
from shared.rows import RowStatus
from tests.pipeline.fakes.hubspot import PORTAL_ID, TOKEN, HubSpotState, hubspot_app
from tests.pipeline.fakes.server import serve_app
from tests.slow_site import SlowSite, slow_sites
from tests.windows import most_in_any_window
from tests.worker.conftest import Workers
from tests.worker.sessions import Engine, make_rows

pytestmark = pytest.mark.e2e

PIPELINES = "tests.worker.budget_pipelines"
# The budgets hold requests as they arrive as long as the time from a unit's grant to its
# request's arrival varies by less than the margin. Here three workers, RabbitMQ,
# SeaweedFS and the test share two cores, and a worker's first request (lazy imports, a
# new connection) has arrived up to two seconds after its grant.
MARGIN_S = 2.0
# Small budgets, so that a few seconds show many windows.
# Well below what three workers ask for, so that the budget, not their speed, sets the pace.
HUBSPOT_LIMIT, HUBSPOT_WINDOW_S, SEARCHES_PER_S = 12, 2.0, 8
HOST_LIMIT, HOST_INTERVAL_S, HOST_IN_FLIGHT = 4, 1.0, 2


@dataclass
class HubSpot:
    url: str
    state: HubSpotState


@pytest.fixture
def hubspot() -> Iterator[HubSpot]:
    state = HubSpotState()
    with serve_app(hubspot_app(state)) as port:
        yield HubSpot(f"http://127.0.0.1:{port}", state)


def hubspot_env(hubspot: HubSpot, pipeline: str | None = None) -> dict[str, str]:
    env = {
        "DOSSIER_PIPELINE_STAGES": "normalize,hubspot",
        "DOSSIER_HUBSPOT_BASE_URL": hubspot.url,
        "DOSSIER_HUBSPOT_TOKEN": TOKEN,
        "DOSSIER_HUBSPOT_PORTAL_ID": str(PORTAL_ID),
        "DOSSIER_HUBSPOT_REQUESTS_PER_10S": str(HUBSPOT_LIMIT),
        "DOSSIER_HUBSPOT_WINDOW_S": str(HUBSPOT_WINDOW_S),
        "DOSSIER_HUBSPOT_SEARCHES_PER_S": str(SEARCHES_PER_S),
        # A chunk per row: every row looks its company up, then writes it, on its own.
        "DOSSIER_WORKER_CHUNK_SIZE": "1",
        "DOSSIER_BUDGET_MARGIN_S": str(MARGIN_S),
    }
    return env | ({"DOSSIER_WORKER_PIPELINE": f"{PIPELINES}:{pipeline}"} if pipeline else {})


async def run_hubspot_session(engine: Engine, rows: int) -> SessionKeys:
    keys = await engine.seed(make_rows(rows))
    manifest = await engine.store.get_model(keys.manifest, SessionManifest)
    options = SessionOptions(use_hubspot_integration=True, write_to_hubspot=True)
    await engine.store.put_model(keys.manifest, manifest.model_copy(update={"options": options}))
    await engine.send_start(keys)
    final = await engine.final(keys, timeout=90)
    assert final.status is SessionStatus.COMPLETED
    return keys


@pytest.fixture
def site() -> Iterator[SlowSite]:
    """One host whose pages take long enough that requests in flight pile up."""
    with slow_sites(0.4, 1) as (site, _):
        yield site


def host_env(site: SlowSite, pipeline: str) -> dict[str, str]:
    return {
        "DOSSIER_WORKER_PIPELINE": f"{PIPELINES}:{pipeline}",
        "DOSSIER_TEST_SLOW_URL": site.urls[0],
        "DOSSIER_HOST_REQUESTS_PER_INTERVAL": str(HOST_LIMIT),
        "DOSSIER_HOST_MIN_INTERVAL_S": str(HOST_INTERVAL_S),
        "DOSSIER_HOST_CONCURRENCY": str(HOST_IN_FLIGHT),
        # Per worker by default; shared, the cap holds for the three workers together.
        "DOSSIER_HOST_CONCURRENCY_SHARED": "true",
        "DOSSIER_FETCH_TIMEOUT_S": "5",
        # The site is on loopback, and every request to it must be one the test counts.
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "DOSSIER_FETCH_ROBOTS": "off",
        # Small chunks, so that every worker holds some of the session at once.
        "DOSSIER_WORKER_CHUNK_SIZE": "3",
        "DOSSIER_BUDGET_MARGIN_S": str(MARGIN_S),
    }


async def run_fetching_session(engine: Engine, rows: int) -> SessionKeys:
    keys = await engine.start(make_rows(rows, lambda n: ""))
    final = await engine.final(keys, timeout=90)
    assert final.status is SessionStatus.COMPLETED
    results = await engine.results(keys)
    assert [r.row_status for r in results] == [RowStatus.OK] * rows, results
    return keys


async def test_three_workers_together_stay_within_the_hubspot_accounts_limits(
    engine: Engine, workers: Workers, hubspot: HubSpot
) -> None:
    workers.start(3, **hubspot_env(hubspot))
    keys = await run_hubspot_session(engine, 24)

    calls = [at for at, _ in hubspot.state.calls]
    searches = [at for at, path in hubspot.state.calls if path.endswith("/search")]
    assert most_in_any_window(calls, HUBSPOT_WINDOW_S) <= HUBSPOT_LIMIT
    assert most_in_any_window(searches, 1.0) <= SEARCHES_PER_S
    # The budget was what held them back: some window was full.
    assert most_in_any_window(calls, HUBSPOT_WINDOW_S) >= HUBSPOT_LIMIT - 2
    written = [r.hubspot_company_id for r in await engine.results(keys)]
    assert all(link.startswith("https://app.hubspot.com/") for link in written), written


async def test_three_workers_with_budgets_of_their_own_exceed_the_hubspot_limit(
    engine: Engine, workers: Workers, hubspot: HubSpot
) -> None:
    workers.start(3, **hubspot_env(hubspot, "build_pipeline_own_budget"))
    await run_hubspot_session(engine, 24)

    calls = [at for at, _ in hubspot.state.calls]
    assert most_in_any_window(calls, HUBSPOT_WINDOW_S) > HUBSPOT_LIMIT


async def test_three_workers_together_stay_within_one_hosts_politeness(
    engine: Engine, workers: Workers, site: SlowSite
) -> None:
    workers.start(3, **host_env(site, "build_fetching_pipeline"))
    await run_fetching_session(engine, 24)

    assert most_in_any_window(site.arrivals, HOST_INTERVAL_S) <= HOST_LIMIT
    assert site.most_in_flight == HOST_IN_FLIGHT


async def test_three_workers_with_budgets_of_their_own_exceed_one_hosts_politeness(
    engine: Engine, workers: Workers, site: SlowSite
) -> None:
    workers.start(3, **host_env(site, "build_fetching_pipeline_own_budget"))
    await run_fetching_session(engine, 24)

    assert most_in_any_window(site.arrivals, HOST_INTERVAL_S) > HOST_LIMIT
    assert site.most_in_flight > HOST_IN_FLIGHT
