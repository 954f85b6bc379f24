"""On a server without a language model the new-session form greys out custom fields and
says why, while the webhook URL stays available."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import Stack, sign_in

pytestmark = pytest.mark.browser


async def test_custom_fields_are_greyed_out_without_a_model(page: Page, stack: Stack) -> None:
    assert stack.api("GET", "/api/capabilities")["llm"] is False
    await sign_in(page, stack)
    await page.get_by_role("link", name="New session").first.click()
    section = page.locator("fieldset#custom-fields")
    await expect(section).to_have_attribute("disabled", "")
    await expect(section.locator("#custom-fields-hint")).to_have_text(
        "Unavailable: this server has no language model configured."
    )
    await expect(page.get_by_role("button", name="Add a field")).to_be_disabled()
    await expect(page.get_by_label("Set name")).to_be_disabled()
    await expect(page.get_by_label("Webhook URL (optional)")).to_be_enabled()


async def test_every_text_box_looks_alike(page: Page, stack: Stack) -> None:
    """URL and search boxes take the same font, border and padding as the other boxes."""
    looks = """e => { const s = getComputedStyle(e);
        return [s.fontSize, s.borderTopColor, s.borderTopLeftRadius, s.paddingLeft]; }"""
    await sign_in(page, stack)
    await page.get_by_role("link", name="New session").first.click()
    reference = await page.get_by_label("Context (optional)").evaluate(looks)
    assert await page.get_by_label("Webhook URL (optional)").evaluate(looks) == reference
    await page.get_by_role("link", name="Webhook").first.click()
    assert await page.locator("#webhook-default-url").evaluate(looks) == reference
