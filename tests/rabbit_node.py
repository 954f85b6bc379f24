"""A RabbitMQ node of a test's own, for tests that stop the broker.

The machine's RabbitMQ on port 5672 is shared by every test and service running there;
stopping it for one test's outage would break whatever else is running at the time. This
node runs from the same installation on free ports with its own data directory and no
plugins, and is stopped and removed when the test module ends.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.services import free_port, wait_for_port

# Debian's rabbitmq-server runs the node as this user when started by root.
_NODE_USER = "rabbitmq"


@dataclass(frozen=True)
class RabbitNode:
    name: str
    port: int

    @property
    def url(self) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}/"

    def ctl(self, *args: str) -> None:
        subprocess.run(
            ["rabbitmqctl", "-q", "-n", self.name, *args],
            check=True,
            timeout=60,
            capture_output=True,
        )


def _node_user() -> pwd.struct_passwd:
    try:
        user = pwd.getpwnam(_NODE_USER)
    except KeyError as exc:
        raise RuntimeError("RabbitMQ's `rabbitmq` user is missing: is RabbitMQ installed?") from exc
    if os.geteuid() not in (0, user.pw_uid):
        raise RuntimeError("a private RabbitMQ node is started by root or by the `rabbitmq` user")
    return user


@contextlib.contextmanager
def private_rabbitmq() -> Iterator[RabbitNode]:
    if shutil.which("rabbitmq-server") is None:
        raise RuntimeError("rabbitmq-server is needed to start a private RabbitMQ node")
    user = _node_user()
    base = Path(tempfile.mkdtemp(prefix="dossier-rabbit-"))
    (base / "enabled_plugins").write_text("[].\n")
    for path in (base, base / "enabled_plugins"):
        os.chown(path, user.pw_uid, user.pw_gid)
    node = RabbitNode(f"dtest{uuid.uuid4().hex[:8]}@localhost", free_port())
    pid_file = base / "node.pid"
    env = {
        **os.environ,
        "RABBITMQ_NODENAME": node.name,
        "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
        "RABBITMQ_NODE_PORT": str(node.port),
        "RABBITMQ_DIST_PORT": str(free_port()),
        "RABBITMQ_MNESIA_BASE": str(base / "mnesia"),
        "RABBITMQ_LOG_BASE": str(base / "log"),
        "RABBITMQ_PID_FILE": str(pid_file),
        "RABBITMQ_ENABLED_PLUGINS_FILE": str(base / "enabled_plugins"),
        # Not the machine's configuration: it names the shared node's listener.
        "RABBITMQ_CONFIG_FILE": str(base / "rabbitmq"),
        "RABBITMQ_ADVANCED_CONFIG_FILE": str(base / "advanced.config"),
    }
    subprocess.run(["rabbitmq-server", "-detached"], env=env, check=True, timeout=60)
    try:
        node.ctl("wait", str(pid_file), "--timeout", "90")
        wait_for_port(node.port, 30, "the private RabbitMQ node")
        yield node
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            node.ctl("stop", str(pid_file))
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def rabbitmq_stopped(node: RabbitNode) -> Iterator[None]:
    """The node's application stopped (`stop_app`) for the duration, started again
    afterwards even when the body fails."""
    node.ctl("stop_app")
    try:
        yield
    finally:
        node.ctl("start_app")
        wait_for_port(node.port, 30, "the private RabbitMQ node")
