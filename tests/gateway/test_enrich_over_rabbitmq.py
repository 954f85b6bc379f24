"""`POST /api/enrich` through real RabbitMQ: the gateway's request/reply client and a
worker's responder running the pipeline, many callers at once, and a 504 when no worker
answers in time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.broker.rabbit_enrich_client import RabbitEnricher
from shared.broker.rabbit_topology import delete_topology
from shared.budget.rabbit import RabbitBudget
from shared.rows import RESULT_COLUMNS
from shared.storage.memory import MemoryStore
from shared.topology import Topology
from tests.gateway.conftest import Caller, MakeSettings, client_for, running_app
from worker.enrich.responder import EnrichResponder
from worker.pipeline.build import build_pipeline
from worker.pipeline.settings import PipelineSettings

pytestmark = pytest.mark.integration


@pytest.fixture
async def topology(rabbitmq: str, topology_prefix: str) -> AsyncIterator[Topology]:
    topology = Topology(topology_prefix)
    yield topology
    await delete_topology(rabbitmq, topology)


@pytest.fixture
async def worker(rabbitmq: str, topology: Topology) -> AsyncIterator[EnrichResponder]:
    pipeline = build_pipeline(PipelineSettings(stages="normalize"))
    responder = EnrichResponder(rabbitmq, topology, pipeline, concurrency=8)
    await responder.start()
    yield responder
    await responder.stop()
    await pipeline.aclose()


async def gateway(
    make_settings: MakeSettings, rabbitmq: str, topology: Topology, **overrides: object
) -> running_app:
    settings = make_settings(topology_prefix=topology.prefix, **overrides)
    enricher = RabbitEnricher(rabbitmq, topology)
    bus = MemoryBus(settings.topology)
    return running_app(settings, MemoryStore(), MemoryBroker(bus), enricher)


async def test_twenty_concurrent_calls_each_get_their_own_row(
    make_settings: MakeSettings,
    rabbitmq: str,
    topology: Topology,
    worker: EnrichResponder,
    owner: Caller,
) -> None:
    names = [f"Company {n} GmbH" for n in range(20)]
    app = await gateway(make_settings, rabbitmq, topology, enrich_burst=50)
    async with app as running, client_for(running, owner) as http:
        answers = await asyncio.gather(
            *(
                http.post("/api/enrich", json={"name": f"  {name} ", "website": f"c{n}.example"})
                for n, name in enumerate(names)
            )
        )
    assert [a.status_code for a in answers] == [200] * 20, answers[0].text
    rows = [a.json() for a in answers]
    assert [r["Company_Name"] for r in rows] == names
    assert [r["Official_Website"] for r in rows] == [f"https://c{n}.example" for n in range(20)]
    assert all(set(RESULT_COLUMNS) <= set(r) for r in rows)
    assert rows[0]["original"] == {"Company": "Company 0 GmbH", "Website": "c0.example"}


async def test_without_a_worker_the_call_times_out_with_504(
    make_settings: MakeSettings, rabbitmq: str, topology: Topology, owner: Caller
) -> None:
    app = await gateway(make_settings, rabbitmq, topology, enrich_timeout_s=0.5)
    async with app as running, client_for(running, owner) as http:
        answer = await http.post("/api/enrich", json={"name": "Acme"})
    assert (answer.status_code, answer.json()["code"]) == (504, "enrich_timeout")


async def test_the_broker_out_of_reach_is_a_503(
    make_settings: MakeSettings, topology: Topology, owner: Caller
) -> None:
    app = await gateway(make_settings, "amqp://guest:guest@127.0.0.1:1/", topology)
    async with app as running, client_for(running, owner) as http:
        answer = await http.post("/api/enrich", json={"name": "Acme"})
    assert (answer.status_code, answer.json()["code"]) == (503, "broker_unavailable")


async def test_two_gateways_on_one_broker_together_keep_a_tenant_within_its_limit(
    make_settings: MakeSettings,
    rabbitmq: str,
    topology: Topology,
    worker: EnrichResponder,
    owner: Caller,
    stranger: Caller,
) -> None:
    limit = 6
    settings = make_settings(
        topology_prefix=topology.prefix, enrich_burst=limit, enrich_rate_per_minute=limit
    )
    budgets = [RabbitBudget(rabbitmq, topology, connect_on_use=True) for _ in range(2)]
    apps = [
        running_app(
            settings,
            MemoryStore(),
            MemoryBroker(MemoryBus(settings.topology)),
            RabbitEnricher(rabbitmq, topology),
            budget,
        )
        for budget in budgets
    ]
    try:
        async with apps[0] as one, apps[1] as two:
            clients = [client_for(app, owner) for app in (one, two)]
            async with clients[0] as first, clients[1] as second:
                gateways = (first, second)
                # A few one after the other, through both gateways; then a crowd at once.
                answers = [
                    await gateways[n % 2].post("/api/enrich", json={"name": f"Co {n}"})
                    for n in range(4)
                ]
                answers += await asyncio.gather(
                    *(
                        gateways[n % 2].post("/api/enrich", json={"name": f"Co {n}"})
                        for n in range(4, 3 * limit)
                    )
                )
                async with client_for(two, stranger) as other:
                    theirs = await other.post("/api/enrich", json={"name": "Other"})
    finally:
        for budget in budgets:
            await budget.close()
    codes = [answer.status_code for answer in answers]
    assert codes.count(200) == limit, [a.text for a in answers]
    assert codes.count(429) == 2 * limit
    assert codes[:4] == [200] * 4  # each gateway served some: the limit is the tenant's
    assert {n % 2 for n, code in enumerate(codes) if code == 200} == {0, 1}
    refused = next(answer for answer in answers if answer.status_code == 429)
    assert refused.json()["code"] == "rate_limited"
    assert refused.headers["Retry-After"] == "10"
    assert theirs.status_code == 200  # another tenant's limit is its own
