"""A process capped at a share of one core, through a Linux cgroup's CPU quota.

On a machine whose two cores also run the object storage, the broker and the web's
stand-in, two workers never get two cores: what they reach against one worker says how
much CPU those services leave, not how the workers scale. Capping each worker at the same
share of a core (half by default) leaves the rest of the machine to the services, so the
workers, not the services, are the bound: a worker on a core of its own with the storage
and the broker elsewhere, as a deployment runs them, at a fraction of the speed.

The cap is the CFS bandwidth quota: cgroup v2's `cpu.max`, or v1's `cpu.cfs_quota_us`
where the cpu controller is mounted on its own. It needs root; `available()` says why
not when it cannot be set. A process's children (a worker's rendering process) share
its group, as they share its core in a deployment.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")
# A short period spreads the quota over the second: a 100 ms period would let a worker
# run 50 ms and then stall 50 ms, adding latency the uncapped run does not have.
PERIOD_US = 20_000


def _controller_root() -> tuple[Path, bool] | None:
    """The folder new groups are made in, and whether it is cgroup v2."""
    unified = CGROUP_ROOT / "cgroup.controllers"
    if unified.exists() and "cpu" in unified.read_text().split():
        return CGROUP_ROOT, True
    v1 = CGROUP_ROOT / "cpu"
    if (v1 / "cpu.cfs_quota_us").exists():
        return v1, False
    return None


def available() -> str | None:
    """None when a quota can be set here, else why not."""
    if os.geteuid() != 0:
        return "setting a CPU quota needs root"
    if _controller_root() is None:
        return "no cgroup cpu controller is mounted under /sys/fs/cgroup"
    return None


class CpuQuota:
    """A cgroup of its own holding processes to at most `cores` of a core."""

    def __init__(self, cores: float) -> None:
        found = _controller_root()
        if found is None:
            raise RuntimeError(available() or "no cgroup cpu controller")
        root, unified = found
        if unified:
            # v2 only gives a child the cpu controller when its parent delegates it.
            with contextlib.suppress(OSError):
                (root / "cgroup.subtree_control").write_text("+cpu")
        self.path = root / f"dossier-bench-{uuid.uuid4().hex[:8]}"
        self.path.mkdir()
        quota = max(1_000, round(cores * PERIOD_US))
        if unified:
            (self.path / "cpu.max").write_text(f"{quota} {PERIOD_US}")
        else:
            (self.path / "cpu.cfs_period_us").write_text(str(PERIOD_US))
            (self.path / "cpu.cfs_quota_us").write_text(str(quota))
        self.cores = cores

    def add(self, pid: int) -> None:
        (self.path / "cgroup.procs").write_text(str(pid))

    def throttled_seconds(self) -> float:
        """How long the group's processes waited for quota so far."""
        for line in (self.path / "cpu.stat").read_text().splitlines():
            name, _, value = line.partition(" ")
            if name == "throttled_time":  # v1, nanoseconds
                return int(value) / 1e9
            if name == "throttled_usec":  # v2
                return int(value) / 1e6
        return 0.0

    def remove(self, wait: float = 10.0) -> None:
        """Delete the group once its processes have ended (a group with members stays)."""
        deadline = time.monotonic() + wait
        while True:
            try:
                self.path.rmdir()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
