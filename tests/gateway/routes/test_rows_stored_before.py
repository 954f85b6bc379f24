"""Sessions whose rows were stored before format 3 (an `InputRow` object a line) are shown
and changed as before."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from shared.layout import SessionKeys
from shared.rows_format import read_rows
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.steps import new_session

pytestmark = pytest.mark.unit

CSV = (
    b"Company,Website,Country,Brand\n"
    b"Capcom Co Ltd,capcom.com,Japan,Capcom\n"
    b"Krafton Inc,,Korea,PUBG Studios\n"
    b"Sega Sammy Holdings,sega.com,Japan,Sega,extra\n"
)


async def preview_rows(client: httpx.AsyncClient, session_id: str) -> list[dict[str, Any]]:
    response = await client.get(f"/api/sessions/{session_id}/preview")
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["rows"]
    return rows


@pytest.mark.parametrize("exclude", [None, {"facts"}], ids=["format-2", "format-1"])
async def test_rows_stored_before_are_previewed_and_rewritten_when_columns_change(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, exclude: set[str] | None
) -> None:
    session_id = await new_session(client, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    rows = read_rows(await store.get_bytes(keys.rows))
    assert rows[0].facts == {"country": "Japan"}
    shown = await preview_rows(client, session_id)
    before = b"".join(row.model_dump_json(exclude=exclude).encode() + b"\n" for row in rows)
    await store.put_bytes(keys.rows, before, "application/x-ndjson")

    old = await preview_rows(client, session_id)

    if exclude:
        shown = [row | {"facts": {}} for row in shown]
    assert old == shown
    assert old[2]["original"]["Column_5"] == "extra"
    assert (old[1]["name"], old[1]["website"]) == ("Krafton Inc", None)

    changed = await client.put(f"/api/sessions/{session_id}/columns", json={"name_column": "Brand"})
    assert changed.status_code == 200, changed.text
    assert [row.name for row in read_rows(await store.get_bytes(keys.rows))] == [
        "Capcom",
        "PUBG Studios",
        "Sega",
    ]
    assert (await store.get_bytes(keys.rows)).startswith(b'{"rows_format":3,')
