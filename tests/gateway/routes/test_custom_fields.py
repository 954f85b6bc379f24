"""Custom fields at upload and saved field sets: checked, refused without a model, stored
per tenant and copied into the session's options."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from shared.layout import field_sets_prefix, tenant_sessions_prefix
from shared.storage.memory import MemoryStore
from tests.gateway import corpus
from tests.gateway.conftest import AppOnTwins, Caller, MakeSettings, client_for, upload

pytestmark = pytest.mark.unit

FIELDS = [
    {"name": "employee_count", "description": "approximate headcount", "type": "number"},
    {"name": "segment", "type": "enum", "options": ["SMB", "Enterprise"]},
]


@pytest.fixture
async def llm_app(make_settings: MakeSettings, app_on_twins: AppOnTwins) -> AsyncIterator[FastAPI]:
    settings = make_settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="m")
    async with app_on_twins(settings) as app:
        yield app


@pytest.fixture
async def with_llm(llm_app: FastAPI, owner: Caller) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(llm_app, owner) as http:
        yield http


async def test_upload_with_fields_keeps_them_in_the_session_options(
    with_llm: httpx.AsyncClient,
) -> None:
    response = await upload(with_llm, corpus.UTF8_BOM, "ok.csv", custom_fields=json.dumps(FIELDS))
    assert response.status_code == 201, response.text
    options = response.json()["options"]
    assert [f["name"] for f in options["custom_fields"]] == ["employee_count", "segment"]
    assert options["custom_fields"][1]["options"] == ["SMB", "Enterprise"]


async def test_without_a_model_fields_are_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    response = await upload(client, corpus.UTF8_BOM, "ok.csv", custom_fields=json.dumps(FIELDS))
    assert (response.status_code, response.json()["code"]) == (422, "option_unavailable")
    assert await store.list_objects(tenant_sessions_prefix(owner.tenant)) == []


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"custom_fields": "[{"}, "invalid_fields"),
        ({"custom_fields": json.dumps([FIELDS[0], FIELDS[0]])}, "duplicate_field_name"),
        ({"custom_fields": json.dumps([{"name": "a", "type": "money"}])}, "unknown_field_type"),
        ({"custom_fields": json.dumps([{"name": f"f{n}"} for n in range(11)])}, "too_many_fields"),
        ({"custom_fields": json.dumps([{"name": "s", "type": "enum"}])}, "enum_without_options"),
        (
            {"custom_fields": json.dumps([{"name": "a", "description": "d" * 400}])},
            "field_description_too_long",
        ),
        ({"custom_fields": json.dumps(FIELDS), "field_set": "0" * 32}, "invalid_fields"),
        ({"field_set": "0" * 32}, "field_set_not_found"),
        ({"field_set": "../x"}, "field_set_not_found"),
    ],
)
async def test_bad_field_lists_are_refused_and_nothing_is_stored(
    with_llm: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    fields: dict[str, str],
    code: str,
) -> None:
    response = await upload(with_llm, corpus.UTF8_BOM, "ok.csv", **fields)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["code"] == code
    assert await store.list_objects(tenant_sessions_prefix(owner.tenant)) == []


async def test_a_saved_field_set_is_listed_replaced_used_at_upload_and_deleted(
    with_llm: httpx.AsyncClient, llm_app: FastAPI, stranger: Caller
) -> None:
    created = await with_llm.post("/api/field_sets", json={"name": "Sales", "fields": FIELDS})
    assert created.status_code == 201, created.text
    set_id = created.json()["id"]
    listed = (await with_llm.get("/api/field_sets")).json()["items"]
    assert [(s["id"], s["name"]) for s in listed] == [(set_id, "Sales")]

    replaced = await with_llm.put(
        f"/api/field_sets/{set_id}", json={"name": "Sales", "fields": FIELDS[:1]}
    )
    assert [f["name"] for f in replaced.json()["fields"]] == ["employee_count"]
    session = await upload(with_llm, corpus.UTF8_BOM, "ok.csv", field_set=set_id)
    assert session.status_code == 201, session.text
    assert [f["name"] for f in session.json()["options"]["custom_fields"]] == ["employee_count"]

    async with client_for(llm_app, stranger) as other:
        assert (await other.get(f"/api/field_sets/{set_id}")).json()["code"] == (
            "field_set_not_found"
        )
        assert (await other.get("/api/field_sets")).json()["items"] == []
    assert (await with_llm.delete(f"/api/field_sets/{set_id}")).status_code == 204
    assert (await with_llm.get(f"/api/field_sets/{set_id}")).status_code == 404


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"name": "Sales", "fields": [FIELDS[0], FIELDS[0]]}, "duplicate_field_name"),
        ({"name": "Sales", "fields": []}, "invalid_field_set"),
        ({"name": " ", "fields": FIELDS}, "invalid_field_set"),
        ({"fields": FIELDS}, "invalid_request"),
        ({"name": "Sales", "fields": FIELDS, "extra": 1}, "invalid_request"),
    ],
)
async def test_bad_field_sets_are_refused_and_nothing_is_stored(
    with_llm: httpx.AsyncClient, store: MemoryStore, owner: Caller, body: object, code: str
) -> None:
    response = await with_llm.post("/api/field_sets", json=body)
    assert (response.status_code, response.json()["code"]) == (422, code)
    assert await store.list_objects(field_sets_prefix(owner.tenant)) == []
