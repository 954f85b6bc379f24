"""HubSpot's rate limits, held for the whole deployment.

HubSpot counts requests per account, whatever the number of workers: every call takes a
unit of the account's request budget, and searches also one of its search budget, from
the shared `Budget` (RabbitMQ in a deployment), keyed by a digest of the token, which is
what identifies the account. A 429 still happens (another app on the same account, a
budget set too high): its Retry-After holds back every call of this process.
"""

from __future__ import annotations

import asyncio
import hashlib

from shared.budget.protocol import Budget, Window
from shared.budget.waiting import take


def account_key(token: str) -> str:
    """The budget key of the account behind `token`: never the token itself."""
    return hashlib.sha256(f"hubspot-account:{token}".encode()).hexdigest()


class AccountLimits:
    def __init__(
        self,
        budget: Budget,
        account: str,
        requests: Window,
        searches: Window,
        max_wait_s: float,
    ) -> None:
        self._budget = budget
        self._account = account
        self._requests = requests
        self._searches = searches
        self._max_wait = max_wait_s
        self._resume_at = 0.0

    async def acquire(self, search: bool) -> float:
        """Wait for HubSpot's Retry-After, then take this call's units; the seconds waited.

        Raises `BudgetUnavailable` when a unit could not be had within the longest wait.
        """
        loop = asyncio.get_running_loop()
        started = loop.time()
        if (delay := self._resume_at - started) > 0:
            await asyncio.sleep(delay)
        # The scarcer search unit first: a general unit taken while waiting for it would
        # sit unused for the whole window.
        if search:
            await take(self._budget, self._searches, self._account, self._max_wait)
        await take(self._budget, self._requests, self._account, self._max_wait)
        return loop.time() - started

    def pause(self, seconds: float) -> None:
        """After a 429, hold every call of this process back for the server's Retry-After."""
        resume_at = asyncio.get_running_loop().time() + seconds
        self._resume_at = max(self._resume_at, resume_at)
