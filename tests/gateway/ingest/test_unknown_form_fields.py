"""A form field the endpoint does not define is refused, naming it and the accepted ones,
wherever it sits in the body; nothing is stored. Every in-repo sender sends only fields
the endpoints accept."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from client import ClientConfig, DossierClient
from gateway.openapi.upload_form import CREATE_FIELDS, CRITERIA_FIELDS, CRITERIA_REPLACE_FIELDS
from shared.layout import tenant_criteria_prefix, tenant_sessions_prefix
from shared.storage.memory import MemoryStore
from tests.gateway import corpus
from tests.gateway.conftest import Caller
from tests.gateway.steps import CRITERIA_CSV, send_criteria

pytestmark = pytest.mark.unit

STATIC = Path(__file__).resolve().parents[3] / "gateway" / "static"
CSV = b"Company,Website\nCapcom,capcom.com\nKrafton,\n"
# Large enough to arrive in many chunks: the unknown field after it is read last.
BIG_CSV = b"Company,Website\n" + b"".join(
    b"Company %d,company%d.example\n" % (i, i) for i in range(60_000)
)
# A multipart part: (field, (file name or None for a text field, content, content type)).
Part = tuple[str, tuple[str | None, bytes | str, str | None]]
XLSX = corpus.xlsx({"Leads": [["Company", "Website"], ["Capcom", "capcom.com"]]})


async def nothing_stored(store: MemoryStore, owner: Caller) -> bool:
    sessions = await store.list_objects(tenant_sessions_prefix(owner.tenant))
    criteria = await store.list_objects(tenant_criteria_prefix(owner.tenant))
    return not sessions and not criteria


def refusal(response: httpx.Response) -> tuple[int, str, str]:
    body = response.json()
    return response.status_code, body["code"], body["message"]


@pytest.mark.parametrize(
    ("field", "meant"),
    [
        ("contxt_text", "context_text"),
        ("website_col", None),
        ("use_cach", "use_cache"),
        ("Context_Text", "context_text"),
        ("webhook", "webhook_url"),
        ("", None),
    ],
)
@pytest.mark.parametrize("content", [CSV, XLSX], ids=["csv", "xlsx"])
@pytest.mark.parametrize("place", ["before", "after"])
async def test_an_unknown_field_is_refused_and_nothing_stored(
    client: httpx.AsyncClient,
    store: MemoryStore,
    owner: Caller,
    field: str,
    meant: str | None,
    content: bytes,
    place: str,
) -> None:
    file: Part = ("file", ("list.csv", content, "application/octet-stream"))
    extra: Part = (field, (None, "Game publishers", None))
    parts = [extra, file] if place == "before" else [file, extra]
    status, code, message = refusal(await client.post("/api/sessions", files=parts))
    assert (status, code) == (422, "unknown_form_field")
    assert f"`{field}`" in message
    assert all(name in message for name in CREATE_FIELDS)
    assert (f"did you mean `{meant}`" in message) == (meant is not None)
    assert await nothing_stored(store, owner)


async def test_an_unknown_field_after_a_large_streamed_file_leaves_nothing(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    parts: list[Part] = [
        ("context_text", (None, "Game publishers", None)),
        ("file", ("big.csv", BIG_CSV, "text/csv")),
        ("website_col", (None, "Website", None)),
        ("contxt_text", (None, "typo", None)),
    ]
    status, code, message = refusal(await client.post("/api/sessions", files=parts))
    assert (status, code) == (422, "unknown_form_field")
    assert "`website_col`" in message
    assert "`contxt_text`" in message
    assert await nothing_stored(store, owner)


async def test_a_file_sent_under_another_name_is_named_in_the_refusal(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    response = await client.post("/api/sessions", files={"upload": ("a.csv", CSV)})
    status, code, message = refusal(response)
    assert (status, code) == (422, "unknown_form_field")
    assert "`upload`" in message
    assert await nothing_stored(store, owner)


async def test_every_documented_field_is_accepted(client: httpx.AsyncClient) -> None:
    values = {
        "context_text": "Game publishers",
        "run_llm_deep_search_pipeline": "false",
        "write_to_hubspot": "false",
        "use_hubspot_integration": "false",
        "use_cache": "true",
        "sheet": "",
        "criteria": "",
        "products": "",
        "custom_fields": "",
        "field_set": "",
        "webhook_url": "",
    }
    assert set(values) | {"file"} == set(CREATE_FIELDS)
    response = await client.post("/api/sessions", files={"file": ("list.csv", CSV)}, data=values)
    assert response.status_code == 201, response.text
    assert response.json()["input"]["rows"] == 2


@pytest.mark.parametrize("method", ["POST", "PUT"])
async def test_a_criteria_upload_refuses_unknown_fields_too(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, method: str
) -> None:
    if method == "PUT":
        assert (await send_criteria(client, CRITERIA_CSV, "cdn.csv")).status_code == 201
        before = await store.list_objects(tenant_criteria_prefix(owner.tenant))
    path = "/api/criteria" if method == "POST" else "/api/criteria/cdn"
    response = await send_criteria(client, CRITERIA_CSV, "cdn.csv", method, path, nmae="cdn")
    status, code, message = refusal(response)
    assert (status, code) == (422, "unknown_form_field")
    assert "`nmae` (did you mean `name`?)" in message
    if method == "POST":
        assert await nothing_stored(store, owner)
    else:
        assert await store.list_objects(tenant_criteria_prefix(owner.tenant)) == before
    named = await send_criteria(client, CRITERIA_CSV, "x.csv", method, path, name="cdn")
    assert named.status_code == (201 if method == "POST" else 200), named.text


def appended_fields(script: str) -> set[str]:
    """The field names a dashboard script puts in a FormData: appended literally, or the
    ids of its option switches (appended under their input's name, which is the id)."""
    text = (STATIC / "views" / script).read_text()
    names = set(re.findall(r"\b(?:data|form)\.append\(\"([^\"]+)\"", text))
    names |= set(re.findall(r"(?<![.\w])toggle\(\"([^\"]+)\"", text))
    return names


def test_the_dashboard_sends_only_accepted_fields() -> None:
    create = appended_fields("new-session.js")
    assert {"file", "context_text", "use_cache", "criteria", "webhook_url"} <= create
    assert create <= set(CREATE_FIELDS)
    assert {"file", "name"} == appended_fields("criteria-list.js") <= set(CRITERIA_FIELDS)
    assert appended_fields("criteria-actions.js") <= set(CRITERIA_REPLACE_FIELDS)


def test_the_client_sends_only_accepted_fields(tmp_path: Path) -> None:
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        body = request.read()
        sent.extend(n.decode() for n in re.findall(rb'; name="([^"]*)"', body))
        return httpx.Response(201, json={"session_id": "0" * 32})

    path = tmp_path / "list.csv"
    path.write_bytes(CSV)
    config = ClientConfig(api_url="http://gateway.test", api_key="k")
    with DossierClient(config, transport=httpx.MockTransport(answer)) as dossier:
        dossier.create_session(
            path,
            context="Game publishers",
            deep_search=True,
            hubspot_read=True,
            hubspot_write=True,
            sheet="Leads",
            custom_fields=[{"name": "size", "description": "headcount", "type": "number"}],
            field_set="fs1",
            webhook_url="https://hooks.example/x",
        )
    assert len(sent) == 9
    assert set(sent) <= set(CREATE_FIELDS)
