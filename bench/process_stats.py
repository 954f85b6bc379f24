"""What a running service process has used so far, read from /proc (Linux only)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int, *, children: bool = False) -> float:
    """User + system CPU of a process so far (/proc/<pid>/stat, fields 14 and 15); with
    `children`, that of its children it has waited for too (fields 16 and 17)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    spent = int(fields[11]) + int(fields[12])
    if children:
        spent += int(fields[13]) + int(fields[14])
    return spent / TICKS


def child_pids(pid: int) -> list[int]:
    """The process's children now running."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found.extend(int(n) for n in task.read_text().split())
    return found
