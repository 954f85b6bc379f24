"""Counting events in sliding windows, as a rate limit counts them."""

from __future__ import annotations


def most_in_any_window(times: list[float], seconds: float) -> int:
    """The most events that fall in any half-open interval `seconds` long."""
    ordered = sorted(times)
    most = 0
    end = 0
    for start, at in enumerate(ordered):
        while end < len(ordered) and ordered[end] - at < seconds:
            end += 1
        most = max(most, end - start)
    return most
