"""Before starting: another sheet, another company-name or website column, chosen in the
preview; the server reads the upload again and the preview shows the rows as now read."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import PHONE, Stack, screenshot, sign_in
from tests.browser.steps import upload
from tests.gateway.corpus import xlsx

pytestmark = pytest.mark.browser

BOOK = xlsx(
    {
        "Summary": [["Company", "Website"], ["Acme", "acme.example"]],
        "Leads": [
            ["Firm", "Homepage", "Owner"],
            ["Northwind", "northwind.example", "Ann Smith"],
            ["Globex", "globex.example", "Bob Jones"],
        ],
    }
)


async def test_sheet_and_columns_are_changed_before_the_start(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    file = tmp_path / "leads.xlsx"
    file.write_bytes(BOOK)
    await sign_in(page, stack)
    summary = await upload(page, file, "")
    assert "Summary" in summary
    facts = page.locator("#preview-summary")
    table = page.locator("#preview-table")
    await expect(table.locator("tbody tr")).to_have_count(1)

    await page.get_by_label("Sheet", exact=True).select_option("Leads")
    # The new sheet's columns are detected once it is read.
    await expect(page.get_by_label("Company name column")).to_be_disabled()
    await page.get_by_role("button", name="Apply").click()
    await expect(page.locator("#columns-note")).to_have_text(
        "The file was read again with your choice."
    )
    await expect(facts).to_contain_text("sheet “Leads”")
    await expect(facts).to_contain_text("Firm")
    await expect(table.locator("tbody tr")).to_have_count(2)
    await expect(table.locator("th.detected").first).to_contain_text("Firm (name)")

    name = page.get_by_label("Company name column")
    await expect(name).to_be_enabled()
    await name.select_option("Owner")
    await page.get_by_label("Website column").select_option("")
    await page.get_by_role("button", name="Apply").click()
    await expect(facts).to_contain_text("None (websites will be searched for)")
    await expect(table.locator("th.detected")).to_have_text(["Owner (name)"])

    # A refused choice says why and changes nothing.
    await page.get_by_label("Website column").select_option("Owner")
    await page.get_by_role("button", name="Apply").click()
    await expect(page.locator("#columns-message")).to_contain_text("cannot be the same column")
    await expect(table.locator("th.detected")).to_have_text(["Owner (name)"])

    # The only session of this module's tenant, as the API now shows it.
    [newest] = stack.api("GET", "/api/sessions")["items"]
    assert newest["input"]["name_column"] == "Owner"
    assert newest["input"]["website_column"] is None
    assert newest["input"]["sheet"] == "Leads"

    await page.set_viewport_size(PHONE)
    await screenshot(page, "32-preview-columns-phone")
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    await page.get_by_role("button", name="Start").click()
    await expect(page.locator("#session-status")).to_be_visible()
