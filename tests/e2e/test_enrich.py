"""`POST /api/enrich` through the running gateway and worker processes, twenty callers at
once, each answered with its own row over RabbitMQ request/reply."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.stack import Stack

pytestmark = pytest.mark.e2e


async def test_twenty_callers_at_once_are_each_answered_by_the_worker(stack: Stack) -> None:
    names = [f"Firm {n}" for n in range(20)]
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers, timeout=60) as http:
        answers = await asyncio.gather(
            *(http.post("/api/enrich", json={"name": name}) for name in names)
        )
    assert [a.status_code for a in answers] == [200] * 20, stack.logs()
    assert [a.json()["Company_Name"] for a in answers] == names
    assert {a.json()["Notes"] for a in answers} == {"normalized only: no network stage enabled"}
