"""`make up` / `make down` on spare ports and a private runtime folder, beside any running stack."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.broker.rabbit_topology import delete_topology
from shared.topology import Topology
from tests.processes import REPO
from tests.services import AMQP_URL, require_rabbitmq

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

SERVICES = ("seaweedfs", "gateway", "notifier", "worker-1", "worker-2")


def is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def spare_ports(count: int) -> list[int]:
    """Ports below the ephemeral range whose SeaweedFS gRPC twin (+10000) is free as well."""
    chosen: list[int] = []
    while len(chosen) < count:
        port = random.randrange(20000, 30000)
        if port not in chosen and is_free(port) and is_free(port + 10000):
            chosen.append(port)
    return chosen


def run(script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", f"scripts/{script}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def pids(run_dir: Path) -> dict[str, int]:
    return {
        name: int((run_dir / f"{name}.pid").read_text())
        for name in SERVICES
        if (run_dir / f"{name}.pid").exists()
    }


def alive(pid: int) -> bool:
    """Running and not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def status_of(url: str, key: str | None = None) -> int:
    request = urllib.request.Request(url)
    if key:
        request.add_header("Authorization", f"Bearer {key}")
    with urllib.request.urlopen(request, timeout=5) as response:
        return int(response.status)


@pytest.fixture
def stack_env(tmp_path: Path, topology_prefix: str) -> Iterator[dict[str, str]]:
    require_rabbitmq()
    gateway, notifier, s3, master, volume, filer, worker_a, worker_b = spare_ports(8)
    run_dir = tmp_path / "run"
    env = {
        **os.environ,
        "DOSSIER_RUN_DIR": str(run_dir),
        "DOSSIER_TOPOLOGY_PREFIX": topology_prefix,
        "DOSSIER_PIPELINE_STAGES": "normalize",
        "DOSSIER_GATEWAY_PORT": str(gateway),
        "DOSSIER_NOTIFIER_PORT": str(notifier),
        "DOSSIER_DEV_S3_PORT": str(s3),
        "DOSSIER_DEV_WEED_MASTER_PORT": str(master),
        "DOSSIER_DEV_WEED_VOLUME_PORT": str(volume),
        "DOSSIER_DEV_WEED_FILER_PORT": str(filer),
        "DOSSIER_DEV_WORKER_PORTS": f"{worker_a} {worker_b}",
    }
    try:
        yield env
    finally:
        # Whatever `make down` missed is ended here, by the pids this stack recorded.
        for pid in pids(run_dir).values():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


async def test_make_up_is_idempotent_restarts_dead_services_and_make_down_stops_all(
    stack_env: dict[str, str],
) -> None:
    run_dir = Path(stack_env["DOSSIER_RUN_DIR"])
    first = run("up.sh", stack_env)
    assert first.returncode == 0, first.stdout + first.stderr
    key = (run_dir / "dev-api-key").read_text().strip()
    assert key in first.stdout
    assert key not in (run_dir / "api-keys").read_text(), "only the key's hash is stored"
    started = pids(run_dir)
    assert set(started) == set(SERVICES)

    gateway = f"http://127.0.0.1:{stack_env['DOSSIER_GATEWAY_PORT']}"
    assert status_of(f"{gateway}/readyz") == 200
    assert status_of(f"http://127.0.0.1:{stack_env['DOSSIER_NOTIFIER_PORT']}/readyz") == 200
    for port in stack_env["DOSSIER_DEV_WORKER_PORTS"].split():
        assert status_of(f"http://127.0.0.1:{port}/readyz") == 200
    assert status_of(f"{gateway}/api/sessions", key) == 200

    # A dead process leaves a stale pid file: the next `make up` restarts only that one.
    os.kill(started["worker-2"], signal.SIGKILL)
    second = run("up.sh", stack_env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "gateway already running" in second.stdout
    restarted = pids(run_dir)
    assert restarted["worker-2"] != started["worker-2"]
    assert {k: v for k, v in restarted.items() if k != "worker-2"} == {
        k: v for k, v in started.items() if k != "worker-2"
    }
    started = restarted
    assert (run_dir / "dev-api-key").read_text().strip() == key

    down = run("down.sh", stack_env)
    assert down.returncode == 0, down.stdout + down.stderr
    assert not [name for name, pid in started.items() if alive(pid)]
    assert not pids(run_dir)

    again = run("down.sh", stack_env)
    assert again.returncode == 0, again.stdout + again.stderr
    await delete_topology(AMQP_URL, Topology(stack_env["DOSSIER_TOPOLOGY_PREFIX"]))


def test_make_up_refuses_a_port_held_by_another_program_before_starting_anything(
    stack_env: dict[str, str],
) -> None:
    port = int(stack_env["DOSSIER_NOTIFIER_PORT"])
    with socket.create_server(("127.0.0.1", port)):
        result = run("up.sh", stack_env)
    assert result.returncode != 0
    assert f"port {port}, needed by notifier, is taken" in result.stderr
    assert not pids(Path(stack_env["DOSSIER_RUN_DIR"]))
