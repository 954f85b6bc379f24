"""A gateway process that just started answers its first session list from the tenant's
stored copy of settled states (`settled_states.json`): it reads none of the settled
sessions' objects, and says what a full read says. A change made through another gateway
after the copy was written (a review, a delete), an older copy written last by a slower
gateway, or a copy older than `max_age` is never used wrongly.

Gateway apps on one real SeaweedFS bucket stand for gateway processes started one after
another; each keeps its own states, so a new one holds nothing the others read."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from gateway.settled_copy import SettledCopies, StoredSettled
from gateway.settled_states import SettledStates
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.errors import NotFound
from shared.layout import SessionKeys, settled_states_key, tenant_sessions_prefix
from shared.lifecycle import SessionStatus
from shared.models import Counters, FinalStatus
from shared.rows import RowStatus
from shared.session_view import session_view
from shared.status import SessionStateReader
from shared.storage.protocol import ObjectInfo
from shared.storage.s3 import MinioStore
from tests.gateway.conftest import Caller, MakeSettings, client_for, running_app, upload
from tests.gateway.seed import now, result_row, seed_chunk
from tests.gateway.steps import started_session
from tests.sessions import seed_plan

pytestmark = pytest.mark.integration

ROWS = [
    result_row(
        0,
        "Acme",
        Official_Website="",
        Row_Status=RowStatus.NEEDS_REVIEW,
        Review_Candidates="website: https://acme.example/ (0.7; title matches)",
    ),
    result_row(1, "Globex"),
]


class CountingMinio(MinioStore):
    """Records the key or prefix of every read and listing."""

    touched: list[str]

    async def get_bytes(self, key: str) -> bytes:
        self.touched.append(key)
        return await super().get_bytes(key)

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        self.touched.append(prefix)
        return await super().list_objects(prefix, start_after)

    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        self.touched.append(prefix)
        return await super().list_level(prefix)

    def under(self, keys: SessionKeys) -> list[str]:
        return [key for key in self.touched if key.startswith(keys.prefix)]


@dataclass
class Deployment:
    settings: MakeSettings
    owner: Caller
    store: MinioStore
    bus: MemoryBus
    stores: list[MinioStore] = field(default_factory=list)

    def new_store(self) -> CountingMinio:
        settings = self.settings()
        secret = settings.s3_secret_key.get_secret_value()
        store = CountingMinio(
            settings.s3_endpoint, settings.s3_access_key, secret, settings.s3_bucket
        )
        store.touched = []
        self.stores.append(store)
        return store

    async def list_in_new_process(self) -> tuple[dict[str, dict[str, Any]], CountingMinio]:
        """The first `GET /api/sessions` of a gateway app that just started; the copy it
        stores is written before this returns."""
        store = self.new_store()
        async with (
            running_app(self.settings(), store, MemoryBroker(self.bus)) as app,
            client_for(app, self.owner) as http,
        ):
            listed = await listed_by(http)
            await app.state.services.settled.settle()
        return listed, store

    async def full_read(self) -> dict[str, dict[str, Any]]:
        """Every session as a reader that keeps nothing says it, in the list's form."""
        reader = SessionStateReader(self.store)
        ids = await self.store.list_children(tenant_sessions_prefix(self.owner.tenant))
        states = await asyncio.gather(
            *(reader.read(self.owner.tenant, sid) for sid in ids), return_exceptions=True
        )
        found: dict[str, dict[str, Any]] = {}
        for state in states:
            if isinstance(state, NotFound):
                continue  # deleted: the emptied folder may still be listed
            if isinstance(state, BaseException):
                raise state
            found[state.manifest.session_id] = session_view(state).model_dump(mode="json")
        return found


@pytest.fixture
async def deployment(real_settings: MakeSettings, owner: Caller) -> AsyncIterator[Deployment]:
    settings = real_settings()
    secret = settings.s3_secret_key.get_secret_value()
    store = MinioStore(settings.s3_endpoint, settings.s3_access_key, secret, settings.s3_bucket)
    await store.ensure_bucket()
    found = Deployment(real_settings, owner, store, MemoryBus(settings.topology), [store])
    yield found
    for each in found.stores:
        each.close()


async def listed_by(http: httpx.AsyncClient) -> dict[str, dict[str, Any]]:
    response = await http.get("/api/sessions", params={"limit": 200})
    assert response.status_code == 200, response.text
    return {item["session_id"]: item for item in response.json()["items"]}


async def finished_session(deployment: Deployment, http: httpx.AsyncClient) -> SessionKeys:
    keys = SessionKeys(deployment.owner.tenant, await started_session(http))
    await seed_plan(deployment.store, keys, total=2, chunk_size=2)
    await seed_chunk(deployment.store, keys, 0, ROWS)
    final = FinalStatus(
        status=SessionStatus.COMPLETED,
        counters=Counters(total=2, done=2, needs_review=1),
        finished_at=now(),
        outputs=["csv"],
    )
    await deployment.store.put_model(keys.final_status, final)
    return keys


@dataclass
class Sessions:
    finished: list[SessionKeys]
    created: SessionKeys
    running: SessionKeys


async def some_sessions(deployment: Deployment, http: httpx.AsyncClient) -> Sessions:
    """Three finished sessions, one uploaded and never started, one running."""
    finished = [await finished_session(deployment, http) for _ in range(3)]
    uploaded = await upload(http, b"Company\nAcme\n")
    assert uploaded.status_code == 201, uploaded.text
    created = SessionKeys(deployment.owner.tenant, uploaded.json()["session_id"])
    running = SessionKeys(deployment.owner.tenant, await started_session(http))
    await seed_plan(deployment.store, running, total=4, chunk_size=2)
    await seed_chunk(deployment.store, running, 0, ROWS)
    return Sessions(finished, created, running)


@pytest.fixture
async def other(deployment: Deployment) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    """A gateway process where people make changes, running all along."""
    async with (
        running_app(deployment.settings(), deployment.store, MemoryBroker(deployment.bus)) as app,
        client_for(app, deployment.owner) as http,
    ):
        yield http, app


async def test_a_new_gateway_lists_settled_sessions_from_the_stored_copy(
    deployment: Deployment, other: tuple[httpx.AsyncClient, FastAPI]
) -> None:
    sessions = await some_sessions(deployment, other[0])
    first, first_store = await deployment.list_in_new_process()
    assert first == await deployment.full_read()
    assert first_store.under(sessions.finished[0])  # no copy yet: every session read
    copy = await deployment.store.get_model(settled_states_key(owner_of(deployment)), StoredSettled)
    settled = {keys.session_id for keys in [*sessions.finished, sessions.created]}
    assert set(copy.sessions) == settled  # the running session is not settled

    second, second_store = await deployment.list_in_new_process()
    assert second == first
    for keys in [*sessions.finished, sessions.created]:
        assert second_store.under(keys) == []  # nothing of a settled session read
    assert second_store.under(sessions.running)  # workers write it: read on every list
    assert second_store.touched.count(settled_states_key(owner_of(deployment))) == 1


async def test_a_change_made_after_the_copy_shows_on_a_new_gateways_first_list(
    deployment: Deployment, other: tuple[httpx.AsyncClient, FastAPI]
) -> None:
    http = other[0]
    sessions = await some_sessions(deployment, http)
    await deployment.list_in_new_process()
    reviewed, deleted, kept = sessions.finished
    decided = await http.post(
        f"/api/sessions/{reviewed.session_id}/rows/0/review", json={"decision": "accept"}
    )
    assert decided.status_code == 200, decided.text
    removed = await http.delete(f"/api/sessions/{deleted.session_id}")
    assert removed.status_code == 204, removed.text
    started = await http.post(f"/api/sessions/{sessions.created.session_id}/start")
    assert started.status_code == 202, started.text

    listed, store = await deployment.list_in_new_process()
    assert listed == await deployment.full_read()
    assert deleted.session_id not in listed
    assert listed[reviewed.session_id]["counters"]["needs_review"] == 0
    assert listed[sessions.created.session_id]["status"] == "queued"
    assert store.under(reviewed)  # its mark changed: read again
    assert store.under(kept) == []
    # The copy that process stored holds neither the deleted session nor the started one.
    copy = await deployment.store.get_model(settled_states_key(owner_of(deployment)), StoredSettled)
    assert set(copy.sessions) == {reviewed.session_id, kept.session_id}


async def test_an_older_copy_written_last_costs_reads_never_a_wrong_state(
    deployment: Deployment, other: tuple[httpx.AsyncClient, FastAPI]
) -> None:
    """Any gateway writes the copy whole: a slower one may write an older version after
    a newer one."""
    http = other[0]
    sessions = await some_sessions(deployment, http)
    await deployment.list_in_new_process()
    key = settled_states_key(owner_of(deployment))
    older = await deployment.store.get_bytes(key)
    reviewed = sessions.finished[0]
    decided = await http.post(
        f"/api/sessions/{reviewed.session_id}/rows/0/review", json={"decision": "accept"}
    )
    assert decided.status_code == 200, decided.text
    await deployment.list_in_new_process()  # stores the newer copy
    await deployment.store.put_bytes(key, older)

    listed, store = await deployment.list_in_new_process()
    assert listed == await deployment.full_read()
    assert listed[reviewed.session_id]["counters"]["needs_review"] == 0
    assert store.under(reviewed)
    assert store.under(sessions.finished[1]) == []


async def test_gateways_listing_at_once_store_a_copy_a_new_one_can_trust(
    deployment: Deployment, other: tuple[httpx.AsyncClient, FastAPI]
) -> None:
    http = other[0]
    sessions = await some_sessions(deployment, http)
    more = [await finished_session(deployment, http) for _ in range(3)]
    reviewed = sessions.finished[0]

    async def review() -> None:
        decided = await http.post(
            f"/api/sessions/{reviewed.session_id}/rows/0/review", json={"decision": "accept"}
        )
        assert decided.status_code == 200, decided.text

    # Four processes start and list while a person reviews: each writes its copy.
    await asyncio.gather(*(deployment.list_in_new_process() for _ in range(4)), review())
    copy = await deployment.store.get_model(settled_states_key(owner_of(deployment)), StoredSettled)
    assert {keys.session_id for keys in more} <= set(copy.sessions)
    listed, store = await deployment.list_in_new_process()
    assert listed == await deployment.full_read()
    assert listed[reviewed.session_id]["counters"]["needs_review"] == 0
    assert store.under(more[0]) == []


async def test_entries_older_than_max_age_are_read_again(
    deployment: Deployment, other: tuple[httpx.AsyncClient, FastAPI]
) -> None:
    """The bound on a change whose mark was never written, as for states a process keeps."""
    sessions = await some_sessions(deployment, other[0])
    await deployment.list_in_new_process()
    changed = sessions.finished[0]
    final = FinalStatus(status=SessionStatus.FAILED, counters=Counters(total=2), finished_at=now())
    await deployment.store.put_model(changed.final_status, final)  # no mark written
    tenant = owner_of(deployment)
    ids = await deployment.store.list_children(tenant_sessions_prefix(tenant))
    for max_age, seen in ((300.0, SessionStatus.COMPLETED), (0.0, SessionStatus.FAILED)):
        store = deployment.new_store()
        states = SettledStates(
            store, SessionStateReader(store), max_age=max_age, copies=SettledCopies(store)
        )
        found = await states.read(tenant, ids, await states.marks(tenant, ids))
        statuses = {s.manifest.session_id: s.status for s in found if s is not None}
        assert statuses[changed.session_id] is seen
        assert bool(store.under(changed)) == (max_age == 0.0)


async def test_a_copy_that_cannot_be_read_is_read_around(
    deployment: Deployment, other: tuple[httpx.AsyncClient, FastAPI]
) -> None:
    await some_sessions(deployment, other[0])
    await deployment.store.put_bytes(settled_states_key(owner_of(deployment)), b'{"not": "a copy"}')
    listed, _ = await deployment.list_in_new_process()
    assert listed == await deployment.full_read()
    # The process stored a good copy in its place.
    copy = await deployment.store.get_model(settled_states_key(owner_of(deployment)), StoredSettled)
    assert len(copy.sessions) == 4


def owner_of(deployment: Deployment) -> str:
    return deployment.owner.tenant
