"""Result pages filtered by row status, confidence band and a search, and sorted: over every
stored row of the session, with the matching total, and every unknown value refused."""

from __future__ import annotations

from collections.abc import Sequence

import httpx
import pytest

from shared.layout import SessionKeys
from shared.rows import ResultRow, RowStatus
from shared.storage.memory import MemoryStore
from tests.gateway.conftest import Caller
from tests.gateway.seed import result_row, seed_chunk
from tests.gateway.steps import new_session
from tests.sessions import seed_plan

pytestmark = pytest.mark.unit

# name, website, status, confidence
ROWS: list[tuple[str, str, RowStatus, float | None]] = [
    ("Capcom", "https://www.capcom.com/", RowStatus.OK, 0.95),
    ("Krafton", "https://krafton.com/en", RowStatus.OK, 0.7),
    ("Sega Sammy", "", RowStatus.NOT_FOUND, None),
    ("Konami", "https://konami.com/", RowStatus.OK, 0.55),
    ("Atlus", "https://atlus.com/", RowStatus.DEAD_URL, 0.82),
    ("Bandai Namco", "https://bandainamco.example/", RowStatus.FAILED, None),
    ("capcom europe", "https://capcom-europe.example/", RowStatus.OK, 0.6),
]
CSV = b"Company\n" + b"".join(f"{name}\n".encode() for name, *_ in ROWS)


def seeded(index: int) -> ResultRow:
    name, website, status, confidence = ROWS[index]
    return result_row(
        index,
        name,
        Official_Website=website,
        Row_Status=status,
        Match_Confidence=confidence,
    )


@pytest.fixture
async def session_id(client: httpx.AsyncClient, store: MemoryStore, owner: Caller) -> str:
    """Seven rows in chunks of three, every chunk stored."""
    session_id = await new_session(client, CSV)
    keys = SessionKeys(owner.tenant, session_id)
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=len(ROWS), chunk_size=3)
    for chunk in range(3):
        indexes = range(chunk * 3, min(chunk * 3 + 3, len(ROWS)))
        await seed_chunk(store, keys, chunk, [seeded(i) for i in indexes])
    return session_id


Param = str | int | Sequence[str]


async def page(client: httpx.AsyncClient, session_id: str, **params: Param) -> dict[str, object]:
    response = await client.get(f"/api/sessions/{session_id}/results", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def names(body: dict[str, object]) -> list[str]:
    rows = body["rows"]
    assert isinstance(rows, list)
    return [row["Company_Name"] for row in rows]


async def test_status_filter_spans_every_chunk_and_counts_the_matches(
    client: httpx.AsyncClient, session_id: str
) -> None:
    body = await page(client, session_id, status=["not_found", "failed"])
    assert names(body) == ["Sega Sammy", "Bandai Namco"]
    assert (body["matched"], body["total"], body["next_offset"]) == (2, 7, None)


async def test_confidence_bands_split_at_point_eight_and_point_six(
    client: httpx.AsyncClient, session_id: str
) -> None:
    assert names(await page(client, session_id, confidence="high")) == ["Capcom", "Atlus"]
    medium = await page(client, session_id, confidence="medium")
    assert names(medium) == ["Krafton", "capcom europe"]
    assert names(await page(client, session_id, confidence="low")) == ["Konami"]
    both = await page(client, session_id, confidence=["none", "low"])
    assert names(both) == ["Sega Sammy", "Konami", "Bandai Namco"]


async def test_search_matches_name_or_domain_in_any_case(
    client: httpx.AsyncClient, session_id: str
) -> None:
    assert names(await page(client, session_id, q="CAPCOM")) == ["Capcom", "capcom europe"]
    # "www" and the scheme are not part of the domain; the path is not either.
    assert names(await page(client, session_id, q="www")) == []
    assert names(await page(client, session_id, q="/en")) == []
    assert names(await page(client, session_id, q="namco.exa")) == ["Bandai Namco"]


async def test_filters_combine(client: httpx.AsyncClient, session_id: str) -> None:
    body = await page(client, session_id, q="capcom", status="ok", confidence="medium")
    assert names(body) == ["capcom europe"]
    assert body["matched"] == 1


async def test_sort_by_name_ignores_case_and_descending_reverses(
    client: httpx.AsyncClient, session_id: str
) -> None:
    ascending = names(await page(client, session_id, sort="Company_Name"))
    assert ascending == sorted(ascending, key=str.casefold)
    assert ascending[:2] == ["Atlus", "Bandai Namco"]
    assert names(await page(client, session_id, sort="-Company_Name")) == ascending[::-1]


async def test_sort_by_confidence_puts_empty_values_last_both_ways(
    client: httpx.AsyncClient, session_id: str
) -> None:
    up = names(await page(client, session_id, sort="Match_Confidence"))
    unknown = ["Sega Sammy", "Bandai Namco"]
    assert up == ["Konami", "capcom europe", "Krafton", "Atlus", "Capcom", *unknown]
    down = names(await page(client, session_id, sort="-Match_Confidence"))
    assert down == ["Capcom", "Atlus", "Krafton", "capcom europe", "Konami", *unknown]


async def test_pages_of_a_filtered_sort_follow_each_other(
    client: httpx.AsyncClient, session_id: str
) -> None:
    whole = names(await page(client, session_id, sort="-Match_Confidence", status="ok"))
    first = await page(client, session_id, sort="-Match_Confidence", status="ok", limit=2)
    assert (first["next_offset"], first["matched"]) == (2, 4)
    second = await page(
        client, session_id, sort="-Match_Confidence", status="ok", limit=2, offset=2
    )
    assert second["next_offset"] is None
    assert names(first) + names(second) == whole == ["Capcom", "Krafton", "capcom europe", "Konami"]


async def test_without_filters_matched_is_the_finished_rows(
    client: httpx.AsyncClient, session_id: str
) -> None:
    body = await page(client, session_id)
    assert (body["matched"], body["available"], len(names(body))) == (7, 7, 7)


async def test_a_session_not_started_matches_nothing(client: httpx.AsyncClient) -> None:
    session_id = await new_session(client, CSV)
    body = await page(client, session_id, status="ok", sort="Company_Name")
    assert (body["rows"], body["matched"], body["total"]) == ([], 0, 7)


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"status": "good"}, "unknown_row_status"),
        ({"status": ["ok", "OK"]}, "unknown_row_status"),
        ({"confidence": "very_high"}, "unknown_confidence_band"),
        ({"sort": "Description"}, "unknown_sort_column"),
        ({"sort": "-nope"}, "unknown_sort_column"),
        ({"sort": "--Company_Name"}, "unknown_sort_column"),
        ({"q": "x" * 201}, "invalid_request"),
        ({"status": "dead_url", "format": "csv", "confidence": "?"}, "unknown_confidence_band"),
    ],
)
async def test_unknown_values_are_refused_with_their_code(
    client: httpx.AsyncClient, session_id: str, params: dict[str, str | Sequence[str]], code: str
) -> None:
    response = await client.get(f"/api/sessions/{session_id}/results", params=params)
    assert response.status_code == 422
    assert response.json()["code"] == code


async def test_a_duplicate_is_judged_on_its_first_occurrence_in_another_chunk(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller
) -> None:
    session_id = await new_session(client, b"Company\nCapcom\nKrafton\nCapcom Co\n")
    keys = SessionKeys(owner.tenant, session_id)
    assert (await client.post(f"/api/sessions/{session_id}/start")).status_code == 202
    await seed_plan(store, keys, total=3, chunk_size=2)
    first = result_row(0, "Capcom", Match_Confidence=0.9)
    other = result_row(1, "Krafton", Match_Confidence=0.3)
    repeat = result_row(2, "Capcom Co", Official_Website="", Row_Status="duplicate", duplicate_of=0)
    await seed_chunk(store, keys, 0, [first, other])
    await seed_chunk(store, keys, 1, [repeat])

    body = await page(client, session_id, confidence="high", status="duplicate")
    assert names(body) == ["Capcom Co"]
    rows = body["rows"]
    assert isinstance(rows, list)
    row = rows[0]
    assert row["Official_Website"] == "https://capcom.example"
    assert row["duplicate_of"] == 0
    assert names(await page(client, session_id, q="capcom.example")) == ["Capcom", "Capcom Co"]


async def test_a_retried_chunk_is_filtered_as_its_latest_round_stored_it(
    client: httpx.AsyncClient, store: MemoryStore, owner: Caller, session_id: str
) -> None:
    keys = SessionKeys(owner.tenant, session_id)
    atlus_found = seeded(4).model_copy(
        update={"row_status": RowStatus.OK, "match_confidence": 0.9, "attempts": 2}
    )
    await seed_chunk(store, keys.in_round(1), 1, [seeded(3), atlus_found, seeded(5)])

    dead = await page(client, session_id, status="dead_url")
    found = await page(client, session_id, status="ok", sort="Company_Name")

    assert (dead["matched"], names(dead)) == (0, [])
    assert names(found) == ["Atlus", "Capcom", "capcom europe", "Konami", "Krafton"]
    rows = found["rows"]
    assert isinstance(rows, list)
    assert [row["Attempts"] for row in rows if row["Company_Name"] == "Atlus"] == [2]
