"""Rows whose website points inward, or whose pages robots.txt keeps out, through the
whole pipeline: the row says so and why, and nothing from inside reaches the results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from shared.rows import InputRow, ResultRow, RowStatus
from tests.pipeline.conftest import FARM_DNS, Farm, MakeSettings, session_context
from tests.pipeline.fakes.inside import SECRET, Inside, inside_app
from tests.pipeline.fakes.server import bound_socket, serve_app
from worker.checkpoint import count_rows
from worker.dedupe import plan_rows
from worker.pipeline.build import build_pipeline
from worker.pipeline.settings import PipelineSettings

pytestmark = pytest.mark.unit

METADATA = "http://169.254.169.254/latest/meta-data/"


@pytest.fixture
def storage() -> Iterator[Inside]:
    """Stands in for the object store of the deployment."""
    sock = bound_socket()
    found = Inside(sock.getsockname()[1])
    with serve_app(inside_app(found), sock=sock):
        yield found


async def run_rows(settings: PipelineSettings, rows: list[InputRow]) -> dict[str, ResultRow]:
    pipeline = build_pipeline(settings, resolver=FARM_DNS)
    try:
        chunk = pipeline.open_chunk(session_context())
        planned = list(plan_rows(rows))
        await chunk.prepare(planned)
        results = [await chunk.enrich(row) for row in planned]
        return {r.company_name: r for r in await chunk.finish(results)}
    finally:
        await pipeline.aclose()


def leaked(row: ResultRow) -> bool:
    return SECRET in row.model_dump_json()


async def test_websites_pointing_inward_are_blocked_and_nothing_inside_is_read(
    make_settings: MakeSettings, storage: Inside, web_env: Farm
) -> None:
    settings = make_settings(fetch_refused_hosts=f"127.0.0.1:{storage.port}")
    rows = [
        InputRow(row=0, name="Storage Co", website=f"http://127.0.0.1:{storage.port}/dossier/x"),
        InputRow(row=1, name="Metadata Co", website=METADATA),
        InputRow(row=2, name="Leaky Co", website="leaky-redirect.com"),
        InputRow(row=3, name="Acme Rockets", website="acme-rockets.com"),
    ]
    results = await run_rows(settings, rows)
    store, metadata, leaky = (results[n] for n in ("Storage Co", "Metadata Co", "Leaky Co"))
    for row in (store, metadata, leaky):
        assert row.row_status is RowStatus.BLOCKED_URL
        assert (row.description, row.description_source, row.sources) == ("", "", [])
        assert not leaked(row)
    assert store.error == (
        f"blocked: 127.0.0.1 is one of this deployment's services (127.0.0.1:{storage.port})"
    )
    assert metadata.error == "blocked: 169.254.169.254 is a link-local address"
    assert leaky.error.startswith("blocked: https://leaky-redirect.com/ redirects to " + METADATA)
    assert results["Acme Rockets"].row_status is RowStatus.OK
    assert storage.hits == []
    assert "169.254.169.254" not in web_env.proxy.forwards + web_env.proxy.tunnels
    counters = count_rows(results.values())
    assert (counters.blocked, counters.done, counters.dead_links) == (3, 4, 0)


async def test_by_default_sites_on_private_addresses_are_blocked(
    make_settings: MakeSettings, web_env: Farm
) -> None:
    """The production default, with the farm's names resolving to 127.0.0.1."""
    settings = make_settings(fetch_allow_private_networks=False)
    rows = [InputRow(row=0, name="Acme Rockets", website="acme-rockets.com")]
    acme = (await run_rows(settings, rows))["Acme Rockets"]
    assert acme.row_status is RowStatus.BLOCKED_URL
    assert acme.error == "blocked: acme-rockets.com resolves to 127.0.0.1, a loopback address"
    assert web_env.proxy.tunnels == []


async def test_strict_robots_txt_keeps_even_the_rows_own_website_unread(
    make_settings: MakeSettings,
) -> None:
    rows = [
        InputRow(row=0, name="Closed Co", website="robots-closed.com"),
        InputRow(row=1, name="Robots About Ltd", website="robots-about.com"),
    ]
    results = await run_rows(make_settings(fetch_robots="strict"), rows)
    closed, about = results["Closed Co"], results["Robots About Ltd"]
    assert closed.row_status is RowStatus.OK
    assert closed.official_website == "https://robots-closed.com"
    assert "robots.txt disallows https://robots-closed.com/" in closed.notes
    assert (closed.description, closed.sources) == ("", [])
    assert about.row_status is RowStatus.OK
    assert about.official_website == "https://robots-about.com/"
    assert "about page not fetched: robots.txt disallows https://robots-about.com/about" in (
        about.notes
    )
    assert about.sources == ["https://robots-about.com/"]
    assert "accounting software" not in about.description


async def test_by_default_the_rows_website_is_read_and_robots_txt_guards_further_pages(
    make_settings: MakeSettings,
) -> None:
    rows = [
        InputRow(row=0, name="Closed Co", website="robots-closed.com"),
        InputRow(row=1, name="Robots About Ltd", website="robots-about.com"),
    ]
    results = await run_rows(make_settings(), rows)
    closed, about = results["Closed Co"], results["Robots About Ltd"]
    # The website the user named is checked as the user's own request would be.
    assert closed.row_status is RowStatus.OK
    assert closed.sources == ["https://robots-closed.com/"]
    assert "makes things people want" in closed.description
    assert not any("robots.txt" in note for note in closed.notes)
    # The About page is a page the worker goes on to: its robots.txt says no.
    assert about.sources == ["https://robots-about.com/"]
    assert "about page not fetched: robots.txt disallows https://robots-about.com/about" in (
        about.notes
    )
    assert "accounting software" not in about.description
