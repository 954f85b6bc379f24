"""The results table as a place to work: filters by status and confidence, a search by
name or domain and sortable columns, over a whole session of several chunks, from the
keyboard and at phone width."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from playwright.async_api import Page, expect

from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import StartRequest
from shared.rows import ResultRow, RowStatus
from shared.storage.s3 import MinioStore
from tests.browser.conftest import PHONE, Stack, screenshot, sign_in
from tests.gateway.seed import seed_chunk, seed_final
from tests.sessions import csv_manifest, seed_plan

pytestmark = pytest.mark.browser

ROWS = 230
CHUNK = 100
INPUT_COLUMNS = ["Company", "Website"]
STATUSES = [RowStatus.OK, RowStatus.OK, RowStatus.OK, RowStatus.NOT_FOUND, RowStatus.FAILED]


def name_of(row: int) -> str:
    # Names out of input order, so a sort visibly reorders them.
    return f"Firm {(row * 37) % ROWS:03d}"


def result(row: int) -> ResultRow:
    status = STATUSES[row % len(STATUSES)]
    found = status is RowStatus.OK
    website = f"https://www.firm{row}.example/" if found else ""
    if row == 7:
        return ResultRow.model_validate(
            {
                "row": row,
                "original": {"Company": "Northwind Traders", "Website": "northwind.example"},
                "Company_Name": "Northwind Traders",
                "Official_Website": "https://northwind.example/",
                "Row_Status": RowStatus.OK,
                "Match_Confidence": 0.66,
            }
        )
    return ResultRow.model_validate(
        {
            "row": row,
            "original": {"Company": name_of(row), "Website": website},
            "Company_Name": name_of(row),
            "Official_Website": website,
            "Row_Status": status,
            "Match_Confidence": (0.5 + (row % 50) / 100) if found else None,
        }
    )


@pytest.fixture
async def store(stack: Stack) -> AsyncIterator[MinioStore]:
    env = stack.env
    store = MinioStore(
        env["DOSSIER_S3_ENDPOINT"],
        env["DOSSIER_S3_ACCESS_KEY"],
        env["DOSSIER_S3_SECRET_KEY"],
        env["DOSSIER_S3_BUCKET"],
    )
    yield store
    store.close()


@pytest.fixture
async def session_id(stack: Stack, store: MinioStore) -> str:
    """A completed session of `ROWS` rows in three chunks, as the workers leave it."""
    keys = SessionKeys(stack.tenant, new_session_id())
    rows = [result(row) for row in range(ROWS)]
    manifest = csv_manifest(keys, f"firms-{uuid.uuid4().hex[:6]}.csv", INPUT_COLUMNS, ROWS)
    await store.put_model(keys.manifest, manifest)
    await store.put_model(keys.start_marker, StartRequest(requested_at=datetime.now(UTC)))
    await seed_plan(store, keys, ROWS, chunk_size=CHUNK)
    for chunk in range(0, ROWS, CHUNK):
        await seed_chunk(store, keys, chunk // CHUNK, rows[chunk : chunk + CHUNK])
    await seed_final(store, keys, SessionStatus.COMPLETED, rows, INPUT_COLUMNS)
    return keys.session_id


def cells(page: Page, column: str) -> object:
    return page.locator(f"#results-table tbody td.{column}")


async def test_filters_search_and_sort_work_over_the_whole_session(
    page: Page, stack: Stack, session_id: str
) -> None:
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{session_id}")
    status_line = page.locator("#results-status")
    await expect(status_line).to_have_text("Rows 1–50 of 230 · page 1 of 5")

    # Failed rows sit in every chunk: 46 of them, counted over the whole session.
    await page.get_by_label("Status", exact=True).select_option("failed")
    await expect(status_line).to_have_text(
        "Rows 1–46 of 46 matching · page 1 of 1 · 230 rows in total"
    )
    statuses = page.locator("#results-table tbody .row-status")
    await expect(statuses).to_have_count(46)
    assert set(await statuses.all_inner_texts()) == {"failed"}

    # A band with a status: OK rows at 0.8 and above.
    await page.get_by_label("Status", exact=True).select_option("ok")
    await page.get_by_label("Confidence", exact=True).select_option("high")
    await expect(status_line).to_contain_text("of 48 matching")
    confidences = await page.locator("#results-table tbody td.confidence").all_inner_texts()
    assert confidences
    assert all(float(value) >= 0.8 for value in confidences)

    # The search waits for a pause in typing, and finds a domain as well as a name.
    await page.get_by_role("button", name="Clear filters").click()
    await expect(status_line).to_have_text("Rows 1–50 of 230 · page 1 of 5")
    search = page.get_by_label("Search", exact=True)
    await search.press_sequentially("NORTHWIND", delay=30)
    await expect(status_line).to_contain_text("of 1 matching")
    await expect(page.locator("#results-table tbody td.company")).to_have_text(
        ["Northwind Traders"]
    )
    await search.fill("firm12.exa")
    await expect(page.locator("#results-table tbody tr")).to_have_count(1)
    await expect(page.locator("#results-table tbody td.website")).to_have_text("firm12.example")
    await search.fill("")
    await expect(status_line).to_have_text("Rows 1–50 of 230 · page 1 of 5")

    # Sorting from the keyboard: ascending, descending, then input order again.
    company = page.get_by_role("columnheader", name="Company")
    await expect(company).to_have_attribute("aria-sort", "none")
    await company.get_by_role("button").focus()
    await page.keyboard.press("Enter")
    await expect(company).to_have_attribute("aria-sort", "ascending")
    names = page.locator("#results-table tbody td.company")
    await expect(names.first).to_have_text("Firm 000")
    await expect(names.nth(1)).to_have_text("Firm 001")
    # Focus stays on the header, so the next key press sorts again.
    await page.keyboard.press("Enter")
    await expect(company).to_have_attribute("aria-sort", "descending")
    await expect(names.first).to_have_text("Northwind Traders")
    await expect(names.nth(1)).to_have_text("Firm 229")
    # Paging keeps the order across the whole session.
    await page.get_by_role("button", name="Last page").click()
    await expect(status_line).to_have_text(
        "Rows 201–230 of 230 matching · page 5 of 5 · 230 rows in total"
    )
    await expect(names.last).to_have_text("Firm 000")
    await screenshot(page, "30-results-sorted")
    await company.get_by_role("button").click()
    await expect(company).to_have_attribute("aria-sort", "none")
    await expect(status_line).to_have_text("Rows 1–50 of 230 · page 1 of 5")

    confidence = page.get_by_role("columnheader", name="Confidence")
    await confidence.get_by_role("button").click()
    await confidence.get_by_role("button").click()
    await expect(confidence).to_have_attribute("aria-sort", "descending")
    await expect(page.locator("#results-table tbody td.confidence").first).to_have_text("0.97")

    await page.set_viewport_size(PHONE)
    await expect(page.get_by_label("Search", exact=True)).to_be_visible()
    await screenshot(page, "31-results-filters-phone")
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
