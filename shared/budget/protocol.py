"""Budgets that hold for the whole deployment: at most `limit` units in any window.

A `Window` is one kind of budget and its size (HubSpot requests per 10 s, requests to one
website host per interval); a key splits it (one HubSpot account, one host). Whoever
takes from the same window and key, in any process, takes from the same budget.

What callers may rely on, with any implementation:
- `try_take` takes one unit at once or answers False (the window is spent); it never
  waits. Waiting, with back-off, is `shared.budget.waiting.take`.
- In any interval of `window.seconds`, at most `window.limit` calls of
  `try_take(window, key)` answer True, counted on the budget's own clock.
- A unit is never given back: it frees itself `window.hold_s` after it was taken, so a
  process that dies holding units blocks nobody for longer than that.
- `BudgetUnavailable`: the budget's store could not answer. No unit is known to be
  taken; one may have been, which only makes the budget stricter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

_NAME = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


class BudgetUnavailable(Exception):
    """No unit could be taken: the store is unreachable, or the window stayed spent."""


@dataclass(frozen=True)
class Window:
    """At most `limit` units in any `seconds`; `name` tells budgets apart."""

    name: str
    limit: int
    seconds: float

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"budget name {self.name!r}: lower-case letters, digits, dashes")
        if self.limit < 1 or self.seconds <= 0:
            raise ValueError(f"budget {self.name}: needs a limit >= 1 and a window > 0 s")

    @property
    def hold_s(self) -> float:
        """How long a unit stays taken: the window and a margin.

        The request a unit pays for starts a little after the store granted it, and that
        delay varies between processes; holding each unit slightly longer than the window
        keeps the requests themselves, not only the grants, within the limit.
        """
        return self.seconds + max(0.05, 0.05 * self.seconds)


class Budget(Protocol):
    async def try_take(self, window: Window, key: str) -> bool:
        """One unit of `window` for `key` now, or False when the window is spent."""
