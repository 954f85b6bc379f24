"""A gateway keeps settled sessions' states (finished, or created and not started) between
session lists, and reads none of their objects again until a person changes the session:
a review decision, a retry, a start, a columns change, a cancel or a delete made through
another gateway process shows on the very next list.

Two apps on one real SeaweedFS bucket stand for two gateway processes, each with its own
kept states; the commands go to a memory broker, which these rules do not involve."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from gateway.created_states import CreatedStates
from gateway.settled_states import SettledStates
from shared.broker.memory import MemoryBroker
from shared.broker.memory_bus import MemoryBus
from shared.ids import new_session_id
from shared.layout import (
    SessionKeys,
    created_states_key,
    created_states_prefix,
    session_mark_key,
)
from shared.lifecycle import SessionStatus
from shared.models import Counters, FinalStatus, SessionManifest
from shared.status import SessionState, SessionStateReader
from shared.storage.protocol import ObjectInfo
from shared.storage.s3 import MinioStore
from tests.gateway.conftest import Caller, MakeSettings, client_for, running_app, upload
from tests.gateway.seed import now, one_in_review, seed_chunk
from tests.gateway.steps import started_session
from tests.sessions import seed_plan
from tests.worker.sessions import make_rows, seed_session

pytestmark = pytest.mark.integration

ROWS = one_in_review()


class WatchedMinio(MinioStore):
    """Records every key or prefix a request touched, and can run a step just after one
    prefix is listed (another process acting in the middle of a read)."""

    touched: list[str]
    after_listing: dict[str, Callable[[], Awaitable[Any]]]

    def _touch(self, key: str) -> None:
        self.touched.append(key)

    async def get_bytes(self, key: str) -> bytes:
        self._touch(key)
        return await super().get_bytes(key)

    async def list_objects(self, prefix: str, start_after: str | None = None) -> list[ObjectInfo]:
        self._touch(prefix)
        listed = await super().list_objects(prefix, start_after)
        step = self.after_listing.pop(prefix, None)
        if step is not None:
            await step()
        return listed

    async def list_level(self, prefix: str) -> tuple[list[ObjectInfo], list[str]]:
        self._touch(prefix)
        return await super().list_level(prefix)

    async def list_children(self, prefix: str) -> list[str]:
        self._touch(prefix)
        return await super().list_children(prefix)


@dataclass(frozen=True)
class Gateways:
    lister: httpx.AsyncClient  # the process whose kept states are under test
    other: httpx.AsyncClient  # another gateway process, where people make changes
    watched: WatchedMinio
    store: MinioStore
    # The other process's kept states (to wait for what it stores in the background).
    other_settled: SettledStates

    async def listed(self) -> dict[str, dict[str, Any]]:
        response = await self.lister.get("/api/sessions", params={"limit": 200})
        assert response.status_code == 200, response.text
        return {item["session_id"]: item for item in response.json()["items"]}

    def touched_under(self, keys: SessionKeys) -> list[str]:
        return [key for key in self.watched.touched if key.startswith(keys.prefix)]


@pytest.fixture
async def gateways(real_settings: MakeSettings, owner: Caller) -> AsyncIterator[Gateways]:
    settings = real_settings()
    secret = settings.s3_secret_key.get_secret_value()
    watched = WatchedMinio(settings.s3_endpoint, settings.s3_access_key, secret, settings.s3_bucket)
    watched.touched, watched.after_listing = [], {}
    store = MinioStore(settings.s3_endpoint, settings.s3_access_key, secret, settings.s3_bucket)
    bus = MemoryBus(settings.topology)
    try:
        async with (
            running_app(settings, watched, MemoryBroker(bus)) as lister_app,
            running_app(settings, store, MemoryBroker(bus)) as other_app,
            client_for(lister_app, owner) as lister,
            client_for(other_app, owner) as other,
        ):
            yield Gateways(lister, other, watched, store, other_app.state.services.settled)
    finally:
        watched.close()
        store.close()


async def finish(store: MinioStore, keys: SessionKeys, retry_round: int = 0, **status: Any) -> None:
    """The final status as the finalizer writes it: one row left for review."""
    final = FinalStatus(
        status=status.get("status", SessionStatus.COMPLETED),
        counters=Counters(total=2, done=2, needs_review=1),
        finished_at=now(),
        outputs=["csv"],
        retry_round=retry_round,
    )
    await store.put_model(keys.final_status, final)


async def finished_session(gateways: Gateways, tenant: str) -> SessionKeys:
    keys = SessionKeys(tenant, await started_session(gateways.other))
    await seed_plan(gateways.store, keys, total=2, chunk_size=2)
    await seed_chunk(gateways.store, keys, 0, ROWS)
    await finish(gateways.store, keys)
    return keys


def review(gateways: Gateways, keys: SessionKeys) -> Awaitable[httpx.Response]:
    return gateways.other.post(
        f"/api/sessions/{keys.session_id}/rows/0/review", json={"decision": "accept"}
    )


async def test_a_finished_session_is_read_once_until_a_review_changes_it(
    gateways: Gateways, owner: Caller
) -> None:
    keys = await finished_session(gateways, owner.tenant)
    first = (await gateways.listed())[keys.session_id]
    assert (first["status"], first["counters"]["needs_review"]) == ("completed", 1)
    gateways.watched.touched.clear()
    assert (await gateways.listed())[keys.session_id] == first
    assert gateways.touched_under(keys) == []  # kept: no object of it read again

    decided = await review(gateways, keys)
    assert decided.status_code == 200, decided.text
    after = (await gateways.listed())[keys.session_id]
    assert after["counters"]["needs_review"] == 0


async def test_a_change_made_while_the_state_is_read_shows_on_the_next_list(
    gateways: Gateways, owner: Caller
) -> None:
    keys = await finished_session(gateways, owner.tenant)
    decisions: list[httpx.Response] = []

    async def decide() -> None:
        decisions.append(await review(gateways, keys))

    # The decision and its mark land after the list took the marks and this read listed
    # the decisions: the read answers the session as it was, the next list as it is.
    gateways.watched.after_listing[keys.reviews_prefix] = decide
    assert (await gateways.listed())[keys.session_id]["counters"]["needs_review"] == 1
    assert [response.status_code for response in decisions] == [200]
    assert (await gateways.listed())[keys.session_id]["counters"]["needs_review"] == 0


async def test_a_retry_and_a_cancel_of_its_round_show_on_the_next_list(
    gateways: Gateways, owner: Caller
) -> None:
    keys = await finished_session(gateways, owner.tenant)
    await gateways.listed()
    retried = await gateways.other.post(f"/api/sessions/{keys.session_id}/retry")
    assert retried.status_code == 202, retried.text
    queued = (await gateways.listed())[keys.session_id]
    assert (queued["status"], queued["retry_round"]) == ("queued", 1)

    cancelled = await gateways.other.post(f"/api/sessions/{keys.session_id}/cancel")
    assert cancelled.status_code == 202, cancelled.text
    assert cancelled.json()["status"] == "cancelled"
    # Every read says what the cancel's answer said, before any worker ends the round.
    fresh = (await gateways.other.get(f"/api/sessions/{keys.session_id}")).json()
    assert (fresh["status"], fresh["retry_round"]) == ("cancelled", 1)
    assert fresh["cancel_requested_at"] == cancelled.json()["cancel_requested_at"]
    assert (await gateways.listed())[keys.session_id] == fresh
    again = await gateways.other.post(f"/api/sessions/{keys.session_id}/cancel")
    assert again.status_code == 409, again.text
    await finish(gateways.store, keys, retry_round=1, status=SessionStatus.CANCELLED)
    ended = (await gateways.listed())[keys.session_id]
    assert (ended["status"], ended["retry_round"]) == ("cancelled", 1)
    assert ended["cancel_requested_at"] is not None
    gateways.watched.touched.clear()
    assert (await gateways.listed())[keys.session_id] == ended
    assert gateways.touched_under(keys) == []


async def test_a_deleted_session_leaves_the_next_list_and_its_mark_goes(
    gateways: Gateways, owner: Caller
) -> None:
    kept, deleted = [await finished_session(gateways, owner.tenant) for _ in range(2)]
    assert {kept.session_id, deleted.session_id} <= (await gateways.listed()).keys()
    removed = await gateways.other.delete(f"/api/sessions/{deleted.session_id}")
    assert removed.status_code == 204, removed.text
    listed = await gateways.listed()
    assert deleted.session_id not in listed
    assert kept.session_id in listed
    # Listed again (SeaweedFS may still list the emptied folder): still absent, and once
    # its folder is gone from the listing, its mark is removed too.
    assert deleted.session_id not in await gateways.listed()
    folders = await gateways.store.list_children(f"tenants/{owner.tenant}/sessions/")
    mark = await gateways.store.stat(session_mark_key(owner.tenant, deleted.session_id))
    assert (mark is None) == (deleted.session_id not in folders)


async def test_a_created_session_is_kept_until_its_columns_change_or_it_starts(
    gateways: Gateways, owner: Caller
) -> None:
    created = await upload(gateways.other, b"Company,Site,Homepage\nAcme,acme.example,x\n")
    assert created.status_code == 201, created.text
    keys = SessionKeys(owner.tenant, created.json()["session_id"])
    first = (await gateways.listed())[keys.session_id]
    assert first["status"] == "created"
    gateways.watched.touched.clear()
    assert (await gateways.listed())[keys.session_id] == first
    assert gateways.touched_under(keys) == []

    changed = await gateways.other.put(
        f"/api/sessions/{keys.session_id}/columns",
        json={"name_column": "Company", "website_column": "Homepage"},
    )
    assert changed.status_code == 200, changed.text
    listed = (await gateways.listed())[keys.session_id]
    assert listed["input"]["website_column"] == "Homepage"
    started = await gateways.other.post(f"/api/sessions/{keys.session_id}/start")
    assert started.status_code == 202, started.text
    assert (await gateways.listed())[keys.session_id]["status"] == "queued"
    # Queued, then running: workers write what follows, so it is read on every list.
    gateways.watched.touched.clear()
    await gateways.listed()
    assert keys.prefix in gateways.touched_under(keys)


async def test_sessions_created_through_this_gateway_are_listed_without_reading_them(
    gateways: Gateways, owner: Caller
) -> None:
    await gateways.listed()
    answers = [await upload(gateways.lister, b"Company,Site\nAcme,acme.example\n") for _ in "ab"]
    assert [answer.status_code for answer in answers] == [201, 201], answers[0].text
    created = [SessionKeys(owner.tenant, answer.json()["session_id"]) for answer in answers]
    gateways.watched.touched.clear()
    listed = await gateways.listed()
    assert [gateways.touched_under(keys) for keys in created] == [[], []]
    # What the other gateway reads from the session's objects, and the creation's answer.
    response = await gateways.other.get("/api/sessions", params={"limit": 200})
    read = {item["session_id"]: item for item in response.json()["items"]}
    for keys, answer in zip(created, answers, strict=True):
        assert listed[keys.session_id] == read[keys.session_id] == answer.json()

    started = await gateways.other.post(f"/api/sessions/{created[0].session_id}/start")
    assert started.status_code == 202, started.text
    assert (await gateways.listed())[created[0].session_id]["status"] == "queued"


async def test_a_cancel_before_the_start_shows_on_the_next_list(
    gateways: Gateways, owner: Caller
) -> None:
    created = await upload(gateways.other, b"Company\nAcme\n")
    keys = SessionKeys(owner.tenant, created.json()["session_id"])
    assert (await gateways.listed())[keys.session_id]["status"] == "created"
    cancelled = await gateways.other.post(f"/api/sessions/{keys.session_id}/cancel")
    assert cancelled.status_code == 202, cancelled.text
    assert (await gateways.listed())[keys.session_id]["status"] == "cancelled"


async def test_a_session_created_after_a_list_shows_on_the_next(
    gateways: Gateways, owner: Caller
) -> None:
    keys = await finished_session(gateways, owner.tenant)
    assert list(await gateways.listed()) == [keys.session_id]
    created = SessionKeys(owner.tenant, await started_session(gateways.other))
    listed = await gateways.listed()
    assert list(listed) == [created.session_id, keys.session_id]
    assert listed[created.session_id]["status"] == "queued"


async def test_kept_states_are_read_again_after_max_age_whatever_the_marks_say(
    store: MinioStore, tenant: str
) -> None:
    """The bound on a change whose mark was never written (its gateway stopped between)."""
    keys = SessionKeys(tenant, "c" * 32)
    await seed_session(store, tenant, keys.session_id, make_rows(2))
    await seed_plan(store, keys, total=2, chunk_size=2)
    await finish(store, keys)
    ids = [keys.session_id]
    for max_age, seen in ((300.0, SessionStatus.COMPLETED), (0.0, SessionStatus.FAILED)):
        states = SettledStates(store, SessionStateReader(store), max_age=max_age)
        first = await states.read(tenant, ids, await states.marks(tenant, ids))
        assert [state.status for state in first if state] == [SessionStatus.COMPLETED]
        await finish(store, keys, status=SessionStatus.FAILED)  # no mark written
        again = await states.read(tenant, ids, await states.marks(tenant, ids))
        assert [state.status for state in again if state] == [seen]
        await finish(store, keys)


async def test_sessions_created_through_another_gateway_are_listed_from_what_it_stored(
    gateways: Gateways, owner: Caller
) -> None:
    """Another replica's uploads: one listing and one read of what that process stored,
    not each session's objects; any change through any gateway still shows next."""
    await gateways.listed()
    answers = [await upload(gateways.other, b"Company,Site\nAcme,acme.example\n") for _ in "abcd"]
    assert [answer.status_code for answer in answers] == [201] * 4, answers[0].text
    created = [SessionKeys(owner.tenant, answer.json()["session_id"]) for answer in answers]
    await gateways.other_settled.settle()
    gateways.watched.touched.clear()
    listed = await gateways.listed()
    assert [gateways.touched_under(keys) for keys in created] == [[]] * 4
    stored = created_states_prefix(owner.tenant)
    assert gateways.watched.touched.count(stored) == 1
    assert len([key for key in gateways.watched.touched if key.startswith(stored)]) == 2
    for keys, answer in zip(created, answers, strict=True):
        assert listed[keys.session_id] == answer.json()
    # Kept from then on: the next list reads neither the sessions nor the stored entries.
    gateways.watched.touched.clear()
    assert await gateways.listed() == listed
    assert not [key for key in gateways.watched.touched if key.startswith(stored)]

    first, second, third, fourth = (keys.session_id for keys in created)
    changed = await gateways.other.put(
        f"/api/sessions/{first}/columns", json={"name_column": "Company", "website_column": None}
    )
    assert changed.status_code == 200, changed.text
    started = await gateways.other.post(f"/api/sessions/{second}/start")
    assert started.status_code == 202, started.text
    cancelled = await gateways.other.post(f"/api/sessions/{third}/cancel")
    assert cancelled.status_code == 202, cancelled.text
    removed = await gateways.other.delete(f"/api/sessions/{fourth}")
    assert removed.status_code == 204, removed.text
    after = await gateways.listed()
    assert after[first]["input"]["website_column"] is None
    assert after[second]["status"] == "queued"
    assert after[third]["status"] == "cancelled"
    assert fourth not in after


async def test_a_change_before_this_gateways_first_list_is_not_hidden_by_the_stored_entry(
    gateways: Gateways, owner: Caller
) -> None:
    """The entry says "created"; the session was started (and another one deleted) through
    the creating gateway before this one ever listed it: the marks win."""
    await gateways.listed()
    answers = [await upload(gateways.other, b"Company\nAcme\n") for _ in "ab"]
    started, deleted = (answer.json()["session_id"] for answer in answers)
    await gateways.other_settled.settle()
    assert (await gateways.other.post(f"/api/sessions/{started}/start")).status_code == 202
    assert (await gateways.other.delete(f"/api/sessions/{deleted}")).status_code == 204
    listed = await gateways.listed()
    assert listed[started]["status"] == "queued"
    assert deleted not in listed


async def test_stored_creations_are_used_only_within_max_age_and_old_ones_are_removed(
    real_settings: MakeSettings, tenant: str
) -> None:
    """Two processes' kept states on one bucket: one created a session and stored it; the
    other takes the stored state while `max_age` allows, reads the session's objects after
    (here a start marker written with no mark, as by a gateway stopped before its mark),
    and removes an object older than twice `max_age` (a process that stopped)."""
    settings = real_settings()
    secret = settings.s3_secret_key.get_secret_value()
    where = (settings.s3_endpoint, settings.s3_access_key, secret, settings.s3_bucket)
    store = MinioStore(*where)
    keys = SessionKeys(tenant, new_session_id())
    await seed_session(store, tenant, keys.session_id, make_rows(2))
    state = SessionState.created(await store.get_model(keys.manifest, SessionManifest))
    ids = [keys.session_id]
    creator = SettledStates(
        store, SessionStateReader(store), created=CreatedStates(store, writer="creator")
    )
    creator.created(state)
    await creator.settle()
    for max_age, status, reads in (
        (300.0, SessionStatus.CREATED, False),
        (0.0, SessionStatus.QUEUED, True),
    ):
        watched = WatchedMinio(*where)
        watched.touched, watched.after_listing = [], {}
        reader = SettledStates(
            watched,
            SessionStateReader(watched),
            max_age=max_age,
            created=CreatedStates(watched, max_age=max_age),
        )
        found = await reader.read(tenant, ids, await reader.marks(tenant, ids))
        assert [found_state.status for found_state in found if found_state] == [status]
        assert (keys.prefix in watched.touched) is reads
        watched.close()
    assert await store.stat(created_states_key(tenant, "creator")) is None
    await creator.close()
    store.close()


async def test_a_results_page_reads_a_kept_state_and_shows_a_change_made_elsewhere(
    gateways: Gateways, owner: Caller
) -> None:
    """Results pages read a settled session as `GET /api/sessions/{id}` does: its mark
    alone once kept; a retry made through another gateway shows on the next page."""
    keys = await finished_session(gateways, owner.tenant)
    url = f"/api/sessions/{keys.session_id}/results"
    first = await gateways.lister.get(url)
    assert first.status_code == 200, first.text
    assert (first.json()["status"], first.json()["partial"]) == ("completed", False)
    gateways.watched.touched.clear()
    again = await gateways.lister.get(url)
    assert again.json() == first.json()
    # The session's folder, markers and final status are not read again.
    assert keys.prefix not in gateways.watched.touched
    assert keys.final_status not in gateways.watched.touched

    retried = await gateways.other.post(f"/api/sessions/{keys.session_id}/retry")
    assert retried.status_code == 202, retried.text
    after = (await gateways.lister.get(url)).json()
    assert (after["status"], after["partial"]) == ("queued", True)
