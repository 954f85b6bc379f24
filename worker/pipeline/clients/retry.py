"""Retries with exponential backoff and jitter for transient provider failures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)


class Transient(Exception):
    """A failure worth retrying (429, 5xx, timeout); `retry_after` is the server's hint."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def retrying(
    attempts: int, max_wait: float, on_retry: Callable[[], None] | None = None
) -> AsyncRetrying:
    """`on_retry` is called before each wait for another attempt."""
    backoff = wait_exponential_jitter(multiplier=0.2, max=max_wait, jitter=min(0.3, max_wait))

    def wait(state: RetryCallState) -> float:
        outcome = state.outcome
        error = outcome.exception() if outcome is not None else None
        if isinstance(error, Transient) and error.retry_after is not None:
            return min(error.retry_after, max_wait)
        return float(backoff(state))

    def before_sleep(_: RetryCallState) -> None:
        if on_retry is not None:
            on_retry()

    return AsyncRetrying(
        stop=stop_after_attempt(max(1, attempts)),
        wait=wait,
        retry=retry_if_exception_type(Transient),
        before_sleep=before_sleep,
        reraise=True,
    )
