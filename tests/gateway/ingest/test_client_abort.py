"""A client that goes away mid-upload is a client abort: a calm log line, no traceback, no
server error, and no trace of the session in storage."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import pytest
from fastapi import FastAPI
from structlog.testing import capture_logs

from shared.layout import tenant_sessions_prefix
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller

pytestmark = pytest.mark.unit

HEAD = (
    b'--cut\r\nContent-Disposition: form-data; name="context_text"\r\n\r\nfor a test\r\n'
    b'--cut\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'
    b"Company,Website\r\nCapcom,capcom.com\r\n"
)
ROWS = b"Sega,sega.com\r\n" * 5000


def scope(owner: Caller) -> dict[str, Any]:
    headers = [
        (b"host", b"gateway.test"),
        (b"authorization", f"Bearer {owner.key}".encode()),
        (b"content-type", b"multipart/form-data; boundary=cut"),
        (b"content-length", b"10000000"),
    ]
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/sessions",
        "raw_path": b"/api/sessions",
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("gateway.test", 80),
    }


@pytest.mark.parametrize("parts_before_leaving", [0, 1, 2, 5])
async def test_a_client_leaving_mid_upload_is_logged_as_an_abort_and_leaves_nothing(
    gateway_app: FastAPI, store: MemoryStore, owner: Caller, parts_before_leaving: int
) -> None:
    parts = [HEAD, *([ROWS] * 8)][:parts_before_leaving]

    async def receive() -> MutableMapping[str, Any]:
        if parts:
            return {"type": "http.request", "body": parts.pop(0), "more_body": True}
        return {"type": "http.disconnect"}

    sent: list[MutableMapping[str, Any]] = []

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    with capture_logs() as logs:
        await gateway_app(scope(owner), receive, send)

    statuses = [message["status"] for message in sent if message["type"] == "http.response.start"]
    assert statuses == [400]
    aborted = [entry for entry in logs if entry["event"] == "request.client_aborted"]
    assert len(aborted) == 1
    assert aborted[0]["log_level"] == "info"
    assert not [entry for entry in logs if entry["log_level"] in ("error", "critical")]
    assert not [entry for entry in logs if "exc_info" in entry]
    assert await store.list_objects(tenant_sessions_prefix(owner.tenant)) == []
