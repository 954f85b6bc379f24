"""Retrying by optional step through the running services: the model fails for one
company's questions, so its row ends `ok` with deep search and custom fields failed; a
retry naming those steps, with the model back, runs that row alone again."""

from __future__ import annotations

import asyncio
import csv
import json
from typing import Any

import httpx
import pytest

from shared.layout import SessionKeys
from shared.storage.s3 import MinioStore
from tests.pipeline.conftest import Server
from tests.pipeline.fakes.llm import LlmState
from tests.pipeline.fakes.site_farm import SERVED
from tests.pipeline.services_steps import start, upload, wait_final
from tests.stack import Stack

pytestmark = pytest.mark.e2e

CSV = (
    b"Company,Website\n"
    b"StreamForge,streamforge.com\n"
    b"Acme Rockets,acme-rockets.com\n"
    b"Blue Widgets,blue-widgets.com\n"
)
FORM = {
    "context_text": "Which of these companies run their own game launcher?",
    "run_llm_deep_search_pipeline": "true",
    "custom_fields": json.dumps(
        [{"name": "countries", "type": "number", "description": "countries"}]
    ),
}


@pytest.fixture
def stack(retry_stack: Stack) -> Stack:
    return retry_stack


def _csv_lines(data: bytes) -> dict[str, str]:
    lines = data.decode("utf-8-sig").splitlines()
    return {next(csv.reader([line]))[0]: line for line in lines[1:]}


async def _rows(client: httpx.AsyncClient, session_id: str) -> dict[str, dict[str, Any]]:
    exported = (
        await client.get(f"/api/sessions/{session_id}/results", params={"format": "json"})
    ).json()
    return {row["Company_Name"]: row for row in exported}


async def test_a_retry_by_step_runs_only_the_rows_whose_step_failed(
    stack: Stack, store: MinioStore, llm_server: Server[LlmState]
) -> None:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers) as client:
        llm_server.state.failing_companies = {"StreamForge"}
        session_id = await upload(client, CSV, FORM)
        await start(client, session_id)
        first = await wait_final(client, session_id)
        assert first["status"] == "completed", stack.logs()
        results = f"/api/sessions/{session_id}/results"
        before = await _rows(client, session_id)
        csv_before = _csv_lines((await client.get(results, params={"format": "csv"})).content)
        short = before["StreamForge"]
        assert short["Row_Status"] == "ok"
        assert short["Deep_Search_Status"].startswith("failed: "), short
        assert "custom fields failed: " in short["Notes"], short
        assert short["Field: countries"] is None
        for name in ("Acme Rockets", "Blue Widgets"):
            assert before[name]["Deep_Search_Status"] == "ok", before[name]
            assert "custom fields failed" not in before[name]["Notes"]

        retry = f"/api/sessions/{session_id}/retry"
        # No row's HubSpot step failed (the session never wrote to HubSpot): nothing runs.
        none = await client.post(retry, json={"steps": ["hubspot"]})
        assert (none.status_code, none.json()["code"]) == (409, "nothing_to_retry"), none.text
        bad: list[tuple[Any, str]] = [
            ({"steps": ["description"]}, "invalid_steps"),
            ({"steps": ["deep_search"], "statuses": ["duplicate"]}, "invalid_statuses"),
            ({"steps": []}, "invalid_request"),
            ({"steps": "deep_search"}, "invalid_request"),
        ]
        for body, code in bad:
            answer = await client.post(retry, json=body)
            assert (answer.status_code, answer.json()["code"]) == (422, code), body
        keys = SessionKeys(stack.tenant, session_id)
        assert not [i for i in await store.list_objects(keys.prefix) if "/retries/" in i.key]

        llm_server.state.failing_companies = set()
        SERVED.clear()
        await asyncio.sleep(1.1)  # attempt times have whole seconds
        retried = await client.post(retry, json={"steps": ["deep_search", "custom_fields"]})
        assert retried.status_code == 202, retried.text
        assert retried.json()["retry_round"] == 1
        second = await wait_final(client, session_id)
        assert second["status"] == "completed", stack.logs()
        after = await _rows(client, session_id)
        csv_after = _csv_lines((await client.get(results, params={"format": "csv"})).content)

    redone = after["StreamForge"]
    assert redone["Attempts"] == 2
    assert redone["Deep_Search_Status"] == "ok"
    assert "launcher" in redone["Deep_Search"].lower()
    assert redone["Field: countries"] == 40.0
    assert redone["Description_Source"] == "llm"
    assert "custom fields failed" not in redone["Notes"]
    for name in ("Acme Rockets", "Blue Widgets"):
        assert after[name]["Attempts"] == 1
        assert csv_after[name] == csv_before[name]
    served = {host.removeprefix("www.") for (host, _path), n in SERVED.items() if n}
    assert "streamforge.com" in served
    assert not served & {"acme-rockets.com", "blue-widgets.com"}
    assert second["counters"]["done"] == 3
    assert second["counters"]["total"] == 3
    plan = await store.get_bytes(keys.in_round(1).plan)
    assert json.loads(plan)["rows"] == 1
