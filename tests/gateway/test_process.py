"""`python -m gateway` as a real process, driven over real HTTP."""

from __future__ import annotations

from pathlib import Path

import httpx

from shared.auth import hash_key, new_key
from shared.topology import Topology
from tests.conftest import drop_topology
from tests.processes import service, wait_http_ok
from tests.services import free_port


async def test_gateway_process_creates_and_reads_a_session_over_http(
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
        headers = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as http:
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
    assert '"event": "gateway.stopped"' in gateway.log_text()
    await drop_topology(
        service_env["DOSSIER_AMQP_URL"], Topology(service_env["DOSSIER_TOPOLOGY_PREFIX"])
    )
