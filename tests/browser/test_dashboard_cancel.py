"""Cancelling a running session from the dashboard: confirmation, then the session stops
and keeps what it finished."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import Stack, screenshot, sign_in
from tests.slow_site import SlowSite, slow_sites

pytestmark = pytest.mark.browser

ROWS = 12
SITE_DELAY = 4.0


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[SlowSite, list[str]]]:
    with slow_sites(SITE_DELAY, ROWS) as running:
        yield running


@pytest.fixture(scope="module")
def base_env(base_env: dict[str, str]) -> dict[str, str]:
    # The notifier's periodic storage recheck would repair a stale page sooner or later:
    # what the page shows here must come from the live events themselves.
    return {**base_env, "DOSSIER_NOTIFIER_RECHECK_INTERVAL": "300"}


@pytest.fixture(scope="module")
def worker_env() -> dict[str, str]:
    # Fetching the slow site is the only network stage; a few rows are in flight at once.
    # The site is on loopback addresses, and its pace is what the test needs: asking its
    # robots.txt first would double each row's time.
    return {
        "DOSSIER_PIPELINE_STAGES": "normalize,website",
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "DOSSIER_FETCH_ROBOTS": "off",
        "DOSSIER_WORKER_CONCURRENCY": "2",
        "DOSSIER_WORKER_CHUNK_SIZE": "6",
        "DOSSIER_FETCH_TIMEOUT_S": "20",
        "DOSSIER_RETRY_ATTEMPTS": "1",
    }


def slow_csv(path: Path, urls: list[str]) -> Path:
    lines = ["name,website"]
    lines += [f"Slow Company {n},{url}/about" for n, url in enumerate(urls)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def finalized(stack: Stack, session_id: str) -> dict[str, Any]:
    for _ in range(150):
        session: dict[str, Any] = stack.api("GET", f"/api/sessions/{session_id}")
        if session["finalized"]:
            return session
        await asyncio.sleep(0.1)
    raise AssertionError(f"session {session_id} was not finalized")


async def test_cancel_asks_for_confirmation_and_stops_a_running_session(
    page: Page, stack: Stack, site: tuple[SlowSite, list[str]], tmp_path: Path
) -> None:
    slow, urls = site
    await sign_in(page, stack)
    await page.get_by_role("link", name="New session").first.click()
    await page.locator("#file").set_input_files(str(slow_csv(tmp_path / "slow.csv", urls)))
    await page.get_by_role("button", name="Upload and preview").click()
    await page.get_by_role("button", name="Start").click()
    await page.wait_for_url(re.compile(r"#/sessions/[0-9a-f]+$"))
    session_id = page.url.rsplit("/", 1)[-1]

    status = page.locator("#session-status")
    await expect(status).to_have_text("Running", timeout=30_000)
    cancel = page.get_by_role("button", name="Cancel session")
    await expect(cancel).to_be_visible()
    # Live progress: the first rows finish while the rest still wait on the slow sites.
    done = page.locator("#stat-done")
    await expect(done).not_to_have_text(re.compile(r"^0 /"), timeout=30_000)
    await expect(done).not_to_have_text(f"{ROWS} / {ROWS} (100%)")
    await expect(page.locator("#stat-rate")).to_have_text(re.compile(r"rows/s|—"))
    # Finished rows show in the table as they arrive, before their chunk is stored.
    await expect(page.locator("#results-table .row-status").first).to_be_visible()
    await expect(page.locator("#results-table tr.pending").first).to_be_visible()
    await screenshot(page, "09-running")
    # A second tab on the session list follows the same session live.
    listing = await page.context.new_page()
    await listing.goto(stack.url + "/#/")
    listed = listing.locator(f'tr[data-session-id="{session_id}"]')
    await expect(listed).to_contain_text("Running")

    # Declining the confirmation changes nothing.
    await cancel.click()
    dialog = page.get_by_role("dialog")
    await expect(dialog).to_be_visible()
    await screenshot(page, "10-cancel-confirmation")
    await dialog.get_by_role("button", name="Keep running").click()
    await expect(dialog).to_be_hidden()
    await expect(status).to_have_text("Running")

    await cancel.click()
    await dialog.get_by_role("button", name="Cancel session").click()
    await expect(status).to_have_text("Cancelled", timeout=15_000)
    await expect(cancel).to_be_hidden()
    await screenshot(page, "11-cancelled")
    await expect(listed).to_contain_text("Cancelled")
    await listing.close()

    session = await finalized(stack, session_id)
    assert session["status"] == "cancelled"
    assert 0 < session["counters"]["done"] < ROWS, "finished rows are kept, the rest stop"
    assert slow.requests < ROWS, "the worker must stop fetching after the cancel"
    # Without a reload, the page ends on the session's final figures: the calls its rows
    # made, and what screen readers hear last.
    # The chunks' last events left before the session was finalized: no wait is needed.
    fetches = session["usage"]["fetches"]
    assert fetches > 0
    await expect(page.locator("#progress-announcer")).to_have_text(
        f"Session cancelled. {session['counters']['done']} of {ROWS} rows done.", timeout=2_000
    )
    await expect(page.locator("#session-usage-figures-fetches")).to_have_text(
        str(fetches), timeout=2_000
    )

    # A reload shows the same honest state, and the rows finished before the cancel.
    await page.reload()
    await expect(status).to_have_text("Cancelled")
    await expect(page.get_by_role("button", name="Cancel session")).to_be_hidden()
    finished = page.locator("#results-table .row-status:not(.row-cancelled)")
    await expect(finished.first).to_be_visible()
    await expect(page.get_by_role("button", name="CSV")).to_be_enabled()
