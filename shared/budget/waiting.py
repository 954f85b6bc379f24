"""Taking a unit when there is none yet: retry with jittered, bounded back-off.

The store tells only "taken" or "spent", never when the next unit frees, so takers poll.
The pause grows from a few milliseconds to half the mean gap between two units of the
window (between 10 ms and a second): a unit that frees is found within about that pause,
and a spent budget costs its store at most two attempts per waiting caller and unit.
"""

from __future__ import annotations

import asyncio
import random

from shared.budget.protocol import Budget, BudgetUnavailable, Window

FIRST_PAUSE_S = 0.005
LONGEST_PAUSE_S = 1.0


async def take(budget: Budget, window: Window, key: str, max_wait_s: float) -> float:
    """Take one unit, waiting while the window is spent or the store is away.

    Answers the seconds waited. Raises `BudgetUnavailable` once `max_wait_s` has passed
    without a unit, saying whether the window stayed spent or the store stayed away.
    """
    loop = asyncio.get_running_loop()
    started = loop.time()
    longest = min(LONGEST_PAUSE_S, max(0.01, window.seconds / window.limit / 2))
    pause = FIRST_PAUSE_S
    while True:
        try:
            if await budget.try_take(window, key):
                return loop.time() - started
            reason = f"the {window.name} budget stayed spent"
            cap = longest
        except BudgetUnavailable as error:
            reason = f"the {window.name} budget could not be reached ({error})"
            cap = LONGEST_PAUSE_S
        waited = loop.time() - started
        if waited >= max_wait_s:
            raise BudgetUnavailable(f"{reason} for {waited:.0f} s")
        pause = min(pause * 2, cap)
        await asyncio.sleep(min(random.uniform(pause / 2, pause), max_wait_s - waited))
