"""Sessions made from a completed session's results (qualify), and what a person decided on
its rows left for review: the app on real SeaweedFS and RabbitMQ, the worker's objects
seeded."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import orjson
import pytest

from shared.broker.rabbit import RabbitBroker
from shared.broker.rabbit_topology import delete_topology
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import ChunkSummary, Counters, FinalStatus, SessionManifest
from shared.retry import RetryPlan
from shared.rows import ResultRow, RowStatus
from shared.rows_format import read_rows
from shared.storage.s3 import MinioStore, store_from_settings
from tests.gateway.conftest import Caller, MakeSettings, client_for, running_app
from tests.gateway.seed import result_row, seed_chunk, seed_final
from tests.gateway.steps import CRITERIA_CSV, new_session, send_criteria
from tests.sessions import seed_plan

pytestmark = pytest.mark.integration

# Qualification needs a model configured; these tests never reach it.
LLM = {"llm_base_url": "http://127.0.0.1:9/v1", "llm_model": "none"}
CSV = b"Company\nAcme\nGlobex\nInitech\n"


@pytest.fixture
async def gateway(
    real_settings: MakeSettings, owner: Caller
) -> AsyncIterator[tuple[httpx.AsyncClient, MinioStore]]:
    settings = real_settings(**LLM)
    amqp_url = settings.amqp_url.get_secret_value()
    store = store_from_settings(settings)
    broker = RabbitBroker(amqp_url, settings.topology)
    try:
        async with running_app(settings, store, broker) as app, client_for(app, owner) as http:
            yield http, store
    finally:
        store.close()
        await delete_topology(amqp_url, settings.topology)


async def finished_and_decided(
    http: httpx.AsyncClient,
    store: MinioStore,
    keys: SessionKeys,
    rows: list[ResultRow],
    decisions: tuple[str, ...],
) -> None:
    """`rows` stored as a completed one-chunk session, then a person's decision on each of
    the first rows in turn, through the API."""
    await seed_plan(store, keys, total=len(rows), chunk_size=len(rows))
    await seed_chunk(store, keys, 0, rows)
    await seed_final(store, keys, SessionStatus.COMPLETED, rows, ["Company"])
    for row, decision in enumerate(decisions):
        answer = await http.post(
            f"/api/sessions/{keys.session_id}/rows/{row}/review", json={"decision": decision}
        )
        assert answer.status_code == 200, answer.text


async def reviewed_session(http: httpx.AsyncClient, store: MinioStore, owner: Caller) -> str:
    """A completed session of three rows: two left for review, one enriched."""
    session_id = await new_session(http, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    assert (await http.post(f"/api/sessions/{session_id}/start")).status_code == 202
    rows = [
        result_row(
            0,
            "Acme",
            original={"Company": "Acme"},
            Official_Website="",
            Row_Status=RowStatus.NEEDS_REVIEW,
            Review_Candidates="website: https://acme-corp.example/ (0.7; title matches)",
        ),
        result_row(
            1,
            "Globex",
            original={"Company": "Globex"},
            Official_Website="",
            Row_Status=RowStatus.NEEDS_REVIEW,
            Review_Candidates="website: https://globex.example/ (0.65; named)",
        ),
        result_row(2, "Initech", original={"Company": "Initech"}),
    ]
    await finished_and_decided(http, store, keys, rows, ("accept", "reject"))
    return session_id


async def test_a_qualify_session_takes_the_rows_as_a_person_decided_them(
    gateway: tuple[httpx.AsyncClient, MinioStore], owner: Caller
) -> None:
    http, store = gateway
    source = await reviewed_session(http, store, owner)
    assert (await send_criteria(http, CRITERIA_CSV, "cdn.csv")).status_code == 201

    answer = await http.post(f"/api/sessions/{source}/qualify", json={"criteria": ["cdn"]})
    assert answer.status_code == 201, answer.text
    keys = SessionKeys(owner.tenant, answer.json()["session_id"])
    rows = read_rows(await store.get_bytes(keys.rows))
    # The accepted website is qualified; the rejected one stays without a website.
    assert [(row.name, row.website) for row in rows] == [
        ("Acme", "https://acme-corp.example/"),
        ("Globex", None),
        ("Initech", "https://initech.example"),
    ]
    preview = (await http.get(f"/api/sessions/{keys.session_id}/preview")).json()
    assert preview["rows"][0]["website"] == "https://acme-corp.example/"


async def test_a_second_decision_on_a_row_is_refused_naming_the_first(
    gateway: tuple[httpx.AsyncClient, MinioStore], owner: Caller
) -> None:
    http, store = gateway
    source = await reviewed_session(http, store, owner)
    again = await http.post(f"/api/sessions/{source}/rows/0/review", json={"decision": "reject"})
    assert (again.status_code, again.json()["code"]) == (409, "row_not_in_review")
    message = again.json()["message"]
    assert message.startswith("row 0 was already decided: a person chose accept at "), message
    enriched = await http.post(f"/api/sessions/{source}/rows/2/review", json={"decision": "accept"})
    assert enriched.json()["message"] == "row 2 is ok, not needs_review"


async def test_a_qualify_session_calls_the_tenants_default_webhook(
    gateway: tuple[httpx.AsyncClient, MinioStore], owner: Caller
) -> None:
    http, store = gateway
    hook = "https://hooks.example.com/dossier"
    assert (await http.put("/api/webhook", json={"url": hook})).status_code == 200
    source = await reviewed_session(http, store, owner)
    assert (await send_criteria(http, CRITERIA_CSV, "cdn.csv")).status_code == 201

    answer = await http.post(f"/api/sessions/{source}/qualify", json={"criteria": ["cdn"]})
    assert answer.status_code == 201, answer.text
    assert answer.json()["options"]["webhook_url"] == hook
    keys = SessionKeys(owner.tenant, answer.json()["session_id"])
    assert (await store.get_model(keys.manifest, SessionManifest)).options.webhook_url == hook


async def test_a_duplicate_of_a_row_cancelled_before_it_ran_says_so(
    gateway: tuple[httpx.AsyncClient, MinioStore], owner: Caller
) -> None:
    http, store = gateway
    session_id = await new_session(http, b"Company\nAcme\nGlobex\nAcme Again\n")
    keys = SessionKeys(owner.tenant, session_id)
    assert (await http.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=3, chunk_size=2)
    cancelled = result_row(0, "Acme", Official_Website="", Row_Status=RowStatus.CANCELLED)
    await seed_chunk(store, keys, 0, [cancelled, result_row(1, "Globex")])
    duplicate = result_row(
        2, "Acme Again", Official_Website="", Row_Status=RowStatus.DUPLICATE, duplicate_of=0
    )
    await seed_chunk(store, keys, 1, [duplicate])
    assert (await http.post(f"/api/sessions/{session_id}/cancel")).status_code == 202

    note = "duplicate of row 1, which was cancelled before it ran"
    page = (await http.get(f"/api/sessions/{session_id}/results")).json()["rows"]
    assert (page[2]["Row_Status"], page[2]["Notes"]) == ("duplicate", note)
    table = (await http.get(f"/api/sessions/{session_id}/results", params={"format": "csv"})).text
    rows = list(csv.DictReader(io.StringIO(table.lstrip("\ufeff"))))
    assert (rows[2]["Row_Status"], rows[2]["Notes"]) == ("duplicate", note)


async def _decided_session(
    http: httpx.AsyncClient, store: MinioStore, owner: Caller, accept_website: bool
) -> SessionKeys:
    """Three rows left for review, all decided: a website candidate accepted (or, without
    `accept_website`, rejected too), a website candidate rejected, and a LinkedIn page
    alone accepted."""
    session_id = await new_session(http, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    assert (await http.post(f"/api/sessions/{session_id}/start")).status_code == 202
    candidates = (
        "website: https://acme-corp.example/ (0.7; title matches)",
        "website: https://globex.example/ (0.65; named)",
        "LinkedIn: https://www.linkedin.com/company/initech (0.6; named)",
    )
    rows = [
        result_row(
            n,
            name,
            original={"Company": name},
            Official_Website="",
            Row_Status=RowStatus.NEEDS_REVIEW,
            Review_Candidates=text,
        )
        for n, (name, text) in enumerate(
            zip(("Acme", "Globex", "Initech"), candidates, strict=True)
        )
    ]
    decisions = ("accept" if accept_website else "reject", "reject", "accept")
    await finished_and_decided(http, store, keys, rows, decisions)
    return keys


async def test_a_retry_of_accepted_rows_takes_only_accepted_websites(
    gateway: tuple[httpx.AsyncClient, MinioStore], owner: Caller
) -> None:
    http, store = gateway
    none = await _decided_session(http, store, owner, accept_website=False)
    retry = f"/api/sessions/{none.session_id}/retry"
    # Rejected rows never run again; an accepted LinkedIn page alone gives no website.
    answer = await http.post(retry, json={"reviewed": ["accepted"]})
    assert (answer.status_code, answer.json()["code"]) == (409, "nothing_to_retry"), answer.text
    bad = await http.post(retry, json={"reviewed": ["rejected"]})
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_reviewed"), bad.text
    empty = await http.post(retry, json={"reviewed": []})
    assert (empty.status_code, empty.json()["code"]) == (422, "invalid_request"), empty.text
    assert not await store.list_objects(none.prefix + "retries/")

    keys = await _decided_session(http, store, owner, accept_website=True)
    # The counters as the worker stores them: all three rows left for review.
    final = await store.get_model(keys.final_status, FinalStatus)
    in_review = Counters(total=3, done=3, needs_review=3)
    await store.put_model(keys.final_status, final.model_copy(update={"counters": in_review}))
    first = await store.get_model(keys.chunk_done(0), ChunkSummary)
    await store.put_model(keys.chunk_done(0), first.model_copy(update={"counters": in_review}))
    state = (await http.get(f"/api/sessions/{keys.session_id}")).json()
    assert (state["counters"]["needs_review"], state["counters"]["not_found"]) == (0, 1)
    answer = await http.post(
        f"/api/sessions/{keys.session_id}/retry", json={"reviewed": ["accepted"]}
    )
    assert answer.status_code == 202, answer.text
    stored = orjson.loads(await store.get_bytes(keys.retry_request(1)))
    assert (stored["statuses"], stored["reviewed"]) == ([], ["accepted"])
    assert "steps" not in stored

    # The round runs: until it stores the accepted row's chunk, every decision holds.
    plan = RetryPlan(round=1, chunks=[0], rows=1, planned_at=datetime.now(UTC))
    await store.put_model(keys.in_round(1).plan, plan)
    running = (await http.get(f"/api/sessions/{keys.session_id}")).json()
    assert running["status"] == "running"
    assert (running["counters"]["needs_review"], running["counters"]["not_found"]) == (0, 1)
    redone = result_row(0, "Acme", Official_Website="https://acme-corp.example/", attempts=2)
    kept = [
        result_row(
            n,
            name,
            original={"Company": name},
            Official_Website="",
            Row_Status=RowStatus.NEEDS_REVIEW,
            Review_Candidates=text,
        )
        for n, name, text in (
            (1, "Globex", "website: https://globex.example/ (0.65; named)"),
            (2, "Initech", "LinkedIn: https://www.linkedin.com/company/initech (0.6; named)"),
        )
    ]
    await seed_chunk(store, keys.in_round(1), 0, [redone, *kept])
    summary = await store.get_model(keys.in_round(1).chunk_done(0), ChunkSummary)
    counted = summary.model_copy(update={"counters": Counters(total=3, done=3, needs_review=2)})
    await store.put_model(keys.in_round(1).chunk_done(0), counted)
    # Stored, the row counts as the run left it; the other two decisions still hold.
    ran = (await http.get(f"/api/sessions/{keys.session_id}")).json()
    assert ran["status"] == "running"
    assert ran["counters"]["needs_review"] == 0, ran["counters"]
    assert (ran["counters"]["not_found"], ran["counters"]["done"]) == (1, 3)
    page = (await http.get(f"/api/sessions/{keys.session_id}/results")).json()["rows"]
    assert [(r["Row_Status"], r["Attempts"]) for r in page] == [
        ("ok", 2),
        ("not_found", 1),
        ("ok", 1),
    ]
    assert "review: a person" not in page[0]["Notes"]


async def test_a_retry_not_naming_reviewed_rows_is_stored_as_before(
    gateway: tuple[httpx.AsyncClient, MinioStore], owner: Caller
) -> None:
    http, store = gateway
    decided = await _decided_session(http, store, owner, accept_website=True)
    # Every row is decided: by status alone nothing runs, accepted or not.
    refused = await http.post(
        f"/api/sessions/{decided.session_id}/retry", json={"statuses": ["needs_review"]}
    )
    assert (refused.status_code, refused.json()["code"]) == (409, "nothing_to_retry")
    session_id = await reviewed_session(http, store, owner)
    keys = SessionKeys(owner.tenant, session_id)
    answer = await http.post(
        f"/api/sessions/{session_id}/retry", json={"statuses": ["ok"], "steps": ["hubspot"]}
    )
    assert answer.status_code == 202, answer.text
    stored = orjson.loads(await store.get_bytes(keys.retry_request(1)))
    assert set(stored) == {"round", "statuses", "requested_at", "steps"}
