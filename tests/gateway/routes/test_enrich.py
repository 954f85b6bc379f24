"""`POST /api/enrich` at the gateway: its bad inputs, the per-tenant rate limit with 429
and Retry-After, and the worker's pipeline answering in this process."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from gateway.enrich.limits import TenantRateLimit
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.budget.memory import MemoryBudget
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller, MakeSettings, client_for, running_app
from tests.gateway.local_enricher import LocalEnricher

pytestmark = pytest.mark.unit


@pytest.fixture
def enricher() -> LocalEnricher:
    return LocalEnricher()


@pytest.fixture
async def http(
    make_settings: MakeSettings, enricher: LocalEnricher, owner: Caller
) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(enrich_burst=3, enrich_rate_per_minute=6)
    app = running_app(settings, MemoryStore(), MemoryBroker(MemoryBus(settings.topology)), enricher)
    async with app as running, client_for(running, owner) as client:
        yield client


async def test_a_company_comes_back_as_a_session_row(
    http: httpx.AsyncClient, enricher: LocalEnricher
) -> None:
    body = {"name": "Acme", "website": "www.acme.example", "country": "DE", "context": "CRM"}
    answered = await http.post("/api/enrich", json=body)
    assert answered.status_code == 200, answered.text
    row = answered.json()
    assert (row["Company_Name"], row["Row_Status"]) == ("Acme", "ok")
    assert row["original"] == {"Company": "Acme", "Website": "www.acme.example", "Country": "DE"}
    assert enricher.asked[0].context == "CRM"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "invalid_request"),
        ({"name": ""}, "invalid_request"),
        ({"name": "Acme", "colour": "red"}, "invalid_request"),
        ({"name": "Acme", "context": "x" * 4001}, "invalid_request"),
        ({"name": "Acme", "fields": [{"name": "a"}, {"name": "A"}]}, "duplicate_field_name"),
        ({"name": "Acme", "fields": [{"name": "a", "type": "money"}]}, "unknown_field_type"),
        # Valid fields, but this deployment has no language model.
        ({"name": "Acme", "fields": [{"name": "size", "type": "number"}]}, "option_unavailable"),
    ],
)
async def test_bad_requests_are_refused_before_any_worker_is_asked(
    http: httpx.AsyncClient, enricher: LocalEnricher, body: object, code: str
) -> None:
    answered = await http.post("/api/enrich", json=body)
    assert (answered.status_code, answered.json()["code"]) == (422, code)
    assert enricher.asked == []


async def test_the_burst_is_served_then_429_with_retry_after_per_tenant(
    http: httpx.AsyncClient, make_settings: MakeSettings, stranger: Caller
) -> None:
    statuses = [(await http.post("/api/enrich", json={"name": "Ac"})).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    refused = await http.post("/api/enrich", json={"name": "Acme"})
    assert (refused.status_code, refused.json()["code"]) == (429, "rate_limited")
    # 6 a minute: a request may go about every 10 s.
    assert refused.headers["Retry-After"] == "10"


async def test_the_limit_frees_as_its_window_slides_and_counts_each_tenant_apart() -> None:
    now = [0.0]
    limit = TenantRateLimit(MemoryBudget(clock=lambda: now[0]), per_minute=60, burst=2)
    # 2 at once, 60 a minute: at most 2 in any 2 s.
    assert [await limit.take("a"), await limit.take("a")] == [None, None]
    assert await limit.take("a") == 1
    assert await limit.take("b") is None  # another tenant has a limit of its own
    now[0] = 1.9
    assert await limit.take("a") == 1
    now[0] = 2.0
    assert [await limit.take("a"), await limit.take("a"), await limit.take("a")] == [
        None,
        None,
        1,
    ]


async def test_a_limit_that_cannot_be_counted_is_a_503_not_a_pass(
    make_settings: MakeSettings, enricher: LocalEnricher, owner: Caller
) -> None:
    budget = MemoryBudget()
    budget.available = False
    settings = make_settings()
    app = running_app(
        settings, MemoryStore(), MemoryBroker(MemoryBus(settings.topology)), enricher, budget
    )
    async with app as running, client_for(running, owner) as http:
        answered = await http.post("/api/enrich", json={"name": "Acme"})
    assert (answered.status_code, answered.json()["code"]) == (503, "broker_unavailable")
    assert enricher.asked == []
