"""The C allocator (glibc's malloc) set to give freed memory back to the system.

By default glibc raises its mmap threshold to the size of the largest block freed, up to
32 MiB, and the trim threshold to twice that. After a worker has streamed a large
session (1 MiB blocks read, 5 MiB parts uploaded, from several threads), buffers of those
sizes come from the allocator's arenas instead of their own mappings, and up to twice the
largest of them can stay held in each of up to 16 arenas once freed: a worker that
finalized a million-row session kept 191 MiB after it (101 MiB idle), and stayed there.
Fixed thresholds keep every buffer over 1 MiB in a mapping of its own, returned when
freed, and at most 2 MiB free at the top of an arena; two arenas bound what the threads'
allocations spread over (the interpreter lock serializes most of them anyway). Lower
thresholds (glibc's starting 128 KiB) held a little less but doubled a finalization's
system CPU: every buffer of a chunk's size mapped, faulted in and unmapped.

Environment variables given by an operator (`MALLOC_ARENA_MAX`, `MALLOC_MMAP_THRESHOLD_`,
`MALLOC_TRIM_THRESHOLD_`) are left as they are. Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import os
import sys

# mallopt's parameters (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8

MMAP_THRESHOLD = 1024 * 1024
TRIM_THRESHOLD = 2 * 1024 * 1024
ARENA_MAX = 2

_OPERATOR_SET = ("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt  # noqa: B018  (absent from musl: nothing to set there)
    except (OSError, AttributeError):
        return None
    return libc


def give_freed_memory_back() -> bool:
    """Sets the thresholds, once at a process's start (before its threads); False where
    the allocator is not glibc's or an operator set them."""
    libc = _libc()
    if libc is None or any(name in os.environ for name in _OPERATOR_SET):
        return False
    return all(
        libc.mallopt(parameter, value) == 1
        for parameter, value in (
            (_M_MMAP_THRESHOLD, MMAP_THRESHOLD),
            (_M_TRIM_THRESHOLD, TRIM_THRESHOLD),
            (_M_ARENA_MAX, ARENA_MAX),
        )
    )
