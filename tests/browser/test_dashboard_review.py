"""The results table shows where each field came from, how sure it is, and the rows a
person should review with their candidates."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from playwright.async_api import Page, expect

from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import FinalStatus, StartRequest
from shared.rows import ResultRow, RowStatus
from shared.storage.s3 import MinioStore
from tests.browser.conftest import Stack, screenshot, sign_in
from tests.gateway.seed import seed_chunk, seed_final
from tests.sessions import csv_manifest, seed_plan
from worker.checkpoint import count_rows

pytestmark = pytest.mark.browser

COLUMNS = ["Company", "Website"]
CANDIDATE = "website: https://os-digital.net/ (0.70; title 'Orbit Software' (name match 1.00))"
ROWS = [
    ResultRow(
        row=0,
        original={"Company": "Acme Rockets", "Website": "https://acme-rockets.com/about"},
        company_name="Acme Rockets",
        official_website="https://acme-rockets.com/",
        linkedin_url="https://www.linkedin.com/company/acme-rockets",
        website_source="given",
        website_confidence=0.97,
        match_confidence=0.97,
        linkedin_source="structured_data",
        linkedin_confidence=0.95,
    ),
    ResultRow(
        row=1,
        original={"Company": "Orbit Software", "Website": ""},
        company_name="Orbit Software",
        row_status=RowStatus.NEEDS_REVIEW,
        error="the best candidate is below the acceptance line",
        review_candidates=CANDIDATE,
    ),
]


@pytest.fixture
async def store(base_env: dict[str, str]) -> AsyncIterator[MinioStore]:
    store = MinioStore(
        base_env["DOSSIER_S3_ENDPOINT"],
        base_env["DOSSIER_S3_ACCESS_KEY"],
        base_env["DOSSIER_S3_SECRET_KEY"],
        base_env["DOSSIER_S3_BUCKET"],
    )
    await store.ensure_bucket()
    yield store
    store.close()


async def seed_session(store: MinioStore, tenant: str) -> SessionKeys:
    keys = SessionKeys(tenant, new_session_id())
    manifest = csv_manifest(keys, "leads.csv", COLUMNS, len(ROWS), website_column="Website")
    await store.put_model(keys.manifest, manifest)
    await store.put_model(keys.start_marker, StartRequest(requested_at=datetime.now(UTC)))
    await seed_plan(store, keys, len(ROWS), chunk_size=len(ROWS))
    await seed_chunk(store, keys, 0, ROWS)
    await seed_final(store, keys, SessionStatus.COMPLETED, ROWS, COLUMNS)
    final = FinalStatus(
        status=SessionStatus.COMPLETED,
        counters=count_rows(ROWS),
        finished_at=datetime.now(UTC),
        outputs=["csv", "json"],
    )
    await store.put_model(keys.final_status, final)
    return keys


async def test_results_show_sources_confidence_and_candidates_to_review(
    page: Page, stack: Stack, store: MinioStore
) -> None:
    keys = await seed_session(store, stack.tenant)
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{keys.session_id}")
    await expect(page.locator("#session-status")).to_have_text("Completed")
    await expect(page.locator("#stat-needs-review")).to_have_text("1")

    accepted = page.locator('#results-table tr[data-row="0"]')
    await expect(accepted.locator("td.website")).to_contain_text("given · 0.97")
    await expect(accepted).to_contain_text("structured_data · 0.95")
    website = accepted.get_by_role("link", name="acme-rockets.com")
    await expect(website).to_have_attribute("href", "https://acme-rockets.com/")

    doubtful = page.locator('#results-table tr[data-row="1"]')
    await expect(doubtful.locator(".row-status")).to_have_text("needs review")
    await expect(doubtful.locator("td.website")).to_have_text("")
    await expect(doubtful.locator("td.error")).to_contain_text("To review: website:")
    await expect(doubtful.locator("td.error")).to_contain_text("os-digital.net")
    await screenshot(page, "30-needs-review")

    # Nobody accepted the candidate yet: running accepted rows says so and nothing runs.
    enrich = page.locator("#retry-accepted")
    await expect(enrich).to_have_text("Enrich accepted rows")
    await enrich.click()
    await expect(page.locator("#session-message")).to_contain_text(
        "no row has a website accepted in review"
    )
    assert not await store.list_objects(keys.prefix + "retries/")
