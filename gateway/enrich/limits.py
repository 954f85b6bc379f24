"""Single-company requests per tenant, counted for the whole deployment.

A tenant may send `burst` requests in any `burst / per_minute` minutes: at most `burst` at
once, `per_minute` a minute over time. The count is a deployment-wide budget window
(shared/budget, docs/decisions/0009): on RabbitMQ every gateway replica takes from the
same one; the in-memory twin serves a single process.
"""

from __future__ import annotations

import math

from gateway.errors import ServiceUnavailable
from shared.budget.protocol import Budget, BudgetUnavailable, Window

WINDOW_NAME = "enrich"


class TenantRateLimit:
    def __init__(self, budget: Budget, per_minute: float, burst: int) -> None:
        self._budget = budget
        # The gateway counts its own requests, as they arrive: no margin is needed.
        self.window = Window(WINDOW_NAME, burst, burst * 60.0 / per_minute, margin_s=0.0)

    async def take(self, tenant: str) -> int | None:
        """None when the request may go; otherwise whole seconds to wait (`Retry-After`):
        the mean gap between two requests, when a unit of the window frees at the latest."""
        try:
            taken = await self._budget.try_take(self.window, tenant)
        except BudgetUnavailable as exc:
            raise ServiceUnavailable(
                "broker_unavailable", "the request rate cannot be counted right now"
            ) from exc
        if taken:
            return None
        return max(1, math.ceil(self.window.seconds / self.window.limit))
