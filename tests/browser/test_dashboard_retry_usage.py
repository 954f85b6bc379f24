"""Retrying failed rows and reading usage in the dashboard (Chromium, real services)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import Stack, screenshot, sign_in
from tests.browser.steps import FINAL_TIMEOUT, upload

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def worker_env() -> dict[str, str]:
    """Websites are checked, and no search provider is configured: a name without a
    website is not found and a website that does not resolve is dead."""
    return {"DOSSIER_PIPELINE_STAGES": "normalize,website", "DOSSIER_FETCH_TIMEOUT_S": "2"}


async def test_failed_rows_are_retried_from_the_session_page(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    source = tmp_path / "retry.csv"
    source.write_text("Company,Website\nAlpha,alpha.invalid\nBeta,\n")
    await sign_in(page, stack)
    await upload(page, source, "")
    estimate = page.locator("#usage-estimate")
    await expect(estimate).to_contain_text("Expected outside calls for 2 companies")
    await expect(page.locator("#estimate-fetches")).to_have_text("4")
    await page.get_by_role("button", name="Start").click()
    await page.wait_for_url(re.compile(r"#/sessions/[0-9a-f]+$"))
    session_id = page.url.rsplit("/", 1)[-1]
    await expect(page.locator("#session-status")).to_have_text("Completed", timeout=FINAL_TIMEOUT)
    await expect(page.locator("#session-usage-figures-fetches")).to_have_text(re.compile(r"^\d+$"))

    retry = page.locator("#retry-session")
    await expect(retry).to_have_text("Retry 2 failed rows")
    await screenshot(page, "retry-01-before")
    # The page follows the round from the live channel: it never reads the session again.
    session_reads: list[str] = []
    resource = f"/api/sessions/{session_id}"
    page.on(
        "request",
        lambda request: (
            session_reads.append(request.url)
            if request.method == "GET" and request.url.endswith(resource)
            else None
        ),
    )
    await retry.click()
    await expect(page.locator("#session-meta")).to_contain_text(
        "retried 1 time", timeout=FINAL_TIMEOUT
    )
    await expect(page.locator("#session-status")).to_have_text("Completed", timeout=FINAL_TIMEOUT)
    assert session_reads == []
    session = stack.api("GET", f"/api/sessions/{session_id}")
    assert (session["retry_round"], session["finalized"]) == (1, True)
    rows = stack.api("GET", f"/api/sessions/{session_id}/results")["rows"]
    assert [row["Attempts"] for row in rows] == [2, 2]
    await screenshot(page, "retry-02-after")

    await page.goto(stack.url + "/#/")
    panel = page.locator("#usage-panel")
    await expect(panel).to_contain_text("Usage this month")
    await expect(panel).to_contain_text("1 session")
    monthly = stack.api("GET", "/api/usage")
    await expect(page.locator("#usage-month-fetches")).to_have_text(
        f"{monthly['usage']['fetches']:,}"
    )
