"""Choosing a file the dashboard refuses (not a spreadsheet, over the size limit) after
an accepted one: the refused choice replaces it, and nothing is uploaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Page, Request, expect

from tests.browser.conftest import Stack, sign_in

pytestmark = pytest.mark.browser


async def test_a_refused_file_replaces_the_file_chosen_before(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    good = tmp_path / "companies.csv"
    good.write_text("Company,Website\nAcme,acme.com\n", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a spreadsheet\n", encoding="utf-8")
    uploads: list[str] = []

    def keep(request: Request) -> None:
        if request.method == "POST" and request.url.endswith("/api/sessions"):
            uploads.append(request.url)

    page.on("request", keep)
    await sign_in(page, stack)
    await page.get_by_role("link", name="New session").first.click()
    await page.locator("#file").set_input_files(str(good))
    await expect(page.locator("#file-chosen")).to_contain_text("companies.csv")
    await page.locator("#file").set_input_files(str(notes))
    refusal = "“notes.txt” is not a CSV, XLSX or XLS file."
    await expect(page.locator("#new-session-form")).to_contain_text(refusal)
    await expect(page.locator("#file-chosen")).not_to_contain_text("companies.csv")

    await page.get_by_role("button", name="Upload and preview").click()
    # The reason stays in view; the earlier file is not sent in place of the refused one.
    await expect(page.locator("#new-session-form")).to_contain_text(refusal)
    await expect(page.locator("#preview")).to_be_hidden()
    assert uploads == []
