"""A large upload streams through the gateway process with bounded memory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx

from shared.auth import hash_key, new_key
from shared.topology import Topology
from tests.conftest import drop_topology
from tests.processes import service, wait_http_ok
from tests.services import free_port

UPLOAD_MB = 80
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


async def test_an_80_mb_upload_does_not_grow_the_process_by_its_size(
    service_env: dict[str, str], tenant: str, tmp_path: Path
) -> None:
    key = new_key()
    port = free_port()
    env = {
        **service_env,
        "DOSSIER_API_KEYS": f"{tenant}:{hash_key(key)}",
        "DOSSIER_GATEWAY_PORT": str(port),
    }
    base = f"http://127.0.0.1:{port}"
    with service("gateway", env, tmp_path) as gateway:
        wait_http_ok(f"{base}/readyz", 60, gateway)
        before = peak_rss_mb(gateway.process.pid)
        async with httpx.AsyncClient(base_url=base, timeout=110) as http:
            response = await http.post(
                "/api/sessions",
                content=body(),
                headers={
                    "Authorization": f"Bearer {key}",
                    "Content-Type": f"multipart/form-data; boundary={BOUNDARY.decode()}",
                },
            )
        assert response.status_code == 201, response.text
        assert response.json()["input"]["size_bytes"] > UPLOAD_MB * 1024 * 1024 * 0.99
        growth = peak_rss_mb(gateway.process.pid) - before
    # Buffers (queue, S3 part, parser) take a fixed ~45 MB; holding the file would take 80+.
    assert growth < UPLOAD_MB * 0.75, f"peak memory grew by {growth:.0f} MB"
    await drop_topology(
        service_env["DOSSIER_AMQP_URL"], Topology(service_env["DOSSIER_TOPOLOGY_PREFIX"])
    )
