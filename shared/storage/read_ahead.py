"""Objects read in order with a few requests in flight: one at a time, a session of
thousands of chunks waits thousands of round trips."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Coroutine, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


async def read_ahead(reads: Iterable[Coroutine[Any, Any, T]], ahead: int) -> AsyncIterator[T]:
    """The results of `reads` in their order, up to `ahead` of them started before they
    are needed; those still pending are cancelled when the reader stops early."""
    pending: deque[asyncio.Task[T]] = deque()
    try:
        for read in reads:
            pending.append(asyncio.ensure_future(read))
            if len(pending) > ahead:
                yield await pending.popleft()
        while pending:
            yield await pending.popleft()
    finally:
        for task in pending:
            task.cancel()
