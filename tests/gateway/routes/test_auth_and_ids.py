"""Keys, path ids and the error body shape."""

from __future__ import annotations

import httpx
import pytest

from tests.gateway.steps import new_session

pytestmark = pytest.mark.unit


async def test_requests_without_a_valid_key_are_401(
    anonymous: httpx.AsyncClient,
) -> None:
    missing = await anonymous.get("/api/sessions")
    assert missing.status_code == 401
    assert missing.json()["code"] == "unauthorized"
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = await anonymous.get("/api/sessions", headers={"Authorization": "Bearer nope"})
    assert (wrong.status_code, wrong.json()["code"]) == (401, "unauthorized")
    upload = await anonymous.post("/api/sessions", files={"file": ("a.csv", b"Company\nA\n")})
    assert upload.status_code == 401


@pytest.mark.parametrize(
    "bad_id",
    ["..%2F..%2Fetc", "x" * 300, "%C3%A9" * 16, "ABCDEF0123456789ABCDEF0123456789", "0" * 31],
)
async def test_malformed_session_ids_are_404_with_a_code(
    client: httpx.AsyncClient, bad_id: str
) -> None:
    for method, suffix in (("GET", ""), ("POST", "/start"), ("GET", "/results")):
        response = await client.request(method, f"/api/sessions/{bad_id}{suffix}")
        # A decoded `../` leaves the API's routes: the dashboard's static mount answers
        # (404, or 405 for a POST); either way a JSON code, never a 500.
        assert response.status_code in (404, 405), (bad_id, response.text)
        assert response.json()["code"] in ("session_not_found", "not_found", "method_not_allowed")


async def test_unknown_session_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/api/sessions/{'0' * 32}")
    assert (response.status_code, response.json()["code"]) == (404, "session_not_found")


async def test_bad_query_values_on_results_are_422(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client)
    base = f"/api/sessions/{session_id}/results"
    for params in ({"format": "pdf"}, {"limit": "100000"}, {"offset": "-1"}, {"page": "2"}):
        response = await client.get(base, params=params)
        assert response.status_code == 422, params
        assert response.json()["code"] in ("invalid_request", "unknown_parameter")
        assert response.json()["message"]
