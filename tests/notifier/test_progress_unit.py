"""Cumulative per-chunk progress through the in-memory broker: late, repeated and reordered
reports sum correctly, and a stored chunk summary wins over every live report of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from shared.usage import Usage
from tests.notifier.seed import now, progress, seed_session, store_chunk_summary, unique_tenant
from tests.notifier.twins import TwinNotifier

pytestmark = pytest.mark.unit


def shown(frame: dict[str, Any]) -> tuple[int, int]:
    """Rows done and chunks done, as the client displays them after this frame."""
    figures = frame["state"] if frame["type"] == "snapshot" else frame["progress"]
    return figures["counters"]["done"], figures["chunks_done"]


def seconds_after(t0: datetime) -> Callable[[int], datetime]:
    """Report times `seconds` after `t0`, so a test can send them out of order."""
    return lambda seconds: t0 + timedelta(seconds=seconds)


async def test_late_repeated_and_reordered_reports_sum_to_the_latest_of_each_chunk(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=30, chunk_size=10)
    at = seconds_after(now())

    reports = [
        progress(keys, 0, 3, at=at(1)),
        progress(keys, 1, 4, at=at(2)),
        progress(keys, 0, 7, at=at(3)),
        progress(keys, 0, 3, at=at(1)),  # late: older than the report it follows
        progress(keys, 1, 4, at=at(2)),  # delivered twice
        progress(keys, 2, 5, at=at(5)),
        progress(keys, 2, 2, at=at(4)),  # overtaken by the next report of its chunk
        progress(keys, 1, 10, at=at(6), finished=True),
    ]
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        await twins.publish(*reports)
        frames = await socket.wait_frames(1 + len(reports))
    assert [shown(frame) for frame in frames] == [
        (0, 0),
        (3, 0),
        (7, 0),
        (11, 0),
        (11, 0),
        (11, 0),
        (16, 0),
        (16, 0),
        (22, 1),
    ]


async def test_stored_chunk_summary_wins_over_live_reports_of_its_chunk(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=30, chunk_size=10)
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        await twins.publish(progress(keys, 0, 4), progress(keys, 1, 6))
        await socket.wait_frames(3)
        # The chunk's stored counters (9) differ from anything reported live.
        await store_chunk_summary(twins.store, keys, 0, 9)
        assert await twins.hub.recheck_quiet(0) == 1
        frames = await socket.wait_frames(5)
        assert frames[3]["type"] == "resync"
        # Late and repeated reports of the stored chunk change nothing; others still count.
        await twins.publish(
            progress(keys, 0, 5), progress(keys, 0, 10, finished=True), progress(keys, 1, 7)
        )
        frames = await socket.wait_frames(8)
        assert len(socket.frames) + connection.queued == 8
    assert frames[4]["type"] == "snapshot"
    assert [shown(frame) for frame in frames if frame["type"] != "resync"] == [
        (0, 0),
        (4, 0),
        (10, 0),
        (15, 1),
        (15, 1),
        (15, 1),
        (16, 1),
    ]


async def test_outside_calls_follow_each_chunk_that_ends(twins: TwinNotifier) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=30, chunk_size=10)
    # A chunk stored before the client subscribed counts in the snapshot already.
    await store_chunk_summary(twins.store, keys, 0, 10, usage=Usage(fetches=20, searches=1))
    ended = progress(keys, 1, 10, finished=True, usage=Usage(fetches=18, model_calls=10))
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        await twins.publish(progress(keys, 2, 4), ended, progress(keys, 1, 10, finished=True))
        frames = await socket.wait_frames(4)
    usages = [
        (frame["state"] if frame["type"] == "snapshot" else frame["progress"])["usage"]
        for frame in frames
    ]
    first = {"fetches": 20, "searches": 1, "model_calls": 0, "hubspot_calls": 0}
    both = {"fetches": 38, "searches": 1, "model_calls": 10, "hubspot_calls": 0}
    # A repeated report of an ended chunk without figures leaves them as they were.
    assert usages == [first, first, both, both]


async def test_outside_calls_grow_with_running_reports_and_late_ones_are_ignored(
    twins: TwinNotifier,
) -> None:
    tenant = unique_tenant()
    keys = await seed_session(twins.store, tenant, rows=20, chunk_size=10)
    at = seconds_after(now())

    reports = [
        progress(keys, 0, 2, at=at(1), usage=Usage(fetches=5)),
        progress(keys, 1, 1, at=at(2), usage=Usage(fetches=3, searches=1)),
        progress(keys, 0, 6, at=at(4), usage=Usage(fetches=12)),
        progress(keys, 0, 4, at=at(3), usage=Usage(fetches=9)),  # late: older than the last
        progress(keys, 0, 10, at=at(5), finished=True, usage=Usage(fetches=21)),
        progress(keys, 0, 8, at=at(4), usage=Usage(fetches=16)),  # late: after the last
    ]
    async with twins.connection(tenant) as (connection, socket):
        await twins.hub.subscribe(connection, keys.session_id)
        await twins.publish(*reports)
        frames = await socket.wait_frames(1 + len(reports))
    fetches = [frame["progress"]["usage"]["fetches"] for frame in frames[1:]]
    assert fetches == [5, 8, 15, 15, 24, 24]
    assert frames[-1]["progress"]["usage"]["searches"] == 1
