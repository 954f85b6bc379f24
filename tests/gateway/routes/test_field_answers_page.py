"""A session with custom fields: each row of a results page carries its field answers
(value, quote, source, confidence), which the dashboard shows; a row without answers and a
session without fields carry none."""

from __future__ import annotations

import httpx
import pytest

from shared.fields.model import FieldAnswer, FieldSpec, FieldType
from shared.layout import SessionKeys
from shared.models import SessionManifest
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.seed import result_row, seed_chunk
from tests.gateway.steps import new_session
from tests.sessions import seed_plan

pytestmark = pytest.mark.unit

CSV = b"Company,Website\nStreamForge,streamforge.com\nGone,gone.example\n"
FOUNDED = FieldAnswer(
    name="founded",
    value="2015",
    quote="<b>StreamForge</b> was founded in 2015.",
    source_url="https://streamforge.com/about",
    confidence=0.8,
)
SELLS_B2B = FieldAnswer(name="sells_b2b", value=True, quote="We sell to businesses.")


async def answered_session(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, with_fields: bool
) -> str:
    session_id = await new_session(client, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    if with_fields:
        manifest = await store.get_model(keys.manifest, SessionManifest)
        specs = [
            FieldSpec(name="founded", description="founded", type=FieldType.DATE),
            FieldSpec(name="sells_b2b", type=FieldType.BOOLEAN),
        ]
        options = manifest.options.model_copy(update={"custom_fields": specs})
        await store.put_model(keys.manifest, manifest.model_copy(update={"options": options}))
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=2, chunk_size=2)
    answered = result_row(
        0, "StreamForge", Custom_Fields=[FOUNDED, SELLS_B2B] if with_fields else []
    )
    await seed_chunk(store, keys, 0, [answered, result_row(1, "Gone")])
    return session_id


async def test_page_rows_carry_their_field_answers(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id = await answered_session(client, store, owner, with_fields=True)
    page = (await client.get(f"/api/sessions/{session_id}/results")).json()

    first, second = page["rows"]
    assert first["Custom_Fields"] == [a.model_dump(mode="json") for a in (FOUNDED, SELLS_B2B)]
    # Values keep their type: a yes/no answer stays a JSON boolean.
    assert first["Custom_Fields"][1]["value"] is True
    assert "Custom_Fields" not in second
    assert "Field: founded (quote)" in page["columns"]


async def test_a_session_without_fields_has_no_answers_in_its_rows(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id = await answered_session(client, store, owner, with_fields=False)
    page = (await client.get(f"/api/sessions/{session_id}/results")).json()

    assert all("Custom_Fields" not in row for row in page["rows"])
    assert not [name for name in page["columns"] if name.startswith("Field: ")]
