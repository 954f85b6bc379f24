"""The usage month is one sessions can have been created in (1970 to 2999): anything else
is a 422, never a 500."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "month", ["0000-01", "1969-12", "3000-01", "9999-12", "2026-00", "2026-13", "26-01", "2026-1"]
)
async def test_a_month_no_session_can_have_is_refused(
    client: httpx.AsyncClient, month: str
) -> None:
    answer = await client.get("/api/usage", params={"month": month})

    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "invalid_request"


@pytest.mark.parametrize("month", ["1970-01", "2999-12"])
async def test_the_first_and_last_months_are_answered(
    client: httpx.AsyncClient, month: str
) -> None:
    answer = await client.get("/api/usage", params={"month": month})

    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "month": month,
        "sessions": 0,
        "usage": {"fetches": 0, "searches": 0, "model_calls": 0, "hubspot_calls": 0},
    }
