"""Rows left for review are accepted or rejected in the results table; the decision shows
on the page, in the filters and in the downloads."""

from __future__ import annotations

import csv
import io
import urllib.request
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from playwright.async_api import Page, expect

from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import Counters, FinalStatus, StartRequest
from shared.rows import ResultRow, RowStatus
from shared.storage.s3 import MinioStore
from tests.browser.conftest import Stack, screenshot, sign_in
from tests.gateway.seed import seed_chunk, seed_final
from tests.sessions import csv_manifest, seed_plan

pytestmark = pytest.mark.browser

INPUT_COLUMNS = ["Company"]
ACME_SITE = "https://acme-corp.example/"


def row(index: int, name: str, **cells: object) -> ResultRow:
    return ResultRow.model_validate(
        {"row": index, "original": {"Company": name}, "Company_Name": name, **cells}
    )


ROWS = [
    row(
        0,
        "Acme",
        Row_Status=RowStatus.NEEDS_REVIEW,
        Review_Candidates=f"website: {ACME_SITE} (0.71; its title is the company's name)",
        Match_Confidence=0.71,
    ),
    row(1, "Initech", Official_Website="https://initech.example/", Match_Confidence=0.9),
    row(
        2,
        "Globex",
        Row_Status=RowStatus.NEEDS_REVIEW,
        Review_Candidates="website: https://globex-shop.example/ (0.64; the text mentions it)",
        Match_Confidence=0.64,
    ),
]


@pytest.fixture
async def session_id(stack: Stack) -> AsyncIterator[str]:
    env = stack.env
    store = MinioStore(
        env["DOSSIER_S3_ENDPOINT"],
        env["DOSSIER_S3_ACCESS_KEY"],
        env["DOSSIER_S3_SECRET_KEY"],
        env["DOSSIER_S3_BUCKET"],
    )
    keys = SessionKeys(stack.tenant, new_session_id())
    manifest = csv_manifest(keys, f"review-{uuid.uuid4().hex[:6]}.csv", INPUT_COLUMNS, len(ROWS))
    await store.put_model(keys.manifest, manifest)
    await store.put_model(keys.start_marker, StartRequest(requested_at=datetime.now(UTC)))
    await seed_plan(store, keys, len(ROWS), chunk_size=len(ROWS))
    await seed_chunk(store, keys, 0, ROWS)
    await seed_final(store, keys, SessionStatus.COMPLETED, ROWS, INPUT_COLUMNS)
    final = await store.get_model(keys.final_status, FinalStatus)
    counted = Counters(total=len(ROWS), done=len(ROWS), needs_review=2)
    await store.put_model(keys.final_status, final.model_copy(update={"counters": counted}))
    yield keys.session_id
    store.close()


def downloaded_csv(stack: Stack, session_id: str) -> list[dict[str, str]]:
    request = urllib.request.Request(
        f"{stack.url}/api/sessions/{session_id}/results?format=csv",
        headers={"Authorization": f"Bearer {stack.key}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


async def test_review_candidates_are_accepted_and_rejected_inline(
    page: Page, stack: Stack, session_id: str
) -> None:
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{session_id}")
    acme = page.locator('#results-table tr[data-row="0"]')
    await expect(acme.locator(".row-status")).to_have_text("needs review")
    await expect(acme.locator("td.error")).to_contain_text(f"To review: website: {ACME_SITE}")
    await screenshot(page, "33-review-candidates")
    to_review, not_found = page.locator("#stat-needs-review"), page.locator("#stat-not-found")
    await expect(to_review).to_have_text("2")

    await acme.get_by_role("button", name="Accept the candidate for Acme").click()
    await expect(acme.locator(".row-status")).to_have_text("ok")
    await expect(acme.locator("td.website")).to_have_text("acme-corp.example")
    await expect(page.locator("#results-status")).to_contain_text("Accepted the candidate for Acme")
    await expect(acme.locator("td.error")).to_have_text("")
    await expect(to_review).to_have_text("1")
    await expect(not_found).to_have_text("0")

    globex = page.locator('#results-table tr[data-row="2"]')
    reject = globex.get_by_role("button", name="Reject the candidate for Globex")
    await reject.focus()
    await page.keyboard.press("Enter")
    await expect(globex.locator(".row-status")).to_have_text("not found")
    await expect(globex.get_by_role("button")).to_have_count(0)
    await expect(to_review).to_have_text("0")
    await expect(not_found).to_have_text("1")

    # The decisions hold after a reload, in the filters and in the downloads.
    await page.reload()
    await page.get_by_label("Status", exact=True).select_option("needs_review")
    await expect(page.locator("#results-status")).to_contain_text("No finished rows match")
    await page.get_by_label("Status", exact=True).select_option("ok")
    await expect(page.locator("#results-table tbody td.company")).to_have_text(["Acme", "Initech"])
    table = downloaded_csv(stack, session_id)
    assert [(r["Company_Name"], r["Row_Status"]) for r in table] == [
        ("Acme", "ok"),
        ("Initech", "ok"),
        ("Globex", "not_found"),
    ]
    assert table[0]["Official_Website"] == ACME_SITE
