"""A results page reads the session's plan once per gateway process: the plan is written
once and never replaced, so later pages of the session answer the same rows without it.
A session not planned yet is read again on each page, so its rows show once it is."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from gateway.results_source import HeldPlans
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import Counters, FinalStatus
from shared.storage.memory import MemoryStore
from shared.storage.s3 import MinioStore
from tests.gateway.conftest import Caller, MakeSettings, client_for, running_app
from tests.gateway.seed import now, result_row, seed_chunk
from tests.gateway.steps import started_session
from tests.sessions import seed_plan

pytestmark = pytest.mark.integration


class ReadsCounted(MinioStore):
    reads: list[str]

    async def get_bytes(self, key: str) -> bytes:
        self.reads.append(key)
        return await super().get_bytes(key)


async def page(http: httpx.AsyncClient, keys: SessionKeys, offset: int) -> dict[str, Any]:
    response = await http.get(
        f"/api/sessions/{keys.session_id}/results", params={"offset": offset, "limit": 3}
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_the_plan_is_read_once_and_a_session_planned_later_shows_its_rows(
    real_settings: MakeSettings, owner: Caller
) -> None:
    settings = real_settings()
    secret = settings.s3_secret_key.get_secret_value()
    store = ReadsCounted(settings.s3_endpoint, settings.s3_access_key, secret, settings.s3_bucket)
    store.reads = []
    try:
        async with (
            running_app(settings, store, MemoryBroker(MemoryBus(settings.topology))) as app,
            client_for(app, owner) as http,
        ):
            keys = SessionKeys(owner.tenant, await started_session(http))
            unplanned = await page(http, keys, 0)
            assert unplanned["rows"] == []

            await seed_plan(store, keys, total=6, chunk_size=3)
            for chunk in range(2):
                rows = [result_row(n, f"Co{n}") for n in range(chunk * 3, chunk * 3 + 3)]
                await seed_chunk(store, keys, chunk, rows)
            final = FinalStatus(
                status=SessionStatus.COMPLETED,
                counters=Counters(total=6, done=6),
                finished_at=now(),
                outputs=["csv"],
            )
            await store.put_model(keys.final_status, final)
            first = [await page(http, keys, 0)]
            store.reads.clear()
            first.append(await page(http, keys, 3))
            assert keys.plan not in store.reads  # held since the first page
            assert [[row["row"] for row in p["rows"]] for p in first] == [[0, 1, 2], [3, 4, 5]]
            assert [p["total"] for p in first] == [6, 6]
            assert [await page(http, keys, offset) for offset in (0, 3)] == first
    finally:
        store.close()


async def test_plans_are_held_per_app_and_the_least_recently_used_goes_first() -> None:
    store = MemoryStore()
    plans = HeldPlans(held=2)
    sessions = [SessionKeys("t", f"{n:032x}") for n in range(3)]
    for n, keys in enumerate(sessions):
        await seed_plan(store, keys, total=10 * (n + 1), chunk_size=5)
    for keys in sessions[:2]:
        assert await plans.read(store, keys) is not None
    await plans.read(store, sessions[0])  # now the most recently used
    assert await plans.read(store, sessions[2]) is not None  # sessions[1] goes
    for keys in sessions:
        await store.delete(keys.plan)
    held = [await plans.read(store, keys) for keys in sessions]
    assert [plan.total_rows if plan else None for plan in held] == [10, None, 30]
    assert await HeldPlans().read(store, sessions[0]) is None  # another app holds its own
