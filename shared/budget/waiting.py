"""Taking a unit or a slot when there is none yet: retry with jittered, bounded back-off.

The store tells only "taken" or "spent", never when the next unit or slot frees, so
takers poll. The pause grows from a few milliseconds to a cap: for a window, half the
mean gap between two of its units (between 10 ms and a second), so a unit that frees is
found within about that pause and a spent window costs its store at most two attempts
per waiting caller and unit; for slots, a quarter of a second, as a slot frees when a
request ends. A store that does not answer is asked again every second at most.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

from shared.budget.protocol import Budget, BudgetUnavailable, Lease, Slots, Window

FIRST_PAUSE_S = 0.005
LONGEST_PAUSE_S = 1.0
SLOT_PAUSE_S = 0.25

T = TypeVar("T")


async def take(budget: Budget, window: Window, key: str, max_wait_s: float) -> float:
    """Take one unit, waiting while the window is spent or the store is away.

    Answers the seconds waited. Raises `BudgetUnavailable` once `max_wait_s` has passed
    without a unit, saying whether the window stayed spent or the store stayed away.
    """

    async def attempt() -> bool | None:
        return True if await budget.try_take(window, key) else None

    longest = min(LONGEST_PAUSE_S, max(0.01, window.seconds / window.limit / 2))
    _, waited = await _poll(attempt, window.name, longest, max_wait_s)
    return waited


async def hold(budget: Budget, slots: Slots, key: str, max_wait_s: float) -> tuple[Lease, float]:
    """Hold one slot, waiting while all are held or the store is away.

    Answers the lease and the seconds waited; raises like `take`.
    """
    return await _poll(lambda: budget.try_hold(slots, key), slots.name, SLOT_PAUSE_S, max_wait_s)


async def _poll(
    attempt: Callable[[], Awaitable[T | None]], name: str, longest: float, max_wait_s: float
) -> tuple[T, float]:
    loop = asyncio.get_running_loop()
    started = loop.time()
    pause = FIRST_PAUSE_S
    while True:
        try:
            if (granted := await attempt()) is not None:
                return granted, loop.time() - started
            reason = f"the {name} budget stayed spent"
            cap = longest
        except BudgetUnavailable as error:
            reason = f"the {name} budget could not be reached ({error})"
            cap = LONGEST_PAUSE_S
        waited = loop.time() - started
        if waited >= max_wait_s:
            raise BudgetUnavailable(f"{reason} for {waited:.0f} s")
        pause = min(pause * 2, cap)
        await asyncio.sleep(min(random.uniform(pause / 2, pause), max_wait_s - waited))
