"""Rows start while the worker keeps up: at most the rows in flight it may hold, and none
while its event loop runs late; an idle worker keeps no timer."""

from __future__ import annotations

import asyncio
import time

import pytest

from worker.row_admission import RowAdmission

pytestmark = pytest.mark.unit


async def test_no_more_rows_than_the_cap_hold_a_slot_at_once() -> None:
    admission = RowAdmission(3, max_lag_s=10.0)
    holding, most = 0, 0

    async def row() -> None:
        nonlocal holding, most
        async with admission.slot():
            holding += 1
            most = max(most, holding)
            await asyncio.sleep(0.01)
            holding -= 1

    await asyncio.gather(*(row() for _ in range(10)))
    assert most == 3


async def test_a_late_loop_keeps_new_rows_waiting_until_it_is_on_time() -> None:
    admission = RowAdmission(10, max_lag_s=0.1, probe_s=0.02)
    started: list[str] = []
    busy = asyncio.Event()
    busy.set()

    async def hog() -> None:
        """Rows in flight whose CPU-bound work keeps the loop late, until they finish."""
        while busy.is_set():
            time.sleep(0.15)  # noqa: ASYNC251  # work that holds the loop
            await asyncio.sleep(0.01)

    async def row(name: str) -> None:
        async with admission.slot():
            started.append(name)

    async with admission.slot():
        await asyncio.sleep(0.05)
        assert admission.lag_s < 0.1
        working = asyncio.create_task(hog())
        await asyncio.sleep(0.4)
        assert admission.lag_s > 0.1
        late = [asyncio.create_task(row(f"late {n}")) for n in range(3)]
        await asyncio.sleep(0.5)
        assert started == []
        busy.clear()
        await working
        # The loop is on time again: the waiting rows start, one per probe.
        await asyncio.wait_for(asyncio.gather(*late), 5)
    assert sorted(started) == ["late 0", "late 1", "late 2"]


async def test_rows_that_waited_start_together_once_the_loop_has_kept_up() -> None:
    admission = RowAdmission(100, max_lag_s=0.1, probe_s=0.05)
    loop = asyncio.get_running_loop()
    started: list[float] = []

    async def row() -> None:
        async with admission.slot():
            started.append(loop.time())

    async with admission.slot():
        await asyncio.sleep(0.06)
        time.sleep(0.3)  # noqa: ASYNC251  # the loop runs late once
        await asyncio.sleep(0.01)
        assert admission.lag_s > 0.1
        waiting = [asyncio.create_task(row()) for _ in range(40)]
        await asyncio.wait_for(asyncio.gather(*waiting), 10)
    # One by one, a probe apart, they would take 2 s; the first few go so, then the rest.
    assert max(started) - min(started) < 1.0


def probes(admission: RowAdmission) -> int:
    """The probe tasks of `admission` still running."""
    return sum(
        1
        for task in asyncio.all_tasks()
        if (frame := getattr(task.get_coro(), "cr_frame", None)) is not None
        and frame.f_locals.get("self") is admission
    )


async def test_an_idle_worker_keeps_no_probe_running() -> None:
    admission = RowAdmission(2, max_lag_s=0.5, probe_s=0.01)
    async with admission.slot():
        assert probes(admission) == 1
    await asyncio.sleep(0.05)
    assert probes(admission) == 0
