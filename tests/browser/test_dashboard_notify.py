"""A browser notification when a watched session ends; permission is asked only when the
user turns it on."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import Stack, sign_in
from tests.browser.steps import FINAL_TIMEOUT, companies_csv

pytestmark = pytest.mark.browser

# Records each notification the page shows, and each permission request, instead of
# handing them to a desktop that a headless browser does not have.
RECORD_NOTIFICATIONS = """
(() => {
  const Real = window.Notification;
  window.__notices = [];
  window.__asked = 0;
  class Recorded {
    constructor(title, options) { window.__notices.push({ title, body: options?.body || "" }); }
    static get permission() { return Real.permission; }
    static requestPermission() { window.__asked += 1; return Real.requestPermission(); }
  }
  window.Notification = Recorded;
})();
"""


async def created_session(stack: Stack, file: Path) -> str:
    content = await asyncio.to_thread(file.read_bytes)
    async with httpx.AsyncClient(base_url=stack.url, timeout=30) as http:
        response = await http.post(
            "/api/sessions",
            headers={"Authorization": f"Bearer {stack.key}"},
            files={"file": (file.name, content, "text/csv")},
        )
    assert response.status_code == 201, response.text
    session_id: str = response.json()["session_id"]
    return session_id


async def test_a_watched_session_that_ends_shows_a_notification(
    page: Page, context: BrowserContext, stack: Stack, tmp_path: Path
) -> None:
    await context.grant_permissions(["notifications"], origin=stack.url)
    await page.add_init_script(RECORD_NOTIFICATIONS)
    session_id = await created_session(stack, companies_csv(tmp_path / "watched.csv"))
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{session_id}")
    toggle = page.get_by_role("button", name="Notify me when it ends")
    await expect(toggle).to_have_attribute("aria-pressed", "false")
    # Nothing is asked of the browser until the user turns it on.
    assert await page.evaluate("window.__asked") == 0

    await toggle.focus()
    await page.keyboard.press("Enter")
    watching = page.get_by_role("button", name="Notifying when it ends")
    await expect(watching).to_have_attribute("aria-pressed", "true")
    await expect(page.locator("#notify-hint")).to_contain_text("You will get a notification")
    assert await page.evaluate("window.__notices") == []

    await page.get_by_role("button", name="Start").click()
    await expect(page.locator("#session-status")).to_have_text("Completed", timeout=FINAL_TIMEOUT)
    await page.wait_for_function("window.__notices.length === 1")
    [notice] = await page.evaluate("window.__notices")
    assert notice["title"] == "Session completed"
    assert notice["body"].startswith("watched.csv: 40 of 40 rows done")
    await expect(page.locator("#notify-toggle")).to_be_hidden()


async def test_an_unwatched_session_ends_without_a_notification(
    page: Page, context: BrowserContext, stack: Stack, tmp_path: Path
) -> None:
    await context.grant_permissions(["notifications"], origin=stack.url)
    await page.add_init_script(RECORD_NOTIFICATIONS)
    session_id = await created_session(stack, companies_csv(tmp_path / "quiet.csv"))
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{session_id}")
    await page.get_by_role("button", name="Start").click()
    await expect(page.locator("#session-status")).to_have_text("Completed", timeout=FINAL_TIMEOUT)
    await expect(page.locator("#notify-toggle")).to_be_hidden()
    assert await page.evaluate("window.__notices") == []
    assert await page.evaluate("window.__asked") == 0


async def test_turning_it_on_asks_the_browser_and_says_when_it_is_blocked(
    page: Page, context: BrowserContext, stack: Stack, tmp_path: Path
) -> None:
    await page.add_init_script(RECORD_NOTIFICATIONS)
    session_id = await created_session(stack, companies_csv(tmp_path / "blocked.csv"))
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{session_id}")
    if await page.evaluate("Notification.permission") != "default":
        pytest.fail("a fresh browser context should not have decided on notifications")
    await page.get_by_role("button", name="Notify me when it ends").click()
    # Headless Chromium has no one to ask: the request is denied, and the page says so.
    await expect(page.locator("#notify-hint")).to_contain_text("blocked", timeout=10_000)
    assert await page.evaluate("window.__asked") == 1
    await expect(page.locator("#notify-toggle")).to_have_attribute("aria-pressed", "false")
