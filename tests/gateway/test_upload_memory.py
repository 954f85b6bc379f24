"""A large upload streams through the gateway process with bounded memory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.gateway.conftest import GatewayProcess

pytestmark = pytest.mark.e2e

# Near the upload limit (100 MB), so that fixed buffers and a held file stay far apart.
UPLOAD_MB = 95
LINE = b"Example Company Name Ltd,https://www.example.com/en," + b"x" * 200 + b"\n"
BOUNDARY = b"memtestboundary"


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc status")


async def body() -> AsyncIterator[bytes]:
    yield (
        b"--" + BOUNDARY + b"\r\n"
        b'Content-Disposition: form-data; name="file"; filename="big.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\nCompany,Website,Notes\n"
    )
    block = LINE * (1024 * 1024 // len(LINE))
    for _ in range(UPLOAD_MB):
        yield block
    yield b"\r\n--" + BOUNDARY + b"--\r\n"


async def test_a_95_mb_upload_does_not_grow_the_process_by_its_size(
    gateway_process: GatewayProcess,
) -> None:
    gateway = gateway_process.service
    before = peak_rss_mb(gateway.process.pid)
    async with httpx.AsyncClient(base_url=gateway_process.url, timeout=110) as http:
        response = await http.post(
            "/api/sessions",
            content=body(),
            headers={
                **gateway_process.owner.headers,
                "Content-Type": f"multipart/form-data; boundary={BOUNDARY.decode()}",
            },
        )
    assert response.status_code == 201, response.text
    assert response.json()["input"]["size_bytes"] > UPLOAD_MB * 1024 * 1024 * 0.99
    growth = peak_rss_mb(gateway.process.pid) - before
    # Buffers (two storage streams, their S3 parts, the parser's queue) take a fixed ~55 MB
    # whatever the file's size; holding the file would take 95+.
    assert growth < UPLOAD_MB * 0.75, f"peak memory grew by {growth:.0f} MB"
