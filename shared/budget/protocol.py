"""Budgets that hold for the whole deployment: rates (`Window`) and places (`Slots`).

A `Window` is one kind of rate budget and its size (HubSpot requests per 10 s, requests
to one website host per interval); `Slots` is a number of holders at once (requests in
flight to one host). A key splits either (one HubSpot account, one host). Whoever takes
from the same budget and key, in any process, takes from the same budget.

What callers may rely on, with any implementation:
- `try_take` takes one unit at once or answers False (the window is spent), and
  `try_hold` a slot or None (all are held); neither waits. Waiting, with back-off, is
  `shared.budget.waiting`.
- In any interval of `window.seconds`, at most `window.limit` calls of
  `try_take(window, key)` answer True, counted on the budget's own clock.
- A unit is never given back: it frees itself `window.hold_s` after it was taken, so a
  process that dies holding units blocks nobody for longer than that.
- At most `slots.limit` leases of one key are live at once. A lease is live from its
  grant until it is released or `slots.lease_s` has passed, whichever comes first; a
  holder must be done within `slots.lease_s - RELEASE_MARGIN_S`, and a later release
  frees nothing (the slot has freed itself). A process that dies holding a slot
  blocks it for `lease_s` at most.
- `BudgetUnavailable`: the budget's store could not answer. No unit or slot is known to
  be taken; one may have been, which only makes the budget stricter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

_NAME = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
# How much longer than its window a unit stays taken, unless a budget says otherwise.
DEFAULT_MARGIN_S = 0.25
# A release this close to the end of its lease is not sent: it could reach the store
# after the slot freed itself and free another holder's slot instead.
RELEASE_MARGIN_S = 1.0


class BudgetUnavailable(Exception):
    """No unit could be taken: the store is unreachable, or the budget stayed spent."""


def _check(name: str, limit: int, seconds: float) -> None:
    if not _NAME.match(name):
        raise ValueError(f"budget name {name!r}: lower-case letters, digits, dashes")
    if limit < 1 or seconds <= 0:
        raise ValueError(f"budget {name}: needs a limit >= 1 and a duration > 0 s")


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
        _check(self.name, self.limit, self.seconds)
        if self.margin_s < 0:
            raise ValueError(f"budget {self.name}: the margin cannot be negative")

    @property
    def hold_s(self) -> float:
        """How long a unit stays taken."""
        return self.seconds + self.margin_s


@dataclass(frozen=True)
class Slots:
    """At most `limit` holders at once, each for `lease_s` at most; `name` tells apart."""

    name: str
    limit: int
    lease_s: float

    def __post_init__(self) -> None:
        _check(self.name, self.limit, self.lease_s)
        if self.lease_s <= RELEASE_MARGIN_S:
            raise ValueError(f"budget {self.name}: a lease must last over {RELEASE_MARGIN_S} s")


class Lease(Protocol):
    async def release(self) -> None:
        """Free the slot now; never raises (an unsent release lets the lease run out)."""


class Budget(Protocol):
    async def try_take(self, window: Window, key: str) -> bool:
        """One unit of `window` for `key` now, or False when the window is spent."""

    async def try_hold(self, slots: Slots, key: str) -> Lease | None:
        """One of `slots` for `key` now, or None when all are held."""
