"""Freed buffers given back to the system once the allocator is set (glibc)."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import pytest

from shared.allocator import give_freed_memory_back

pytestmark = [
    pytest.mark.unit,
    pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the thresholds are glibc's"),
]

ROOT = Path(__file__).resolve().parents[2]

# What a worker finalizing a large session does, in short: threads allocate and free
# buffers of a few MiB (after a larger one was freed) among small allocations that live on.
SCRIPT = """
import sys, threading
from shared.allocator import give_freed_memory_back

def rss_mib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024

if sys.argv[1] == "set":
    assert give_freed_memory_back()
kept = []

def work():
    large = bytes(5 * 1024 * 1024)
    del large
    buffers = [bytes(4 * 1024 * 1024 - n) for n in range(40)]
    kept.extend(bytearray(64) for _ in range(1000))
    del buffers

before = rss_mib()
for _ in range(4):
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
print(rss_mib() - before)
"""


def rise_mib(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    return int(done.stdout.strip())


def test_freed_buffers_are_given_back_once_set() -> None:
    assert rise_mib("set") < 16
    # glibc's own thresholds keep most of them: what the setting is for.
    assert rise_mib("default") > 64


def test_an_operators_own_setting_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert give_freed_memory_back() is False
