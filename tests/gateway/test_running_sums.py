"""A gateway process that just started reads a running session from its stored sums
(`running_sums.json`) and lists only the chunk summaries after them, with the counters a
full read gives, and a session in a retry round from the round's stored sums and the
round's summaries after them; sums of another plan, of a deleted session, from before a
retry round or of another round are never used wrongly. A settled session read on its
own costs one request once kept.

Gateway apps on one real SeaweedFS bucket stand for gateway processes started one after
another; each has its own reader, so the second holds nothing the first read."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from fastapi import FastAPI

from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.layout import SessionKeys, session_mark_key
from shared.lifecycle import SessionStatus
from shared.models import ChunkSummary, Counters, FinalStatus
from shared.retry import RetryPlan, RetryRequest
from shared.running_sums import RunningSums, SumsWriter, running_sums_key
from shared.status import SessionStateReader
from shared.storage.protocol import ObjectInfo
from shared.storage.s3 import MinioStore
from shared.usage import Usage
from tests.gateway.conftest import Caller, MakeSettings, client_for, running_app
from tests.sessions import seed_plan
from tests.worker.sessions import make_rows, seed_session

pytestmark = pytest.mark.integration

# More than the gateway's SumsWriter waits for (100 chunks) before it stores sums.
CHUNKS = 130
PLANNED = CHUNKS + 20


class CountingMinio(MinioStore):
    """Records every request: (operation, key or prefix, start_after)."""

    requests: list[tuple[str, str, str | None]]

    async def get_bytes(self, key: str) -> bytes:
        self.requests.append(("get", key, None))
        return await super().get_bytes(key)

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        self.requests.append(("list", prefix, start_after))
        return await super().list_objects(prefix, start_after)

    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        self.requests.append(("list", prefix, None))
        return await super().list_level(prefix)

    async def stat(self, key: str) -> ObjectInfo | None:
        self.requests.append(("stat", key, None))
        return await super().stat(key)

    def summaries_read(self, keys: SessionKeys) -> list[str]:
        return [k for op, k, _ in self.requests if op == "get" and "/chunks/done/" in k]


@dataclass
class Deployment:
    settings: MakeSettings
    store: CountingMinio
    bus: MemoryBus
    stores: list[MinioStore] = field(default_factory=list)

    def new_store(self, kind: type[CountingMinio] = CountingMinio) -> CountingMinio:
        settings = self.settings()
        secret = settings.s3_secret_key.get_secret_value()
        store = kind(settings.s3_endpoint, settings.s3_access_key, secret, settings.s3_bucket)
        store.requests = []
        self.stores.append(store)
        return store


@pytest.fixture
async def deployment(real_settings: MakeSettings) -> AsyncIterator[Deployment]:
    settings = real_settings()
    secret = settings.s3_secret_key.get_secret_value()
    store = CountingMinio(settings.s3_endpoint, settings.s3_access_key, secret, settings.s3_bucket)
    store.requests = []
    await store.ensure_bucket()
    found = Deployment(real_settings, store, MemoryBus(settings.topology), [store])
    yield found
    for each in found.stores:
        each.close()


async def finish(store: MinioStore, keys: SessionKeys, chunks: list[int]) -> None:
    now = datetime.now(UTC)
    gate = asyncio.Semaphore(16)

    async def one(n: int) -> None:
        # Each chunk's own share (n + 1 rows done, one failed) and usage, so a sum that
        # missed or doubled a chunk shows.
        summary = ChunkSummary(
            chunk=n,
            counters=Counters(done=n + 1, failed=1),
            started_at=now,
            finished_at=now,
            usage=Usage(fetches=2 * n),
        )
        async with gate:
            await store.put_model(keys.chunk_done(n), summary)

    await asyncio.gather(*(one(n) for n in chunks))


def expected(chunks: list[int]) -> tuple[int, int, int, int]:
    """chunks_done, done, failed, fetches of these finished chunks."""
    return len(chunks), sum(n + 1 for n in chunks), len(chunks), sum(2 * n for n in chunks)


def seen(view: dict[str, object]) -> tuple[object, ...]:
    counters = view["counters"]
    usage = view["usage"]
    assert isinstance(counters, dict)
    assert isinstance(usage, dict)
    return view["chunks_done"], counters["done"], counters["failed"], usage["fetches"]


async def running(store: MinioStore, tenant: str) -> SessionKeys:
    keys = await seed_session(store, tenant, uuid.uuid4().hex, make_rows(2))
    await seed_plan(store, keys, total=PLANNED * 10, chunk_size=10)
    await finish(store, keys, list(range(CHUNKS)))
    return keys


async def read_in_new_process(
    deployment: Deployment, owner: Caller, keys: SessionKeys
) -> tuple[dict[str, object], CountingMinio, FastAPI]:
    """`GET /api/sessions/{id}` from a gateway app that just started; its stored sums
    are written before this returns."""
    store = deployment.new_store()
    async with (
        running_app(deployment.settings(), store, MemoryBroker(deployment.bus)) as app,
        client_for(app, owner) as http,
    ):
        response = await http.get(f"/api/sessions/{keys.session_id}")
        await app.state.services.states.settle()
    assert response.status_code == 200, response.text
    return response.json(), store, app


async def full_read(deployment: Deployment, keys: SessionKeys) -> tuple[object, ...]:
    """What a reader that never sees stored sums says."""
    reader = SessionStateReader(deployment.new_store(NoSumsMinio))
    state = await reader.read(keys.tenant, keys.session_id)
    return state.chunks_done, state.counters.done, state.counters.failed, state.usage.fetches


class NoSumsMinio(CountingMinio):
    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        here, folders = await super().list_level(prefix)
        return [i for i in here if not i.key.endswith("running_sums.json")], folders


async def test_a_new_gateway_reads_the_stored_sums_and_only_the_summaries_after_them(
    deployment: Deployment, owner: Caller
) -> None:
    keys = await running(deployment.store, owner.tenant)
    first, first_store, _ = await read_in_new_process(deployment, owner, keys)
    assert seen(first) == expected(list(range(CHUNKS)))
    assert len(first_store.summaries_read(keys)) == CHUNKS  # nothing stored yet: all read
    sums = await deployment.store.get_model(running_sums_key(keys), RunningSums)
    assert (sums.count, sums.last_key) == (CHUNKS, keys.chunk_done(CHUNKS - 1))

    # Chunks finish out of order: CHUNKS + 1 and + 2 before CHUNKS itself.
    await finish(deployment.store, keys, [CHUNKS + 1, CHUNKS + 2])
    second, second_store, _ = await read_in_new_process(deployment, owner, keys)
    assert seen(second) == expected([*range(CHUNKS), CHUNKS + 1, CHUNKS + 2])
    assert seen(second) == await full_read(deployment, keys)
    assert second_store.summaries_read(keys) == [
        keys.chunk_done(CHUNKS + 1),
        keys.chunk_done(CHUNKS + 2),
    ]
    listings = [r for r in second_store.requests if r[1] == keys.chunk_done_prefix]
    assert listings == [("list", keys.chunk_done_prefix, keys.chunk_done(CHUNKS - 1))]

    # The chunk below finishes later: still listed after the stored sums, still counted.
    await finish(deployment.store, keys, [CHUNKS])
    third, third_store, _ = await read_in_new_process(deployment, owner, keys)
    assert seen(third) == expected(list(range(CHUNKS + 3)))
    assert len(third_store.summaries_read(keys)) == 3


async def test_the_session_list_of_a_new_gateway_uses_the_stored_sums(
    deployment: Deployment, owner: Caller
) -> None:
    keys = await running(deployment.store, owner.tenant)
    await read_in_new_process(deployment, owner, keys)
    store = deployment.new_store()
    async with (
        running_app(deployment.settings(), store, MemoryBroker(deployment.bus)) as app,
        client_for(app, owner) as http,
    ):
        listed = await http.get("/api/sessions")
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    assert seen(item) == expected(list(range(CHUNKS)))
    assert store.summaries_read(keys) == []


async def test_sums_of_another_plan_are_not_used(deployment: Deployment, owner: Caller) -> None:
    """As after the session was deleted and written again under its id: a new plan."""
    keys = await running(deployment.store, owner.tenant)
    plan = await deployment.store.stat(keys.plan)
    assert plan is not None
    wrong = RunningSums(
        plan_etag=plan.etag + "x",
        count=CHUNKS,
        last_key=keys.chunk_done(CHUNKS - 1),
        counters=Counters(done=1),
        usage=Usage(),
        written_at=datetime.now(UTC),
    )
    await deployment.store.put_model(running_sums_key(keys), wrong)
    view, store, _ = await read_in_new_process(deployment, owner, keys)
    assert seen(view) == expected(list(range(CHUNKS)))
    assert len(store.summaries_read(keys)) == CHUNKS
    # The reader stored sums of the current plan in their place.
    stored = await deployment.store.get_model(running_sums_key(keys), RunningSums)
    assert (stored.plan_etag, stored.count) == (plan.etag, CHUNKS)


async def test_sums_from_before_a_retry_round_are_not_used_for_the_round(
    deployment: Deployment, owner: Caller
) -> None:
    keys = await running(deployment.store, owner.tenant)
    await read_in_new_process(deployment, owner, keys)
    assert await deployment.store.stat(running_sums_key(keys)) is not None
    rest = list(range(CHUNKS, PLANNED))
    await finish(deployment.store, keys, rest)
    now = datetime.now(UTC)
    final = FinalStatus(
        status=SessionStatus.COMPLETED,
        counters=sum((Counters(done=n + 1, failed=1) for n in range(PLANNED)), Counters()),
        finished_at=now,
    )
    await deployment.store.put_model(keys.final_status, final)
    # Round 1 runs chunks 3 and 7 again: their failed rows are now done.
    request = RetryRequest(round=1, statuses=["failed"], requested_at=now)
    await deployment.store.put_model(keys.retry_request(1), request)
    round_keys = keys.in_round(1)
    await deployment.store.put_model(
        round_keys.plan, RetryPlan(round=1, chunks=[3, 7], rows=2, planned_at=now)
    )
    redone = ChunkSummary(
        chunk=3, counters=Counters(done=5), started_at=now, finished_at=now, usage=Usage()
    )
    await deployment.store.put_model(round_keys.chunk_done(3), redone)

    view, _, _ = await read_in_new_process(deployment, owner, keys)
    assert (view["status"], view["retry_round"], view["chunks_done"]) == ("running", 1, 1)
    counters = view["counters"]
    assert isinstance(counters, dict)
    everything = expected(list(range(PLANNED)))
    # Chunk 3's latest version: 5 done, none failed, instead of 4 done and 1 failed.
    assert (counters["done"], counters["failed"]) == (everything[1] + 1, PLANNED - 1)
    fresh = await SessionStateReader(deployment.new_store(NoSumsMinio)).read(
        keys.tenant, keys.session_id
    )
    assert fresh.counters.model_dump() == counters


async def test_a_deleted_session_is_not_found_whatever_sums_are_left(
    deployment: Deployment, owner: Caller
) -> None:
    keys = await running(deployment.store, owner.tenant)
    await read_in_new_process(deployment, owner, keys)
    await deployment.store.delete(keys.manifest)  # as the gateway deletes: manifest first
    store = deployment.new_store()
    async with (
        running_app(deployment.settings(), store, MemoryBroker(deployment.bus)) as app,
        client_for(app, owner) as http,
    ):
        response = await http.get(f"/api/sessions/{keys.session_id}")
    assert response.status_code == 404
    assert not [r for r in store.requests if r[1] == running_sums_key(keys)]


async def test_sums_written_while_the_session_is_deleted_are_removed(
    deployment: Deployment, owner: Caller
) -> None:
    """The deletion's listing may miss a write that lands after it: the writer checks the
    manifest after writing, and removes its sums when the session is gone."""
    keys = await running(deployment.store, owner.tenant)
    store = deployment.new_store()
    writer = SumsWriter(store, every=1)
    reader = SessionStateReader(store, sums=writer)
    original_put = store.put_model

    async def put_then_delete(key: str, model: object) -> None:
        await original_put(key, model)  # type: ignore[arg-type]
        if key == running_sums_key(keys):
            await deployment.store.delete(keys.manifest)
            await deployment.store.delete_prefix(keys.prefix)

    store.put_model = put_then_delete  # type: ignore[method-assign]
    await reader.read(keys.tenant, keys.session_id)
    await reader.settle()
    assert await deployment.store.stat(running_sums_key(keys)) is None


async def test_a_settled_session_read_again_costs_one_request(
    deployment: Deployment, owner: Caller
) -> None:
    keys = await running(deployment.store, owner.tenant)
    store = deployment.new_store()
    other = deployment.new_store()
    async with (
        running_app(deployment.settings(), store, MemoryBroker(deployment.bus)) as app,
        running_app(deployment.settings(), other, MemoryBroker(deployment.bus)) as other_app,
        client_for(app, owner) as http,
        client_for(other_app, owner) as other_http,
    ):
        url = f"/api/sessions/{keys.session_id}"
        await http.get(url)
        store.requests.clear()
        assert (await http.get(url)).json()["status"] == "running"
        # Running: its objects are read, its mark is not checked.
        assert session_mark_key(keys.tenant, keys.session_id) not in {r[1] for r in store.requests}

        await finish(deployment.store, keys, list(range(CHUNKS, PLANNED)))
        final = FinalStatus(
            status=SessionStatus.COMPLETED, counters=Counters(done=1), finished_at=datetime.now(UTC)
        )
        await deployment.store.put_model(keys.final_status, final)
        for _ in range(2):  # seen settled, then read under its mark and kept
            assert (await http.get(url)).json()["status"] == "completed"
        store.requests.clear()
        again = await http.get(url)
        assert again.json()["status"] == "completed"
        assert store.requests == [("list", session_mark_key(keys.tenant, keys.session_id), None)]

        # A change through another gateway writes the mark: the next read sees it.
        deleted = await other_http.delete(url)
        assert deleted.status_code == 204, deleted.text
        assert (await http.get(url)).status_code == 404
        store.requests.clear()
        assert (await http.get(url)).status_code == 404
        assert len(store.requests) == 1


async def redo(store: MinioStore, keys: SessionKeys, chunks: list[int]) -> None:
    """A retry round's versions of these chunks: the failed row now done, one fetch each."""
    now = datetime.now(UTC)
    gate = asyncio.Semaphore(16)

    async def one(n: int) -> None:
        summary = ChunkSummary(
            chunk=n,
            counters=Counters(done=n + 1, failed=0),
            started_at=now,
            finished_at=now,
            usage=Usage(fetches=1),
        )
        async with gate:
            await store.put_model(keys.chunk_done(n), summary)

    await asyncio.gather(*(one(n) for n in chunks))


def latest(redone: set[int]) -> tuple[int, int, int]:
    """done, failed, fetches of the session with these chunks at a round's version."""
    done = sum(n + 1 for n in range(PLANNED))
    failed = PLANNED - len(redone)
    fetches = sum(1 if n in redone else 2 * n for n in range(PLANNED))
    return done, failed, fetches


async def ended_round(store: MinioStore, keys: SessionKeys, round_: int, redone: set[int]) -> None:
    """The final status of `round_` as the finalizer writes it: every chunk's latest version."""
    done, failed, fetches = latest(redone)
    final = FinalStatus(
        status=SessionStatus.COMPLETED,
        counters=Counters(total=PLANNED * 10, done=done, failed=failed),
        usage=Usage(fetches=fetches),
        finished_at=datetime.now(UTC),
        retry_round=round_,
    )
    await store.put_model(keys.final_status, final)


async def asked_round(store: MinioStore, keys: SessionKeys, round_: int, chunks: list[int]) -> None:
    now = datetime.now(UTC)
    request = RetryRequest(round=round_, statuses=["failed"], requested_at=now)
    await store.put_model(keys.retry_request(round_), request)
    plan = RetryPlan(round=round_, chunks=chunks, rows=len(chunks), planned_at=now)
    await store.put_model(keys.in_round(round_).plan, plan)


def round_seen(view: dict[str, object]) -> tuple[object, ...]:
    counters, usage = view["counters"], view["usage"]
    assert isinstance(counters, dict)
    assert isinstance(usage, dict)
    return (
        view["status"],
        view["retry_round"],
        counters["done"],
        counters["failed"],
        usage["fetches"],
    )


async def test_a_new_gateway_reads_a_retry_round_from_its_stored_sums(
    deployment: Deployment, owner: Caller
) -> None:
    """Round 2 runs every chunk again: a new gateway reads the round's stored sums and the
    round's summaries after them, with the versions they replace (round 1's or the run's),
    not a summary of every chunk."""
    keys = await seed_session(deployment.store, owner.tenant, uuid.uuid4().hex, make_rows(2))
    await seed_plan(deployment.store, keys, total=PLANNED * 10, chunk_size=10)
    await finish(deployment.store, keys, list(range(PLANNED)))
    await asked_round(deployment.store, keys, 1, [3, 7])
    await redo(deployment.store, keys.in_round(1), [3, 7])
    await ended_round(deployment.store, keys, 1, {3, 7})
    round_keys = keys.in_round(2)
    await asked_round(deployment.store, round_keys, 2, list(range(PLANNED)))
    first_done = [*range(CHUNKS), CHUNKS + 1, CHUNKS + 2]  # CHUNKS itself finishes later
    await redo(deployment.store, round_keys, first_done)

    first, first_store, _ = await read_in_new_process(deployment, owner, keys)
    assert round_seen(first) == ("running", 2, *latest(set(first_done)))
    assert first["chunks_done"] == len(first_done)
    # Nothing stored yet: the round's summaries and those they replace, not the others.
    assert len(first_store.summaries_read(keys)) == 2 * len(first_done)
    assert keys.in_round(1).chunk_done(3) in first_store.summaries_read(keys)
    sums = await deployment.store.get_model(running_sums_key(round_keys), RunningSums)
    assert (sums.count, sums.last_key) == (CHUNKS, round_keys.chunk_done(CHUNKS - 1))

    second, second_store, _ = await read_in_new_process(deployment, owner, keys)
    assert round_seen(second) == round_seen(first)
    assert sorted(second_store.summaries_read(keys)) == sorted(
        [
            *(round_keys.chunk_done(n) for n in (CHUNKS + 1, CHUNKS + 2)),
            *(keys.chunk_done(n) for n in (CHUNKS + 1, CHUNKS + 2)),
        ]
    )

    await redo(deployment.store, round_keys, [CHUNKS])
    third, third_store, _ = await read_in_new_process(deployment, owner, keys)
    assert round_seen(third) == ("running", 2, *latest({*first_done, CHUNKS}))
    assert third["chunks_done"] == len(first_done) + 1
    assert len(third_store.summaries_read(keys)) == 6


async def test_a_rounds_sums_are_not_used_for_the_next_round(
    deployment: Deployment, owner: Caller
) -> None:
    keys = await seed_session(deployment.store, owner.tenant, uuid.uuid4().hex, make_rows(2))
    await seed_plan(deployment.store, keys, total=PLANNED * 10, chunk_size=10)
    await finish(deployment.store, keys, list(range(PLANNED)))
    everything = list(range(PLANNED))
    await ended_round(deployment.store, keys, 0, set())
    await asked_round(deployment.store, keys, 1, everything)
    await redo(deployment.store, keys.in_round(1), everything)
    await read_in_new_process(deployment, owner, keys)
    stored = await deployment.store.get_model(running_sums_key(keys.in_round(1)), RunningSums)
    await ended_round(deployment.store, keys, 1, set(everything))
    # Round 2 is planned like round 1, its sums copied under its name: another plan.
    await asked_round(deployment.store, keys, 2, everything)
    await deployment.store.put_model(running_sums_key(keys.in_round(2)), stored)
    await redo(deployment.store, keys.in_round(2), [0])

    view, store, _ = await read_in_new_process(deployment, owner, keys)
    assert round_seen(view) == ("running", 2, *latest(set(everything)))
    assert view["chunks_done"] == 1
    assert sorted(store.summaries_read(keys)) == [
        keys.in_round(1).chunk_done(0),
        keys.in_round(2).chunk_done(0),
    ]
