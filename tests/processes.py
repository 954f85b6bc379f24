"""Run Dossier services as separate processes (`python -m gateway` and so on) for tests."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.services import free_port, terminate

REPO = Path(__file__).resolve().parent.parent


@dataclass
class ServiceProcess:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def signal(self, sig: signal.Signals) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)

    def stop(self, timeout: float = 15) -> int:
        if self.process.poll() is not None:
            return self.process.returncode
        return terminate(self.process, timeout)


def wait_http_ok(url: str, timeout: float, service: ServiceProcess | None = None) -> None:
    """Poll a readiness URL until it answers 200; fail with the service's log otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if service is not None and service.process.poll() is not None:
            raise RuntimeError(f"{service.name} exited early:\n{service.log_text()[-4000:]}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=1) as response:
            if response.status == 200:
                return
        time.sleep(0.1)
    log = service.log_text()[-4000:] if service else ""
    raise RuntimeError(f"{url} not ready within {timeout:.0f}s\n{log}")


@contextlib.contextmanager
def service(
    module: str,
    env: dict[str, str],
    log_dir: Path,
    name: str | None = None,
    cwd: Path = REPO,
) -> Iterator[ServiceProcess]:
    """Start `python -m <module>` with `env` added, from the checkout at `cwd` (this one
    by default); stop it (SIGTERM, then SIGKILL) after."""
    name = name or module
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{name}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", module],
            cwd=cwd,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        running = ServiceProcess(name, process, log_path)
        try:
            yield running
        finally:
            running.stop()


@dataclass(frozen=True)
class RunningServices:
    """Gateway, notifier and one worker, each answering on its readiness URL."""

    gateway_url: str
    notifier_ws: str
    processes: tuple[ServiceProcess, ...]
    env: dict[str, str]


@contextlib.contextmanager
def gateway_notifier_worker(
    env: dict[str, str], log_dir: Path, worker_env: dict[str, str], ready_timeout: float
) -> Iterator[RunningServices]:
    """The three services on free local ports; `env` is extended with the ports, and the
    worker also gets `worker_env`."""
    gateway_port, notifier_port, worker_port = free_port(), free_port(), free_port()
    env = {
        **env,
        "DOSSIER_GATEWAY_HOST": "127.0.0.1",
        "DOSSIER_GATEWAY_PORT": str(gateway_port),
        "DOSSIER_NOTIFIER_HOST": "127.0.0.1",
        "DOSSIER_NOTIFIER_PORT": str(notifier_port),
        "DOSSIER_NOTIFIER_PUBLIC_URL": f"ws://127.0.0.1:{notifier_port}/ws",
        "DOSSIER_WORKER_HEALTH_PORT": str(worker_port),
    }
    with (
        service("gateway", env, log_dir) as gateway,
        service("notifier", env, log_dir) as notifier,
        service("worker", {**env, **worker_env}, log_dir) as worker,
    ):
        wait_http_ok(f"http://127.0.0.1:{gateway_port}/readyz", ready_timeout, gateway)
        wait_http_ok(f"http://127.0.0.1:{notifier_port}/readyz", ready_timeout, notifier)
        wait_http_ok(f"http://127.0.0.1:{worker_port}/readyz", ready_timeout, worker)
        yield RunningServices(
            gateway_url=f"http://127.0.0.1:{gateway_port}",
            notifier_ws=f"ws://127.0.0.1:{notifier_port}/ws",
            processes=(gateway, notifier, worker),
            env=env,
        )
