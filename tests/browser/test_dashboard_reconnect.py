"""Honest live state: the dashboard says when live updates are interrupted, reconnects by
itself when the notifier returns, and follows sessions again."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import READY_TIMEOUT, Stack, screenshot, sign_in
from tests.browser.steps import FINAL_TIMEOUT, companies_csv, upload
from tests.processes import service, wait_http_ok

pytestmark = pytest.mark.browser


async def test_live_updates_say_reconnecting_and_resume_when_the_notifier_returns(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    await sign_in(page, stack)
    indicator = page.locator("#live-indicator")
    await expect(indicator).to_have_text("Live")
    notifier = next(p for p in stack.processes if p.name == "notifier")
    notifier.stop()
    banner = page.get_by_role("status").filter(has_text="Live updates interrupted")
    await expect(banner).to_contain_text("reconnecting")
    await expect(indicator).to_have_text("Reconnecting…")
    await screenshot(page, "12-reconnecting")

    port = stack.env["DOSSIER_NOTIFIER_PORT"]
    with service("notifier", stack.env, stack.log_dir, name="notifier-again") as again:
        wait_http_ok(f"http://127.0.0.1:{port}/readyz", READY_TIMEOUT, again)
        await expect(indicator).to_have_text("Live", timeout=30_000)
        await expect(page.locator(".banner")).to_have_count(0)
        # Live events flow again: a new session is followed to the end without a reload,
        # and a list open in another tab shows it appear and finish by itself.
        listing = await page.context.new_page()
        await listing.goto(stack.url + "/#/")
        await expect(listing.locator("#live-indicator")).to_have_text("Live")
        await upload(page, companies_csv(tmp_path / "after.csv"), "")
        await page.get_by_role("button", name="Start").click()
        await expect(page.locator("#session-status")).to_have_text(
            "Completed", timeout=FINAL_TIMEOUT
        )
        session_id = page.url.rsplit("/", 1)[-1]
        listed = listing.locator(f'tr[data-session-id="{session_id}"]')
        await expect(listed).to_contain_text("Completed")
        await listing.close()
