"""The `Budget` contract, run against RabbitMQ (several connections: several processes) and
the in-memory twin (one instance shared by the simulated processes)."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import pytest

from shared.budget.memory import MemoryBudget
from shared.budget.protocol import RELEASE_MARGIN_S, Budget, BudgetUnavailable, Slots, Window
from shared.budget.rabbit import RabbitBudget
from shared.budget.waiting import hold, take
from shared.topology import Topology
from tests.windows import most_in_any_window

pytestmark = pytest.mark.contract


@dataclass
class Store:
    # One more process's view of the same budgets.
    connect: Callable[[], Awaitable[Budget]]
    # A budget whose store cannot answer.
    unreachable: Callable[[], Awaitable[Budget]]


@pytest.fixture(params=["rabbitmq", "memory"])
async def store(request: pytest.FixtureRequest, topology_prefix: str) -> AsyncIterator[Store]:
    opened: list[RabbitBudget] = []
    shared = MemoryBudget()

    async def rabbit() -> RabbitBudget:
        budget = RabbitBudget(request.getfixturevalue("rabbitmq"), Topology(topology_prefix))
        await budget.connect()
        opened.append(budget)
        return budget

    async def memory() -> Budget:
        return shared

    async def rabbit_closed() -> Budget:
        budget = await rabbit()
        await budget.close()
        return budget

    async def memory_down() -> Budget:
        down = MemoryBudget()
        down.available = False
        return down

    if request.param == "memory":
        yield Store(memory, memory_down)
    else:
        yield Store(rabbit, rabbit_closed)
    for budget in opened:
        await budget.close()


def key() -> str:
    return uuid.uuid4().hex


async def test_takes_up_to_the_limit_then_answers_spent(store: Store) -> None:
    budget = await store.connect()
    window, account = Window("test", 3, 5.0), key()
    assert [await budget.try_take(window, account) for _ in range(5)] == [
        True,
        True,
        True,
        False,
        False,
    ]


async def test_keys_and_windows_are_separate_budgets(store: Store) -> None:
    budget = await store.connect()
    first, second = key(), key()
    window = Window("test", 1, 5.0)
    assert await budget.try_take(window, first)
    assert not await budget.try_take(window, first)
    assert await budget.try_take(window, second)
    assert await budget.try_take(Window("other", 1, 5.0), first)
    assert await budget.try_take(Window("test", 2, 5.0), first)  # another size, another budget


async def test_units_free_themselves_after_the_hold_time_and_refusals_take_nothing(
    store: Store,
) -> None:
    budget = await store.connect()
    window, host = Window("test", 2, 0.4), key()
    began = time.monotonic()
    assert [await budget.try_take(window, host) for _ in range(2)] == [True, True]
    assert not any([await budget.try_take(window, host) for _ in range(10)])
    await asyncio.sleep(window.hold_s - (time.monotonic() - began) + 0.05)
    # Both units are back, and the ten refused attempts left nothing behind.
    assert [await budget.try_take(window, host) for _ in range(3)] == [True, True, False]


async def test_a_unit_is_not_free_before_the_window_has_passed(store: Store) -> None:
    budget = await store.connect()
    window, host = Window("test", 1, 0.6), key()
    assert await budget.try_take(window, host)
    began = time.monotonic()
    while time.monotonic() - began < window.seconds - 0.1:
        assert not await budget.try_take(window, host)
        await asyncio.sleep(0.05)


async def test_takers_in_three_processes_never_exceed_the_limit_in_any_window(
    store: Store,
) -> None:
    budgets = [await store.connect() for _ in range(3)]
    window, account = Window("test", 5, 0.5), key()
    granted: list[float] = []
    until = time.monotonic() + 2.5

    async def taker(budget: Budget) -> None:
        while time.monotonic() < until:
            await take(budget, window, account, max_wait_s=30)
            granted.append(time.monotonic())

    await asyncio.gather(*(taker(budgets[n % 3]) for n in range(12)))
    assert most_in_any_window(granted, window.seconds) <= window.limit
    # ... while using it: every window of the run had its units taken.
    assert len(granted) >= window.limit * int(2.5 / window.hold_s)


async def test_slots_are_held_up_to_the_limit_and_a_release_frees_one_at_once(
    store: Store,
) -> None:
    first, second = await store.connect(), await store.connect()
    slots, host = Slots("test", 2, 30.0), key()
    held = [await first.try_hold(slots, host), await second.try_hold(slots, host)]
    assert None not in held
    assert await first.try_hold(slots, host) is None
    assert await first.try_hold(Slots("test", 2, 30.0), key()) is not None  # another key
    await held[0].release()  # type: ignore[union-attr]
    assert await second.try_hold(slots, host) is not None
    assert await second.try_hold(slots, host) is None


async def test_a_slot_never_released_frees_itself_when_its_lease_runs_out(store: Store) -> None:
    budget = await store.connect()
    slots, host = Slots("test", 1, RELEASE_MARGIN_S + 0.3), key()
    lease = await budget.try_hold(slots, host)  # its holder dies: no release ever comes
    assert lease is not None
    assert await budget.try_hold(slots, host) is None
    await asyncio.sleep(slots.lease_s + 0.1)
    late = await budget.try_hold(slots, host)
    assert late is not None
    await lease.release()  # too late: frees nothing, least of all the new holder's slot
    assert await budget.try_hold(slots, host) is None
    await late.release()
    assert await budget.try_hold(slots, host) is not None


async def test_holders_in_three_processes_never_exceed_the_slots_at_once(store: Store) -> None:
    budgets = [await store.connect() for _ in range(3)]
    slots, host = Slots("test", 3, 10.0), key()
    in_flight = most = done = 0

    async def holder(budget: Budget) -> None:
        nonlocal in_flight, most, done
        for _ in range(4):
            lease, _ = await hold(budget, slots, host, max_wait_s=30)
            in_flight += 1
            most = max(most, in_flight)
            await asyncio.sleep(0.05)
            in_flight -= 1
            await lease.release()
            done += 1

    await asyncio.gather(*(holder(budgets[n % 3]) for n in range(12)))
    assert (most, done) == (slots.limit, 48)


async def test_a_store_that_cannot_answer_raises_unavailable(store: Store) -> None:
    budget = await store.unreachable()
    with pytest.raises(BudgetUnavailable):
        await budget.try_take(Window("test", 1, 1.0), key())
    with pytest.raises(BudgetUnavailable):
        await budget.try_hold(Slots("test", 1, 5.0), key())
