"""Sessions nobody watches are forgotten once nothing touched them for their TTL."""

from __future__ import annotations

import pytest

from notifier import live_sessions
from tests.notifier.seed import progress, seed_session, store_chunk_summary, unique_tenant
from tests.notifier.twins import twin_notifier

pytestmark = pytest.mark.unit

TTL = 600.0


class Clock:
    """Stands in for the `time` module of notifier/live_sessions.py."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(live_sessions, "time", clock)
    return clock


async def test_idle_unwatched_sessions_are_forgotten_after_their_ttl(clock: Clock) -> None:
    tenant = unique_tenant()
    async with twin_notifier(session_ttl=TTL) as twins:
        watched = await seed_session(twins.store, tenant)
        passing = await seed_session(twins.store, tenant)
        looked_at = await seed_session(twins.store, tenant)
        async with twins.connection(tenant) as (connection, socket):
            await twins.hub.subscribe(connection, watched.session_id)
            await twins.hub.subscribe(connection, looked_at.session_id)
            twins.hub.unsubscribe(connection, looked_at.session_id)
            await twins.publish(progress(passing, 0, 3))
            assert twins.hub.occupancy().sessions == 3

            clock.now += TTL / 2
            await twins.publish(progress(looked_at, 0, 1))
            clock.now += TTL / 2
            assert twins.hub.forget_idle() == 0
            clock.now += 1
            assert twins.hub.forget_idle() == 1  # passing: nothing touched it for the TTL
            assert twins.hub.occupancy().sessions == 2

            clock.now += TTL / 2
            assert twins.hub.forget_idle() == 1  # looked_at: its event kept it a while longer
            assert twins.hub.occupancy().sessions == 1

            clock.now += 10 * TTL
            assert twins.hub.forget_idle() == 0  # watched sessions stay
            assert twins.hub.occupancy().sessions == 1

            # A forgotten session is read again from storage; its forgotten live report of
            # chunk 0 is gone, the stored chunk counts.
            await store_chunk_summary(twins.store, passing, 1, 10)
            await twins.hub.subscribe(connection, passing.session_id)
            frames = await socket.wait_frames(3)
            assert twins.hub.occupancy().sessions == 2
    assert frames[2]["session_id"] == passing.session_id
    assert frames[2]["state"]["counters"]["done"] == 10
