"""Qualification as a session option: criteria chosen at creation with their snapshot, and a
completed session's results qualified in a new session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from gateway.settings import GatewaySettings
from shared.criteria.model import CriteriaFile, SessionCriteria
from shared.layout import SessionKeys, criteria_key, tenant_sessions_prefix
from shared.lifecycle import SessionStatus
from shared.models import SessionManifest
from shared.rows import InputRow
from shared.rows_format import read_rows
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import AppOnTwins, Caller, MakeSettings, client_for, upload
from tests.gateway.seed import result_row, seed_chunk, seed_final
from tests.gateway.steps import CRITERIA_CSV, CRITERIA_HEADER, CSV, new_session, send_criteria
from tests.sessions import seed_plan

pytestmark = pytest.mark.unit

SECURITY = (
    CRITERIA_HEADER + "WAF,,General,Sells online,website,,\n,Banks,Qualification,Is a bank,,,\n"
)
JSON = {"Content-Type": "application/json"}
LLM = {"llm_base_url": "http://127.0.0.1:9/v1", "llm_model": "none"}


class RecordingStore(MemoryStore):
    """Remembers the order objects were written in."""

    def __init__(self) -> None:
        super().__init__()
        self.written: list[str] = []

    def _write(self, key: str, data: bytes, content_type: str) -> None:
        self.written.append(key)
        super()._write(key, data, content_type)


@pytest.fixture
def store() -> RecordingStore:
    return RecordingStore()


@pytest.fixture
def gateway_settings(make_settings: MakeSettings) -> GatewaySettings:
    return make_settings(**LLM)


@pytest.fixture
async def with_criteria(client: httpx.AsyncClient) -> httpx.AsyncClient:
    assert (await send_criteria(client, CRITERIA_CSV, "cdn.csv")).status_code == 201
    assert (await send_criteria(client, SECURITY.encode(), "security.csv")).status_code == 201
    return client


@pytest.fixture
async def without_llm(
    make_settings: MakeSettings, app_on_twins: AppOnTwins, owner: Caller
) -> AsyncIterator[httpx.AsyncClient]:
    async with app_on_twins(make_settings()) as app, client_for(app, owner) as http:
        yield http


def session_keys(owner: Caller, response: httpx.Response) -> SessionKeys:
    return SessionKeys(owner.tenant, response.json()["session_id"])


async def test_capabilities_tell_whether_sessions_can_qualify(
    client: httpx.AsyncClient, without_llm: httpx.AsyncClient
) -> None:
    assert (await client.get("/api/capabilities")).json()["qualification"] is True
    assert (await without_llm.get("/api/capabilities")).json()["qualification"] is False


async def test_a_session_with_criteria_keeps_a_snapshot_written_before_its_manifest(
    with_criteria: httpx.AsyncClient, store: RecordingStore, owner: Caller
) -> None:
    created = await upload(with_criteria, CSV, criteria=" cdn , security,cdn", products="cdn")
    assert created.status_code == 201, created.text
    assert created.json()["options"]["qualification"] == {
        "criteria": ["cdn", "security"],
        "products": ["CDN"],  # as the file spells it
        "qualify_only": False,
    }
    keys = session_keys(owner, created)
    snapshot = await store.get_model(keys.criteria, SessionCriteria)
    files = [
        await store.get_model(criteria_key(owner.tenant, n), CriteriaFile)
        for n in ("cdn", "security")
    ]
    assert snapshot == SessionCriteria(files=files, products=["CDN"])
    session_objects = [key for key in store.written if key.startswith(keys.prefix)]
    assert session_objects[-2:] == [keys.criteria, keys.manifest]
    manifest = await store.get_model(keys.manifest, SessionManifest)
    assert manifest.options.qualification is not None


async def test_later_edits_of_a_file_leave_the_snapshot_as_it_was(
    with_criteria: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    created = await upload(with_criteria, CSV, criteria="cdn")
    keys = session_keys(owner, created)
    before = await store.get_bytes(keys.criteria)
    newer = CRITERIA_HEADER.encode() + b"Edge,,General,Runs a website,website,,\n"
    assert (
        await send_criteria(with_criteria, newer, method="PUT", path="/api/criteria/cdn")
    ).status_code == 200
    assert (await with_criteria.delete("/api/criteria/security")).status_code == 204
    assert await store.get_bytes(keys.criteria) == before
    assert SessionCriteria.model_validate_json(before).products == []


async def test_a_session_without_criteria_has_no_snapshot(
    with_criteria: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    created = await upload(with_criteria, CSV, criteria=" , ")
    assert created.status_code == 201, created.text
    assert created.json()["options"]["qualification"] is None
    assert not await store.exists(session_keys(owner, created).criteria)


@pytest.mark.parametrize(
    ("fields", "code", "named"),
    [
        ({"criteria": "cdn,nothing,absent"}, "criteria_not_found", "nothing, absent"),
        ({"criteria": "cdn", "products": "CDN,Hosting"}, "product_not_found", "Hosting"),
        ({"criteria": "cdn", "products": "WAF"}, "product_not_found", "their products: CDN"),
        ({"criteria": "cdn,-bad"}, "invalid_criteria_name", "criteria name"),
        ({"products": "CDN"}, "invalid_option", "criteria"),
        ({"criteria": ",".join(f"c{n}" for n in range(51))}, "invalid_option", "at most 50"),
    ],
)
async def test_unknown_criteria_and_products_are_refused_naming_them(
    with_criteria: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    fields: dict[str, str],
    code: str,
    named: str,
) -> None:
    response = await upload(with_criteria, CSV, **fields)
    assert (response.status_code, response.json()["code"]) == (422, code), response.text
    assert named in response.json()["message"]
    assert await store.list_objects(tenant_sessions_prefix(owner.tenant)) == []


async def test_criteria_need_a_language_model(
    without_llm: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    kept = await send_criteria(without_llm, CRITERIA_CSV, "cdn.csv")
    assert kept.status_code == 201  # files need no model, only sessions do
    response = await upload(without_llm, CSV, criteria="cdn")
    assert (response.status_code, response.json()["code"]) == (422, "option_unavailable")
    assert "LLM" in response.json()["message"]
    assert await store.list_objects(tenant_sessions_prefix(owner.tenant)) == []


async def test_another_tenants_criteria_cannot_be_chosen(
    with_criteria: httpx.AsyncClient, other_client: httpx.AsyncClient
) -> None:
    response = await upload(other_client, CSV, criteria="cdn")
    assert (response.status_code, response.json()["code"]) == (422, "criteria_not_found")


ORIGINALS = [
    {"Company": "Capcom", "Website": "capcom.com", "Group": "A"},
    {"Company": "Krafton Inc", "Website": "", "Group": "B"},
    {"Company": "Capcom Japan", "Website": "capcom.co.jp", "Group": "C"},
]


async def completed_session(
    http: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> SessionKeys:
    """Three rows in chunks of two, finished; the third repeats the first's domain."""
    content = (
        b"Company,Website,Group\nCapcom,capcom.com,A\nKrafton Inc,,B\nCapcom Japan,capcom.co.jp,C\n"
    )
    session_id = await new_session(http, content)
    await store.put_bytes(SessionKeys(owner.tenant, session_id).context, b"Game publishers")
    keys = SessionKeys(owner.tenant, session_id)
    assert (await http.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=3, chunk_size=2)
    first = result_row(
        0, "Capcom", original=ORIGINALS[0], Official_Website="https://www.capcom.com/"
    )
    second = result_row(
        1, "Krafton", original=ORIGINALS[1], Official_Website="https://krafton.com/"
    )
    third = result_row(
        2, "Capcom Japan", original=ORIGINALS[2], Row_Status="duplicate", duplicate_of=0
    )
    await seed_chunk(store, keys, 0, [first, second])
    await seed_chunk(store, keys, 1, [third])
    await seed_final(
        store, keys, SessionStatus.COMPLETED, [first, second, third], list(ORIGINALS[0])
    )
    return keys


async def rows_of(store: MemoryStore, keys: SessionKeys) -> list[InputRow]:
    return read_rows(await store.get_bytes(keys.rows))


async def test_qualifying_a_completed_session_makes_a_new_session_of_its_results(
    with_criteria: httpx.AsyncClient, store: RecordingStore, owner: Caller
) -> None:
    source = await completed_session(with_criteria, store, owner)
    answer = await with_criteria.post(
        f"/api/sessions/{source.session_id}/qualify", json={"criteria": ["cdn"], "products": []}
    )
    assert answer.status_code == 201, answer.text
    view = answer.json()
    assert view["session_id"] != source.session_id
    assert view["status"] == "created"
    assert view["options"]["qualification"] == {
        "criteria": ["cdn"],
        "products": [],
        "qualify_only": True,
    }
    assert (view["options"]["run_llm_deep_search_pipeline"], view["counters"]["total"]) == (
        False,
        3,
    )
    assert view["input"] | {"size_bytes": 0} == {
        "filename": f"results-{source.session_id}.csv",
        "format": "csv",
        "size_bytes": 0,
        "sheet": None,
        "sheets": [],
        "encoding": "utf-8-sig",
        "delimiter": ",",
        "has_header": True,
        "columns": ["Company", "Website", "Group"],
        "name_column": "Company_Name",
        "website_column": "Official_Website",
        "rows": 3,
        "blank_rows_skipped": 0,
        "summary_rows_skipped": 0,
        "duplicate_domains": 1,
        "fact_columns": {},
    }
    # Kept from its creation: listed as created, as its objects say.
    listed = (await with_criteria.get("/api/sessions")).json()["items"]
    assert [item for item in listed if item["session_id"] == view["session_id"]] == [view]
    fixed = await with_criteria.put(
        f"/api/sessions/{view['session_id']}/columns", json={"name_column": "Company"}
    )
    assert (fixed.status_code, fixed.json()["code"]) == (409, "columns_fixed")
    keys = session_keys(owner, answer)
    assert await rows_of(store, keys) == [
        InputRow(row=0, name="Capcom", website="https://www.capcom.com/", original=ORIGINALS[0]),
        InputRow(row=1, name="Krafton", website="https://krafton.com/", original=ORIGINALS[1]),
        # A duplicate is filled from its first occurrence, keeping its own name and columns.
        InputRow(
            row=2, name="Capcom Japan", website="https://www.capcom.com/", original=ORIGINALS[2]
        ),
    ]
    assert await store.get_bytes(keys.context) == b"Game publishers"
    input_file = await store.get_bytes(keys.input_file(f"results-{source.session_id}.csv"))
    assert input_file == await store.get_bytes(source.final_results("csv"))
    snapshot = await store.get_model(keys.criteria, SessionCriteria)
    assert [f.name for f in snapshot.files] == ["cdn"]
    session_objects = [key for key in store.written if key.startswith(keys.prefix)]
    assert session_objects[-2:] == [keys.criteria, keys.manifest]

    preview = (await with_criteria.get(f"/api/sessions/{keys.session_id}/preview")).json()
    assert [row["name"] for row in preview["rows"]] == ["Capcom", "Krafton", "Capcom Japan"]
    started = await with_criteria.post(f"/api/sessions/{keys.session_id}/start")
    assert (started.status_code, started.json()["status"]) == (202, "queued")
    archive = await with_criteria.get(f"/api/sessions/{keys.session_id}/download_archive")
    assert archive.status_code == 200


async def test_only_a_completed_session_can_be_qualified(
    with_criteria: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id = await new_session(with_criteria)
    before = await store.list_objects(tenant_sessions_prefix(owner.tenant))
    for _ in ("created", "queued"):
        response = await with_criteria.post(
            f"/api/sessions/{session_id}/qualify", json={"criteria": ["cdn"]}
        )
        assert (response.status_code, response.json()["code"]) == (409, "session_not_completed")
        await with_criteria.post(f"/api/sessions/{session_id}/start")
    await with_criteria.post(f"/api/sessions/{session_id}/cancel")
    cancelled = await with_criteria.post(
        f"/api/sessions/{session_id}/qualify", json={"criteria": ["cdn"]}
    )
    assert (cancelled.status_code, cancelled.json()["code"]) == (409, "session_not_completed")
    after = await store.list_objects(tenant_sessions_prefix(owner.tenant))
    assert {i.key for i in after} - {i.key for i in before} == {
        SessionKeys(owner.tenant, session_id).start_marker,
        SessionKeys(owner.tenant, session_id).cancel_marker,
    }


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"criteria": ["nothing"]}, "criteria_not_found"),
        ({"criteria": ["cdn"], "products": ["WAF"]}, "product_not_found"),
        ({"criteria": ["../cdn"]}, "invalid_criteria_name"),
        ({"criteria": []}, "invalid_request"),
        ({"products": ["CDN"]}, "invalid_request"),
        ({"criteria": ["cdn"], "extra": 1}, "invalid_request"),
        ({"criteria": "cdn"}, "invalid_request"),
    ],
)
async def test_a_qualify_request_with_bad_criteria_is_refused(
    with_criteria: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    body: dict[str, Any],
    code: str,
) -> None:
    source = await completed_session(with_criteria, store, owner)
    before = await store.list_children(tenant_sessions_prefix(owner.tenant))
    response = await with_criteria.post(f"/api/sessions/{source.session_id}/qualify", json=body)
    assert (response.status_code, response.json()["code"]) == (422, code), response.text
    assert await store.list_children(tenant_sessions_prefix(owner.tenant)) == before


async def test_qualifying_needs_a_language_model(
    without_llm: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    assert (await send_criteria(without_llm, CRITERIA_CSV, "cdn.csv")).status_code == 201
    source = await completed_session(without_llm, store, owner)
    response = await without_llm.post(
        f"/api/sessions/{source.session_id}/qualify", json={"criteria": ["cdn"]}
    )
    assert (response.status_code, response.json()["code"]) == (422, "option_unavailable")


async def test_an_unknown_or_foreign_session_is_404(
    with_criteria: httpx.AsyncClient,
    other_client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
) -> None:
    source = await completed_session(with_criteria, store, owner)
    for http, session_id in ((with_criteria, "f" * 32), (other_client, source.session_id)):
        response = await http.post(
            f"/api/sessions/{session_id}/qualify", json={"criteria": ["cdn"]}
        )
        assert (response.status_code, response.json()["code"]) == (404, "session_not_found")


async def test_a_body_that_is_not_json_or_too_large_is_refused(
    with_criteria: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    source = await completed_session(with_criteria, store, owner)
    url = f"/api/sessions/{source.session_id}/qualify"
    undecodable = await with_criteria.post(url, content=b"\xff\xfe{", headers=JSON)
    assert (undecodable.status_code, undecodable.json()["code"]) == (422, "invalid_request")
    huge = {"criteria": ["cdn"], "products": ["x" * 200] * 400}
    too_large = await with_criteria.post(url, json=huge)
    assert (too_large.status_code, too_large.json()["code"]) == (413, "body_too_large")

    async def stream() -> AsyncIterator[bytes]:
        yield b'{"criteria": ["cdn"], "products": ['
        for _ in range(1000):
            yield b'"' + b"x" * 100 + b'",'
        yield b'"x"]}'

    undeclared = await with_criteria.post(url, content=stream(), headers=JSON)
    assert (undeclared.status_code, undeclared.json()["code"]) == (413, "body_too_large")
