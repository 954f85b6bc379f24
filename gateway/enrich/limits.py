"""A token bucket per tenant: `burst` requests at once, refilled at `per_minute`.

Kept in this gateway process: with several replicas behind a balancer each keeps its own
buckets, so a tenant's total is at most the replicas times the rate.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    at: float


class TenantBuckets:
    def __init__(
        self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._rate = per_minute / 60.0
        self._burst = float(burst)
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}

    def take(self, tenant: str) -> float | None:
        """None when a request may go; otherwise the seconds until one may."""
        now = self._clock()
        bucket = self._buckets.setdefault(tenant, _Bucket(self._burst, now))
        bucket.tokens = min(self._burst, bucket.tokens + (now - bucket.at) * self._rate)
        bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return None
        if self._rate <= 0:
            return math.inf
        return (1.0 - bucket.tokens) / self._rate
