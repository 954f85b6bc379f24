"""Budgets without a broker: waiting with back-off, window sizes, queue names."""

from __future__ import annotations

import asyncio

import pytest

from shared.budget.memory import MemoryBudget
from shared.budget.protocol import BudgetUnavailable, Window
from shared.budget.waiting import take
from shared.topology import Topology

pytestmark = pytest.mark.unit


async def test_a_spent_window_is_waited_out_until_its_first_unit_frees() -> None:
    budget, window = MemoryBudget(), Window("host", 1, 0.3)
    assert await take(budget, window, "example.com", max_wait_s=5) < 0.05
    waited = await take(budget, window, "example.com", max_wait_s=5)
    assert window.seconds <= waited < window.hold_s + 0.2


async def test_a_window_that_stays_spent_fails_after_the_longest_wait() -> None:
    budget, window = MemoryBudget(), Window("hubspot", 1, 30.0)
    await take(budget, window, "account", max_wait_s=1)
    with pytest.raises(BudgetUnavailable, match="hubspot budget stayed spent"):
        await take(budget, window, "account", max_wait_s=0.3)


async def test_an_unreachable_store_is_waited_for_then_reported() -> None:
    budget = MemoryBudget()
    budget.available = False
    with pytest.raises(BudgetUnavailable, match="could not be reached"):
        await take(budget, Window("host", 1, 1.0), "example.com", max_wait_s=0.3)


async def test_a_store_that_comes_back_while_waited_for_grants_the_unit() -> None:
    budget = MemoryBudget()
    budget.available = False
    asyncio.get_running_loop().call_later(0.2, setattr, budget, "available", True)
    assert await take(budget, Window("host", 1, 1.0), "example.com", max_wait_s=5) >= 0.2


def test_a_window_holds_its_units_a_little_longer_than_itself() -> None:
    assert Window("hubspot", 100, 10.0).hold_s == pytest.approx(10.25)
    assert Window("host", 1, 0.5, margin_s=0.1).hold_s == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("name", "limit", "seconds"), [("Host", 1, 1.0), ("host", 0, 1.0), ("host", 1, 0.0)]
)
def test_a_window_refuses_bad_names_and_sizes(name: str, limit: int, seconds: float) -> None:
    with pytest.raises(ValueError, match="budget"):
        Window(name, limit, seconds)


def test_budget_queue_names_carry_a_digest_of_the_key_never_the_key() -> None:
    spec = Topology("dossier").budget_queue("hubspot", 100, 10_250, "pat-secret-token")
    assert "pat-secret-token" not in spec.name
    assert spec.name.startswith("dossier.budget.hubspot.100-per-10250ms.")
    assert (spec.max_length, spec.message_ttl_ms, spec.expires_ms) == (100, 10_250, 41_000)
    other = Topology("dossier").budget_queue("hubspot", 190, 10_250, "pat-secret-token")
    assert other.name != spec.name


async def test_the_twin_forgets_keys_whose_units_have_all_freed() -> None:
    now = [0.0]
    budget, window = MemoryBudget(clock=lambda: now[0]), Window("host", 1, 1.0)
    for n in range(3000):
        assert await budget.try_take(window, f"host-{n}")
    now[0] = 10.0
    for n in range(1200):  # past the bound again: the 3000 freed keys are dropped
        assert await budget.try_take(window, f"later-{n}")
    assert not await budget.try_take(window, "later-0")
    assert len(budget._queues) == 1200
