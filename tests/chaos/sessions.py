"""Sessions driven through the public API as a user's script would, and the checks every
scenario ends with: completed, and each input row exactly once in the final files."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import time
from collections.abc import Callable
from typing import Any

import httpx

Session = dict[str, Any]
# Each input row carries its number in a column of its own, which the result files keep.
REF = "Ref"


def companies_csv(rows: int) -> bytes:
    lines = [f"Company,{REF}", *(f"Company {n},{n}" for n in range(rows))]
    return ("\n".join(lines) + "\n").encode()


async def upload(client: httpx.AsyncClient, rows: int) -> str:
    files = {"file": ("companies.csv", companies_csv(rows), "text/csv")}
    response = await client.post("/api/sessions", files=files)
    assert response.status_code == 201, response.text
    session_id = response.json()["session_id"]
    assert isinstance(session_id, str)
    return session_id


async def start(client: httpx.AsyncClient, session_id: str) -> None:
    response = await client.post(f"/api/sessions/{session_id}/start")
    assert response.status_code == 202, response.text


async def create_and_start(client: httpx.AsyncClient, rows: int) -> str:
    session_id = await upload(client, rows)
    await start(client, session_id)
    return session_id


async def wait_for(
    client: httpx.AsyncClient,
    session_id: str,
    condition: Callable[[Session], bool],
    timeout: float,
    what: str,
) -> Session:
    """Poll the session until `condition` holds; answers other than 200 (a dependency
    away, the gateway restarting) only mean asking again."""
    deadline = time.monotonic() + timeout
    last: Session | str = "no answer yet"
    while time.monotonic() < deadline:
        try:
            response = await client.get(f"/api/sessions/{session_id}")
        except httpx.TransportError as exc:
            last = repr(exc)
        else:
            if response.status_code == 200:
                last = response.json()
                assert isinstance(last, dict)
                if condition(last):
                    return last
            else:
                last = f"{response.status_code} {response.text[:200]}"
        await asyncio.sleep(0.5)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}; last: {last}")


async def wait_chunks_done(
    client: httpx.AsyncClient, session_id: str, count: int, timeout: float = 90
) -> Session:
    return await wait_for(
        client,
        session_id,
        lambda s: s["status"] == "running" and s["chunks_done"] >= count,
        timeout,
        f"{count} chunks stored",
    )


async def wait_final(client: httpx.AsyncClient, session_id: str, timeout: float) -> Session:
    return await wait_for(
        client,
        session_id,
        lambda s: s["status"] in ("completed", "failed", "cancelled"),
        timeout,
        "the session to finish",
    )


async def download(client: httpx.AsyncClient, session_id: str, fmt: str) -> bytes:
    response = await client.get(f"/api/sessions/{session_id}/results", params={"format": fmt})
    assert response.status_code == 200, response.text[:500]
    return response.content


async def final_rows(client: httpx.AsyncClient, session_id: str) -> dict[str, list[dict[str, Any]]]:
    """The final result rows as the JSON and the CSV download give them."""
    parsed = json.loads(await download(client, session_id, "json"))
    as_csv = (await download(client, session_id, "csv")).decode("utf-8-sig")
    assert isinstance(parsed, list)
    return {"json": parsed, "csv": list(csv.DictReader(io.StringIO(as_csv)))}


async def assert_completed_with_every_row_once(
    client: httpx.AsyncClient, session_id: str, rows: int, timeout: float
) -> Session:
    """Completed, counted right, and rows 0..rows-1 each exactly once, enriched, in both
    the JSON and the CSV file."""
    final = await wait_final(client, session_id, timeout)
    assert final["status"] == "completed", final
    counters = final["counters"]
    assert (counters["total"], counters["done"], counters["failed"]) == (rows, rows, 0), final
    for fmt, found in (await final_rows(client, session_id)).items():
        refs = sorted(int(row[REF]) for row in found)
        assert refs == list(range(rows)), f"{fmt}: rows missing or doubled"
        statuses = {row["Row_Status"] for row in found}
        assert statuses == {"ok"}, f"{fmt}: {statuses}"
    return final
