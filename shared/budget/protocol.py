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


# How much longer than its window a unit stays taken, unless a budget says otherwise.
DEFAULT_MARGIN_S = 0.25


@dataclass(frozen=True)
class Window:
    """At most `limit` units in any `seconds`; `name` tells budgets apart.

    Each unit stays taken `margin_s` longer than the window. The other side counts the
    requests when they arrive, and the time from a unit's grant to its request's arrival
    varies (a busy worker, a new connection): the margin keeps arrivals, not only grants,
    within the limit, as long as that time varies by less than the margin.
    """

    name: str
    limit: int
    seconds: float
    margin_s: float = DEFAULT_MARGIN_S

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"budget name {self.name!r}: lower-case letters, digits, dashes")
        if self.limit < 1 or self.seconds <= 0 or self.margin_s < 0:
            raise ValueError(f"budget {self.name}: needs a limit >= 1 and a window > 0 s")

    @property
    def hold_s(self) -> float:
        """How long a unit stays taken."""
        return self.seconds + self.margin_s


class Budget(Protocol):
    async def try_take(self, window: Window, key: str) -> bool:
        """One unit of `window` for `key` now, or False when the window is spent."""
