"""Real answers of the gateway, on the in-memory twins, match what its OpenAPI document says:
each status is documented for its operation, each body validates against its schema."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from gateway.settings import GatewaySettings
from shared.auth import hash_key, new_key
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.storage.memory import MemoryStore
from tests.gateway.openapi_spec import Spec, app_on_twins, response_schema, validator
from tests.gateway.seed import result_row, seed_chunk
from tests.gateway.steps import CRITERIA_CSV, CRITERIA_HEADER
from tests.sessions import seed_plan

pytestmark = pytest.mark.unit

SESSION = "/api/sessions/{session_id}"
CRITERIA = "/api/criteria/{name}"
CSV = "Компания;Сайт;Group\nCapcom;capcom.com;A\nSega;sega.com;B\nCapcom JP;capcom.com;C\n"
UPLOAD_LIMIT = 4096


@dataclass
class Gateway:
    http: httpx.AsyncClient
    spec: Spec
    key: str
    tenant: str
    store: MemoryStore
    bus: MemoryBus

    async def call(
        self, method: str, template: str, status: int, *, key: bool = True, **request: Any
    ) -> httpx.Response:
        """Send the request; check its status is the expected and the documented one, and
        its body fits the schema documented for that status and media type."""
        path = template.format(**request.pop("path", {}))
        headers = {"Authorization": f"Bearer {self.key}"} if key else {}
        response = await self.http.request(method, path, headers=headers, **request)
        assert response.status_code == status, response.text
        media = response.headers.get("content-type", "").split(";")[0]
        schema = response_schema(self.spec, method.lower(), template, status, media)
        if media == "application/json":
            validator(self.spec, schema).validate(response.json())
        return response

    async def upload(self, content: bytes, status: int = 201, **fields: str) -> httpx.Response:
        files = {"file": ("companies.csv", content, "text/csv")}
        return await self.call("POST", "/api/sessions", status, files=files, data=fields)


@pytest.fixture
async def gateway() -> AsyncIterator[Gateway]:
    key, tenant = new_key(), f"t{uuid.uuid4().hex[:10]}"
    settings = GatewaySettings(
        environment="test",
        api_keys=f"{tenant}:{hash_key(key)}",
        max_upload_bytes=UPLOAD_LIMIT,
        max_criteria_bytes=UPLOAD_LIMIT,
    )
    store, bus = MemoryStore(), MemoryBus()
    app = app_on_twins(settings, store, MemoryBroker(bus))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as http:
            yield Gateway(http, app.openapi(), key, tenant, store, bus)


async def new_session(gateway: Gateway) -> str:
    created = await gateway.upload(CSV.encode("cp1251"), context_text="game publishers")
    session_id: str = created.json()["session_id"]
    return session_id


async def running_session(gateway: Gateway) -> tuple[str, list[dict[str, Any]]]:
    """A started session with its plan and every row stored, one a duplicate of another."""
    session_id = await new_session(gateway)
    await gateway.call("POST", f"{SESSION}/start", 202, path={"session_id": session_id})
    keys = SessionKeys(gateway.tenant, session_id)
    await seed_plan(gateway.store, keys, total=3, chunk_size=2)
    original = {"Компания": "Capcom", "Сайт": "capcom.com", "Group": "A"}
    first = result_row(0, "Capcom", original=original, Match_Confidence=0.9, Sources=["a"])
    second = result_row(1, "Sega", original={"Компания": "Sega", "Сайт": "sega.com", "Group": "B"})
    copy = {"Компания": "Capcom JP", "Сайт": "capcom.com", "Group": "C"}
    duplicate = result_row(2, "Capcom JP", original=copy, Row_Status="duplicate", duplicate_of=0)
    await seed_chunk(gateway.store, keys, 0, [first, second])
    await seed_chunk(gateway.store, keys, 1, [duplicate])
    page = await gateway.call("GET", f"{SESSION}/results", 200, path={"session_id": session_id})
    rows: list[dict[str, Any]] = page.json()["rows"]
    return session_id, rows


async def test_the_session_routes_answer_as_documented(gateway: Gateway) -> None:
    session_id = await new_session(gateway)
    ids = {"session_id": session_id}
    await gateway.call("GET", "/api/sessions", 200, params={"limit": 1})
    await gateway.call("GET", SESSION, 200, path=ids)
    await gateway.call("GET", f"{SESSION}/preview", 200, path=ids)
    await gateway.call("GET", f"{SESSION}/results", 200, path=ids)
    await gateway.call("POST", f"{SESSION}/start", 202, path=ids)
    await gateway.call("POST", f"{SESSION}/start", 202, path=ids)
    await gateway.call("DELETE", SESSION, 409, path=ids)
    await gateway.call("POST", f"{SESSION}/cancel", 202, path=ids)
    await gateway.call("POST", f"{SESSION}/cancel", 409, path=ids)
    await gateway.call("POST", f"{SESSION}/start", 409, path=ids)
    await gateway.call("GET", "/api/sessions", 200, params={"status": "cancelled"})
    await gateway.call("DELETE", SESSION, 204, path=ids)
    await gateway.call("GET", SESSION, 404, path=ids)


async def test_results_and_downloads_answer_as_documented(gateway: Gateway) -> None:
    session_id, _ = await running_session(gateway)
    ids = {"session_id": session_id}
    await gateway.call("GET", f"{SESSION}/results", 200, path=ids, params={"limit": 1})
    await gateway.call("GET", f"{SESSION}/results", 200, path=ids, params={"format": "json"})
    await gateway.call("GET", f"{SESSION}/results", 200, path=ids, params={"format": "csv"})
    await gateway.call("GET", f"{SESSION}/results", 200, path=ids, params={"format": "xlsx"})
    await gateway.call(
        "GET", f"{SESSION}/logs/{{log_type}}", 200, path={**ids, "log_type": "errors"}
    )
    await gateway.call("GET", f"{SESSION}/download_archive", 200, path=ids)
    token = (await gateway.call("POST", f"{SESSION}/download_token", 201, path=ids)).json()
    query = {"format": "csv", "token": token["token"]}
    await gateway.call("GET", f"{SESSION}/results", 200, key=False, path=ids, params=query)
    wrong = {"token": token["token"][:-2]}
    await gateway.call("GET", f"{SESSION}/download_archive", 401, key=False, path=ids, params=wrong)


async def test_refusals_answer_as_documented(gateway: Gateway) -> None:
    session_id = await new_session(gateway)
    ids = {"session_id": session_id}
    await gateway.call("GET", "/api/sessions", 401, key=False)
    await gateway.call("GET", SESSION, 401, key=False, path=ids)
    await gateway.call("GET", SESSION, 404, path={"session_id": "not-an-id"})
    await gateway.call("GET", f"{SESSION}/logs/{{log_type}}", 404, path={**ids, "log_type": "x"})
    await gateway.call("GET", "/api/sessions", 422, params={"limit": "many"})
    await gateway.call("GET", f"{SESSION}/results", 422, path=ids, params={"format": "pdf"})
    await gateway.call("GET", "/healthz", 422, params={"verbose": "1"})
    await gateway.call("GET", "/api/capabilities", 422, params={"verbose": "1"})
    await gateway.upload(b"Company\n" + b"Capcom\n" * UPLOAD_LIMIT, 413)
    await gateway.upload(b"%PDF-1.7\n\x00" + bytes(range(256)), 415)
    await gateway.upload(b"", 422)
    await gateway.call("POST", "/api/sessions", 415, content=b"Company\nCapcom\n")


async def test_the_criteria_routes_answer_as_documented(gateway: Gateway) -> None:
    files = {"file": ("cdn.csv", CRITERIA_CSV, "text/csv")}
    named = {"name": "cdn"}
    await gateway.call("POST", "/api/criteria", 201, files=files)
    await gateway.call("POST", "/api/criteria", 409, files=files)
    await gateway.call("GET", "/api/criteria", 200)
    await gateway.call("GET", CRITERIA, 200, path=named)
    await gateway.call("PUT", CRITERIA, 200, path=named, files=files)
    bad = {"file": ("cdn.csv", CRITERIA_HEADER.encode() + b"CDN,,Sometimes,x,,,\n", "text/csv")}
    await gateway.call("PUT", CRITERIA, 422, path=named, files=bad)
    await gateway.call(
        "POST", "/api/criteria", 413, files={"file": ("a.csv", b"x" * (UPLOAD_LIMIT + 1))}
    )
    await gateway.call("POST", "/api/criteria", 415, content=CRITERIA_CSV)
    await gateway.call("GET", CRITERIA, 422, path={"name": "-cdn"})
    await gateway.call("DELETE", CRITERIA, 204, path=named)
    await gateway.call("DELETE", CRITERIA, 404, path=named)
    await gateway.call("GET", "/api/criteria", 401, key=False)


async def test_the_qualify_route_answers_as_documented(gateway: Gateway) -> None:
    session_id = await new_session(gateway)
    url, ids = f"{SESSION}/qualify", {"session_id": session_id}
    await gateway.call("POST", url, 409, path=ids, json={"criteria": ["cdn"]})
    await gateway.call("POST", url, 404, path={"session_id": "0" * 32}, json={"criteria": ["x"]})
    await gateway.call("POST", url, 422, path=ids, json={"criteria": []})
    await gateway.call("POST", url, 413, path=ids, json={"criteria": ["x" * 70000]})


async def test_unreachable_services_answer_as_documented(gateway: Gateway) -> None:
    session_id = await new_session(gateway)
    ids = {"session_id": session_id}
    await gateway.call("GET", "/healthz", 200, key=False)
    await gateway.call("GET", "/readyz", 200, key=False)
    await gateway.call("GET", "/api/capabilities", 200, key=False)
    gateway.bus.interrupt()
    await gateway.call("GET", "/readyz", 503, key=False)
    await gateway.call("POST", f"{SESSION}/start", 503, path=ids)
    gateway.store.available = False
    await gateway.call("GET", "/api/sessions", 503)
    await gateway.call("GET", SESSION, 503, path=ids)
    await gateway.call("POST", f"{SESSION}/cancel", 503, path=ids)


async def test_result_rows_keep_the_order_of_the_columns(gateway: Gateway) -> None:
    session_id, rows = await running_session(gateway)
    columns = (await gateway.call("GET", SESSION, 200, path={"session_id": session_id})).json()
    expected = ["row", *columns["input"]["columns"]]
    assert [list(row)[: len(expected)] for row in rows] == [expected] * 3
    assert all(list(row)[-1] == "duplicate_of" for row in rows)
    assert rows[2]["duplicate_of"] == 0
    assert rows[2]["Match_Confidence"] == 0.9


async def test_times_keep_the_offsets_they_have_always_had(gateway: Gateway) -> None:
    session_id = await new_session(gateway)
    ids = {"session_id": session_id}
    started = (await gateway.call("POST", f"{SESSION}/start", 202, path=ids)).json()
    assert started["created_at"].endswith("+00:00")
    assert started["started_at"].endswith("+00:00")
    token = (await gateway.call("POST", f"{SESSION}/download_token", 201, path=ids)).json()
    assert token["expires_at"].endswith("Z")
