"""The tenant's domain cache through the running services: a second session of the same
tenant is answered without reaching the websites or the search API; another tenant, or a
session that turns the cache off, reaches them again."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.auth import hash_key, new_key
from tests.pipeline.conftest import Farm, Server
from tests.pipeline.fakes.search import API_KEY, SearchState
from tests.pipeline.fakes.site_farm import SERVED
from tests.pipeline.test_through_services import wait_final
from tests.stack import Stack, services_stack

pytestmark = pytest.mark.e2e

CSV = (
    "Company,Website,Country\n"
    "Acme Rockets,acme-rockets.com,US\n"
    "Zenith Analytics,,DE\n"
    "Blue Widgets,blue-widgets.com,US\n"
    "Gone Site,gone-site.com,FR\n"
)
SITES = ("acme-rockets.com", "zenith-analytics.com", "blue-widgets.com")
OTHER_TENANT = "cacheother"
OTHER_KEY = new_key()


@pytest.fixture
async def stack(
    tmp_path: Path,
    farm: Farm,
    s3_endpoint: str,
    s3_bucket: str,
    rabbitmq: str,
    search_server: Server[SearchState],
) -> AsyncIterator[Stack]:
    keys_file = tmp_path / "more-keys"
    keys_file.write_text(f"{OTHER_TENANT} {hash_key(OTHER_KEY)}\n")
    env = {
        "DOSSIER_API_KEYS_FILE": str(keys_file),
        "DOSSIER_CACHE_DAYS": "30",
        "DOSSIER_SEARCH_PROVIDER": "serper",
        "DOSSIER_SEARCH_URL": f"{search_server.url}/search",
        "DOSSIER_SEARCH_API_KEY": API_KEY,
        "DOSSIER_FETCH_TIMEOUT_S": "2",
        "DOSSIER_HOST_MIN_INTERVAL_S": "0",
        "DOSSIER_WORKER_PIPELINE": "tests.pipeline.fakes.dns:build_farm_pipeline",
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "HTTPS_PROXY": farm.proxy_url,
        "HTTP_PROXY": farm.proxy_url,
        "NO_PROXY": "127.0.0.1,localhost",
        "SSL_CERT_FILE": str(farm.ca_file),
    }
    async with services_stack(s3_endpoint, s3_bucket, rabbitmq, tmp_path, env) as running:
        yield running


async def _run(
    stack: Stack, key: str, form: dict[str, str] | None = None
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=stack.api, headers=headers) as client:
        files = {"file": ("list.csv", CSV.encode(), "text/csv")}
        created = await client.post("/api/sessions", data=form or {}, files=files)
        assert created.status_code == 201, created.text
        session_id = created.json()["session_id"]
        assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
        state = await wait_final(client, session_id)
        assert state["status"] == "completed", stack.logs()
        page = (await client.get(f"/api/sessions/{session_id}/results")).json()
    return state, {row["Company_Name"]: row for row in page["rows"]}


def _site_visits(farm: Farm) -> int:
    """Pages the farm served to the companies' sites since the last reset."""
    return sum(n for (host, _path), n in SERVED.items() if host.removeprefix("www.") in SITES)


def _reset(farm: Farm, search: Server[SearchState]) -> None:
    SERVED.clear()
    search.state.queries.clear()


async def test_a_tenants_second_session_is_answered_from_the_cache_and_no_other_tenant_is(
    stack: Stack, farm: Farm, search_server: Server[SearchState]
) -> None:
    _reset(farm, search_server)
    first, fresh_rows = await _run(stack, stack.key)
    assert first["counters"]["cached"] == 0
    assert _site_visits(farm) >= 3
    assert any("zenith" in q.lower() for q in search_server.state.queries)
    assert fresh_rows["Zenith Analytics"]["Official_Website"] == "https://zenith-analytics.com/"

    _reset(farm, search_server)
    second, cached_rows = await _run(stack, stack.key)
    assert _site_visits(farm) == 0
    # Only the dead site, never remembered, is looked up again (its website and its
    # LinkedIn page, which a company whose site is dead may still have).
    assert search_server.state.queries
    assert all('"gone site"' in q.lower() for q in search_server.state.queries)
    assert SERVED[("gone-site.com", "/")] >= 1
    # Three companies were found; the dead site is not remembered and is fetched again.
    assert second["counters"]["cached"] == 3
    assert cached_rows["Gone Site"]["Cached_At"] == ""
    for name in ("Acme Rockets", "Zenith Analytics", "Blue Widgets"):
        row, before = cached_rows[name], fresh_rows[name]
        assert row["Notes"].startswith("cached from 20"), row
        assert row["Cached_At"].startswith(row["Notes"][len("cached from ") :][:10])
        assert row["Row_Status"] == "ok"
        assert (row["Official_Website"], row["Description"], row["LinkedIn_URL"]) == (
            before["Official_Website"],
            before["Description"],
            before["LinkedIn_URL"],
        )

    _reset(farm, search_server)
    other, other_rows = await _run(stack, OTHER_KEY)
    assert other["counters"]["cached"] == 0
    assert _site_visits(farm) >= 3
    assert any("zenith" in q.lower() for q in search_server.state.queries)
    assert all(row["Cached_At"] == "" for row in other_rows.values())

    _reset(farm, search_server)
    bypass, bypass_rows = await _run(stack, stack.key, {"use_cache": "false"})
    assert bypass["options"]["use_cache"] is False
    assert bypass["counters"]["cached"] == 0
    assert _site_visits(farm) >= 3
    assert all(not row["Notes"].startswith("cached") for row in bypass_rows.values())


async def test_a_use_cache_value_that_is_not_a_boolean_is_refused(stack: Stack) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        files = {"file": ("list.csv", CSV.encode(), "text/csv")}
        refused = await client.post("/api/sessions", data={"use_cache": "maybe"}, files=files)
        assert refused.status_code == 422
        assert refused.json()["code"] == "invalid_option"
        listed = (await client.get("/api/sessions")).json()
    assert listed["items"] == []
