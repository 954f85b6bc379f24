"""Download tokens: a plain link (no Authorization header) fetches one session's files."""

from __future__ import annotations

import csv
import io
import zipfile

import httpx
import pytest

from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.routes.test_results_logs_archive import running_session
from tests.gateway.steps import new_session

pytestmark = pytest.mark.unit


async def issue(client: httpx.AsyncClient, session_id: str) -> str:
    response = await client.post(f"/api/sessions/{session_id}/download_token")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["expires_in"] == 300
    assert body["expires_at"].endswith("Z")
    token: str = body["token"]
    return token


async def test_a_token_downloads_results_logs_and_the_archive_without_the_key(
    client: httpx.AsyncClient, anonymous: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id, _ = await running_session(client, store, owner)
    token = await issue(client, session_id)
    base = f"/api/sessions/{session_id}"

    response = await anonymous.get(f"{base}/results", params={"format": "csv", "token": token})
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    names = [row["Company_Name"] for row in csv.DictReader(io.StringIO(response.text))]
    assert names == ["Capcom", "Krafton", "Atlus"]

    logs = await anonymous.get(f"{base}/logs/pipeline", params={"token": token})
    assert logs.status_code == 200
    assert "row.done" in logs.text

    archive = await anonymous.get(f"{base}/download_archive", params={"token": token})
    assert archive.status_code == 200
    assert "results.csv" in zipfile.ZipFile(io.BytesIO(archive.content)).namelist()


async def test_a_token_opens_nothing_but_its_own_sessions_downloads(
    client: httpx.AsyncClient, anonymous: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id, _ = await running_session(client, store, owner)
    other_id = await new_session(client)
    token = await issue(client, session_id)

    other = await anonymous.get(f"/api/sessions/{other_id}/download_archive?token={token}")
    assert (other.status_code, other.json()["code"]) == (401, "unauthorized")
    assert "another session" in other.json()["message"]

    # Endpoints that are not downloads still require the key.
    for method, path in (
        ("GET", f"/api/sessions/{session_id}"),
        ("POST", f"/api/sessions/{session_id}/cancel"),
        ("DELETE", f"/api/sessions/{session_id}"),
        ("POST", f"/api/sessions/{session_id}/download_token"),
    ):
        response = await anonymous.request(method, path, params={"token": token})
        assert response.status_code in (401, 422), (method, path, response.text)
    assert (await client.get(f"/api/sessions/{session_id}")).json()["status"] == "running"


async def test_forged_or_tampered_tokens_are_refused(
    client: httpx.AsyncClient, anonymous: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id, _ = await running_session(client, store, owner)
    token = await issue(client, session_id)
    payload, _, signature = token.partition(".")
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    url = f"/api/sessions/{session_id}/results"
    odd = ("QQ.é", f"{payload}.{signature[:-1]}é", "é", "QQ.\x00", "\u202e.\ufeff")
    for bad in (f"{payload}.{flipped}", "garbage", f"{payload}.", "%%%.%%%", "", *odd):
        response = await anonymous.get(url, params={"format": "json", "token": bad})
        assert (response.status_code, response.json()["code"]) == (401, "unauthorized"), bad


async def test_another_tenants_session_cannot_get_a_token(
    client: httpx.AsyncClient, other_client: httpx.AsyncClient
) -> None:
    session_id = await new_session(client)
    response = await other_client.post(f"/api/sessions/{session_id}/download_token")
    assert (response.status_code, response.json()["code"]) == (404, "session_not_found")
