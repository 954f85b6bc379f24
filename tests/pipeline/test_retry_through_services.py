"""Retrying a finished session's failed rows through the running services: the search API
is down for the first run, up for the retry; only the rows that failed run again."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from shared.layout import SessionKeys
from shared.storage.s3 import MinioStore
from tests.pipeline.conftest import Farm, FarmServices, Server
from tests.pipeline.fakes.search import SearchState
from tests.pipeline.fakes.site_farm import SERVED
from tests.pipeline.services_steps import search_env, start, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = (
    "Company,Website,Owner\n"
    "Acme Rockets,acme-rockets.com,ann\n"
    "Zenith Analytics,,bob\n"
    "Acquired Startup,acquired-startup.com,cid\n"
    "Acme Rockets Inc.,https://www.acme-rockets.com,dan\n"
    "Blue Widgets,blue-widgets.com,eve\n"
)
SLOW_CSV = "Company,Website\nSlow Company,slow-site.com\n"


@pytest.fixture
async def stack(
    search_server: Server[SearchState],
    farm_services: FarmServices,
) -> AsyncIterator[Stack]:
    env = {
        **search_env(search_server),
        "DOSSIER_FETCH_TIMEOUT_S": "1",
        "DOSSIER_WORKER_CHUNK_SIZE": "2",
    }
    async with farm_services(env) as running:
        yield running


def _csv_lines(data: bytes) -> dict[str, str]:
    """Each row's CSV line, by company name."""
    lines = data.decode("utf-8-sig").splitlines()
    return {next(csv.reader([line]))[0]: line for line in lines[1:]}


async def _stored(store: MinioStore, keys: SessionKeys) -> list[str]:
    return [info.key for info in await store.list_objects(keys.prefix)]


async def test_a_retry_runs_only_the_failed_rows_and_keeps_the_others_byte_for_byte(
    stack: Stack, store: MinioStore, search_server: Server[SearchState], farm: Farm
) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        search_server.state.failing = True
        session_id = await upload(client, CSV.encode())
        keys = SessionKeys(stack.tenant, session_id)
        await start(client, session_id)
        first = await wait_final(client, session_id)
        assert first["status"] == "completed", stack.logs()
        results = f"/api/sessions/{session_id}/results"
        before = {r["Company_Name"]: r for r in (await client.get(results)).json()["rows"]}
        csv_before = _csv_lines((await client.get(results, params={"format": "csv"})).content)
        assert before["Zenith Analytics"]["Row_Status"] in ("failed", "not_found")
        assert before["Acquired Startup"]["Row_Status"] == "needs_review"
        assert before["Acme Rockets"]["Row_Status"] == "ok"
        assert {r["Attempts"] for r in before.values()} == {1}

        search_server.state.failing = False
        search_server.state.queries.clear()
        SERVED.clear()
        # Attempt times have whole seconds: let the retry's fall in a later one.
        await asyncio.sleep(1.1)
        retried = await client.post(f"/api/sessions/{session_id}/retry")
        assert retried.status_code == 202, retried.text
        assert retried.json()["status"] == "queued"
        assert retried.json()["retry_round"] == 1
        second = await wait_final(client, session_id)
        assert second["status"] == "completed", stack.logs()
        assert second["retry_round"] == 1
        after = {r["Company_Name"]: r for r in (await client.get(results)).json()["rows"]}
        csv_after = _csv_lines((await client.get(results, params={"format": "csv"})).content)
        exported = (await client.get(results, params={"format": "json"})).json()

    zenith = after["Zenith Analytics"]
    assert zenith["Row_Status"] == "ok"
    assert zenith["Official_Website"] == "https://zenith-analytics.com/"
    assert zenith["Attempts"] == 2
    assert zenith["Last_Attempt_At"] > before["Zenith Analytics"]["Last_Attempt_At"]
    assert after["Acquired Startup"]["Attempts"] == 2  # needs_review is retried by default
    # Rows that did not fail were neither run again nor rewritten.
    for name in ("Acme Rockets", "Acme Rockets Inc.", "Blue Widgets"):
        assert csv_after[name] == csv_before[name]
        assert after[name]["Attempts"] == 1
    served = {host.removeprefix("www.") for (host, _path), n in SERVED.items() if n}
    assert "zenith-analytics.com" in served
    assert not served & {"acme-rockets.com", "blue-widgets.com"}
    assert any("zenith analytics" in q.lower() for q in search_server.state.queries)
    assert all("acme" not in q.lower() for q in search_server.state.queries)
    assert second["counters"]["done"] == 5
    assert second["counters"]["failed"] + second["counters"]["not_found"] == 0
    assert [row["Attempts"] for row in exported] == [1, 2, 2, 1, 1]
    # The round's objects sit beside the session's own.
    stored = await _stored(store, keys)
    assert keys.retry_request(1) in stored
    assert keys.in_round(1).plan in stored


async def test_retry_is_refused_while_running_and_for_bad_input_and_nothing_changes(
    stack: Stack, store: MinioStore
) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        session_id = await upload(client, SLOW_CSV.encode())
        keys = SessionKeys(stack.tenant, session_id)
        retry = f"/api/sessions/{session_id}/retry"
        not_started = await client.post(retry)
        assert (not_started.status_code, not_started.json()["code"]) == (409, "session_not_started")
        await start(client, session_id)
        objects = await _stored(store, keys)
        running = await client.post(retry, json={"statuses": ["failed"]})
        assert (running.status_code, running.json()["code"]) == (409, "session_running")

        bad: list[tuple[Any, str]] = [
            ({"statuses": ["duplicate"]}, "invalid_statuses"),
            ({"statuses": ["nonsense", "failed"]}, "invalid_statuses"),
            ({"statuses": []}, "invalid_request"),
            ({"statuses": "failed"}, "invalid_request"),
            ({"rows": [1]}, "invalid_request"),
        ]
        for body, code in bad:
            answer = await client.post(retry, json=body)
            assert (answer.status_code, answer.json()["code"]) == (422, code), body
        unknown = await client.post(f"/api/sessions/{'0' * 32}/retry")
        assert (unknown.status_code, unknown.json()["code"]) == (404, "session_not_found")
        assert not any("/retries/" in key for key in await _stored(store, keys))
        assert set(objects) <= set(await _stored(store, keys))

        finished = await wait_final(client, session_id)
        assert finished["retry_round"] == 0
        only_ok = await client.post(retry, json={"statuses": ["blocked_url"]})
        assert (only_ok.status_code, only_ok.json()["code"]) == (409, "nothing_to_retry")
        assert not any("/retries/" in key for key in await _stored(store, keys))
