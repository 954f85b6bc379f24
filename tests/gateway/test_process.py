"""`python -m gateway` as a real process, driven over real HTTP."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.gateway.conftest import GatewayProcess

pytestmark = pytest.mark.e2e


async def test_gateway_process_creates_and_reads_a_session_over_http(
    gateway_process: GatewayProcess,
) -> None:
    gateway = gateway_process.service
    headers = gateway_process.owner.headers
    async with httpx.AsyncClient(base_url=gateway_process.url, headers=headers, timeout=30) as http:
        created = await http.post(
            "/api/sessions",
            files={"file": ("c.csv", b"Company,Website\nCapcom,capcom.com\n", "text/csv")},
            data={"context_text": "game publishers"},
        )
        assert created.status_code == 201, created.text
        session_id = created.json()["session_id"]
        fetched = await http.get(f"/api/sessions/{session_id}")
        assert fetched.status_code == 200
        assert fetched.json()["input"]["rows"] == 1
        assert fetched.json()["context_chars"] == len("game publishers")
        assert (await http.get("/api/sessions")).status_code == 200
        assert (await http.get("/docs")).status_code == 200
    assert gateway.stop() == 0, gateway.log_text()[-2000:]
    events = [json.loads(line)["event"] for line in gateway.log_text().splitlines()]
    assert "gateway.stopped" in events
