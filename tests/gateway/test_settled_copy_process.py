"""`python -m gateway`, started before any of its sessions were written, answers its first
session list's settled sessions from the tenant's stored copy: what it shows of a session
comes from the copy unless the session's mark says it changed since."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from gateway.settled_copy import SettledCopies
from gateway.settled_states import SettledStates
from shared.layout import SessionKeys, tenant_sessions_prefix
from shared.lifecycle import SessionStatus
from shared.models import Counters, FinalStatus
from shared.settings import CommonSettings
from shared.status import SessionStateReader
from shared.storage.s3 import MinioStore
from tests.gateway.conftest import GatewayProcess
from tests.gateway.seed import now
from tests.sessions import seed_plan
from tests.worker.sessions import make_rows, seed_session

pytestmark = pytest.mark.e2e


async def ended(store: MinioStore, keys: SessionKeys, status: SessionStatus) -> None:
    final = FinalStatus(status=status, counters=Counters(total=2, done=2), finished_at=now())
    await store.put_model(keys.final_status, final)


@pytest.fixture
async def bucket(common_settings: CommonSettings) -> AsyncIterator[MinioStore]:
    """The gateway process's bucket."""
    secret = common_settings.s3_secret_key.get_secret_value()
    s3 = common_settings
    store = MinioStore(s3.s3_endpoint, s3.s3_access_key, secret, s3.s3_bucket)
    await store.ensure_bucket()
    yield store
    store.close()


async def test_a_gateway_process_lists_settled_sessions_from_the_stored_copy(
    gateway_process: GatewayProcess, bucket: MinioStore
) -> None:
    store, tenant = bucket, gateway_process.owner.tenant
    sessions = []
    for _ in range(2):
        keys = await seed_session(store, tenant, uuid.uuid4().hex, make_rows(2))
        await seed_plan(store, keys, total=2, chunk_size=2)
        await ended(store, keys, SessionStatus.COMPLETED)
        sessions.append(keys)
    unmarked, marked = sessions
    # Another gateway lists the tenant and stores the copy.
    other = SettledStates(store, SessionStateReader(store), copies=SettledCopies(store))
    ids = await store.list_children(tenant_sessions_prefix(tenant))
    await other.read(tenant, ids, await other.marks(tenant, ids))
    await other.settle()
    # Both change; only one change writes its mark, as every change through a gateway
    # does: the other stands for a gateway stopped between a change and its mark.
    for keys in sessions:
        await ended(store, keys, SessionStatus.FAILED)
    await other.changed(marked, "review")

    headers = gateway_process.owner.headers
    async with httpx.AsyncClient(base_url=gateway_process.url, headers=headers, timeout=30) as http:
        listed = await http.get("/api/sessions")
    assert listed.status_code == 200, listed.text
    statuses = {item["session_id"]: item["status"] for item in listed.json()["items"]}
    # The copy's state, read before the change: the process read nothing of this session.
    assert statuses[unmarked.session_id] == "completed"
    assert statuses[marked.session_id] == "failed"
