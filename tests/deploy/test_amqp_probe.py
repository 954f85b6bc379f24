"""The broker probe that `make up` and `make test` rely on tells the three cases apart."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from tests.processes import REPO
from tests.services import free_port, require_rabbitmq

pytestmark = pytest.mark.integration


def probe(port: int) -> int:
    command = [sys.executable, str(REPO / "scripts" / "amqp_probe.py"), "127.0.0.1", str(port)]
    return subprocess.run(command, timeout=30, check=False).returncode


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts TCP connections and never answers, like a broker stuck while booting."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    accepted: list[socket.socket] = []

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join(5)
    for connection in accepted:
        connection.close()
    server.close()


def test_probe_passes_when_rabbitmq_answers_the_amqp_handshake() -> None:
    require_rabbitmq()
    assert probe(5672) == 0


def test_probe_reports_nothing_listening() -> None:
    assert probe(free_port()) == 1


def test_probe_reports_a_port_that_accepts_tcp_but_never_speaks_amqp(silent_server: int) -> None:
    assert probe(silent_server) == 2
