"""`POST /api/enrich` at the gateway: its bad inputs, the per-tenant token bucket with
429 and Retry-After, and the worker's pipeline answering in this process."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from gateway.enrich.limits import TenantBuckets
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
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
    # 6 a minute: the next token is about 10 s away.
    assert 1 <= int(refused.headers["Retry-After"]) <= 10


def test_the_bucket_refills_at_its_rate_and_never_beyond_its_burst() -> None:
    now = [0.0]
    buckets = TenantBuckets(per_minute=60, burst=2, clock=lambda: now[0])
    assert [buckets.take("a"), buckets.take("a")] == [None, None]
    assert buckets.take("a") == pytest.approx(1.0)
    assert buckets.take("b") is None  # another tenant has its own bucket
    now[0] = 0.5
    assert buckets.take("a") == pytest.approx(0.5)
    now[0] = 100.0
    assert [buckets.take("a"), buckets.take("a"), buckets.take("a") is not None] == [
        None,
        None,
        True,
    ]
