"""A wrong method on an API path is 405 with every method the path serves, as documented;
the dashboard still serves its files at every other path."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from tests.gateway.openapi_spec import METHODS

pytestmark = pytest.mark.unit
SESSION = "0" * 32


def documented_methods(app: FastAPI, template: str) -> str:
    item = app.openapi()["paths"][template]
    return ", ".join(sorted(method.upper() for method in METHODS if method in item))


@pytest.mark.parametrize(
    ("method", "template"),
    [
        ("OPTIONS", "/api/sessions"),
        ("PUT", "/api/sessions"),
        ("OPTIONS", "/api/sessions/{session_id}"),
        ("GET", "/api/sessions/{session_id}/start"),
        ("PATCH", "/api/sessions/{session_id}/cancel"),
        ("GET", "/api/sessions/{session_id}/download_token"),
        ("POST", "/api/sessions/{session_id}/results"),
        ("GET", "/api/sessions/{session_id}/qualify"),
        ("DELETE", "/api/criteria"),
        ("TRACE", "/api/capabilities"),
        ("DELETE", "/healthz"),
    ],
)
async def test_a_wrong_method_on_an_api_path_is_405_listing_the_paths_methods(
    client: httpx.AsyncClient, gateway_app: FastAPI, method: str, template: str
) -> None:
    response = await client.request(method, template.format(session_id=SESSION))
    assert response.status_code == 405, response.text
    assert response.json()["code"] == "method_not_allowed"
    assert response.headers["allow"] == documented_methods(gateway_app, template)


async def test_the_dashboard_is_still_served_around_the_api(anonymous: httpx.AsyncClient) -> None:
    assert (await anonymous.get("/")).status_code == 200
    assert (await anonymous.get("/app.js")).status_code == 200
    missing = await anonymous.get("/api/nothing-here")
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    posted = await anonymous.post("/app.js")
    assert (posted.status_code, posted.headers["allow"]) == (405, "GET, HEAD")
