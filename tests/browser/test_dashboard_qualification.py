"""Qualification in the dashboard: the Criteria page, the new-session option, and a
session's verdicts with their quotes and sources, live and after the fact."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, Route, expect

from shared.broker.rabbit import RabbitBroker
from shared.messages import RowsFinished
from shared.storage.s3 import MinioStore
from shared.topology import Topology
from tests.browser.conftest import PHONE, Stack, screenshot, sign_in
from tests.browser.qualification_seed import (
    BAD_CRITERIA_CSV,
    CRITERIA_CSV,
    HIDDEN_SOURCE,
    HOSTILE_QUOTE,
    acme,
    criteria_file,
    globex,
    seed_qualified_session,
)
from tests.browser.steps import companies_csv
from tests.services import service_settings

pytestmark = pytest.mark.browser

LIVE_ATTEMPTS = 20


@pytest.fixture(scope="module")
def base_env(s3_endpoint: str, s3_bucket: str, rabbitmq: str) -> dict[str, str]:
    # A configured language model is what makes qualification available. Nothing here
    # runs a qualification, so it is never called.
    return {
        **service_settings(rabbitmq, f"dtest-{uuid.uuid4().hex[:10]}", s3_endpoint, s3_bucket),
        "DOSSIER_LLM_BASE_URL": "http://127.0.0.1:9/v1",
        "DOSSIER_LLM_MODEL": "test-model",
    }


def unique_name() -> str:
    return f"saas-{uuid.uuid4().hex[:8]}"


async def post_criteria(stack: Stack, name: str, content: str = CRITERIA_CSV) -> None:
    async with httpx.AsyncClient(base_url=stack.url, timeout=30) as http:
        response = await http.post(
            "/api/criteria",
            headers={"Authorization": f"Bearer {stack.key}"},
            files={"file": ("criteria.csv", content.encode(), "text/csv")},
            data={"name": name},
        )
    assert response.status_code == 201, response.text


async def upload_on_page(page: Page, file: Path, name: str) -> None:
    await page.locator("#criteria-file").set_input_files(str(file))
    await page.get_by_label("Name (optional)").fill(name)
    await page.get_by_role("button", name="Upload criteria").click()


async def test_criteria_page_uploads_lists_views_replaces_and_deletes_a_file(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    name = unique_name()
    good = tmp_path / "criteria.csv"
    good.write_text(CRITERIA_CSV, encoding="utf-8")
    bad = tmp_path / "broken.csv"
    bad.write_text(BAD_CRITERIA_CSV, encoding="utf-8")
    await sign_in(page, stack)
    await page.get_by_role("link", name="Criteria", exact=True).click()
    await expect(page.get_by_role("heading", name="Criteria", exact=True)).to_be_visible()

    await upload_on_page(page, good, name)
    row = page.locator(f'#criteria-table tr[data-criteria="{name}"]')
    await expect(row).to_contain_text("Analytics Cloud")
    await expect(row).to_contain_text("Enterprise, SMB")
    await expect(row).to_contain_text("Support Desk")
    await expect(row).to_contain_text("1 general, 2 qualification, 1 mandatory, 1 nice to have")
    await expect(row.locator('td[data-label="Criteria"]')).to_have_text("6")
    await screenshot(page, "20-criteria-list")

    # A file the server cannot read: its message names the row and the column.
    await upload_on_page(page, bad, unique_name())
    message = page.locator("#criteria-message")
    await expect(message).to_contain_text("row 3")
    await expect(message).to_contain_text("Criteria Type")
    await screenshot(page, "21-criteria-refused")
    # The same name twice is refused, and the page says how to replace it instead.
    await upload_on_page(page, good, name)
    await expect(message).to_contain_text("Replace")

    await row.get_by_role("link", name=name).click()
    await expect(page.get_by_role("heading", name=name)).to_be_visible()
    analytics = page.locator('section[data-product="Analytics Cloud"]')
    for heading in ("General (1)", "Qualification (2)", "Mandatory (1)", "Nice to have (1)"):
        await expect(analytics.get_by_role("heading", name=heading)).to_be_visible()
    await expect(analytics.locator('tr[data-id="r5"]')).to_contain_text("Runs its own data team")
    await expect(analytics.locator('tr[data-id="r5"]')).to_contain_text("careers page")
    await expect(page.locator('section[data-product="Support Desk"]')).to_contain_text(
        "Has a customer support team"
    )
    await screenshot(page, "22-criteria-file")

    replacement = tmp_path / "replacement.csv"
    replacement.write_text(
        CRITERIA_CSV.replace("Runs its own data team", "Employs data engineers"), encoding="utf-8"
    )
    async with page.expect_file_chooser() as chooser:
        await page.get_by_role("button", name=f"Replace {name}").click()
    await (await chooser.value).set_files(str(replacement))
    await expect(page.locator("#criteria-status")).to_contain_text("Replaced")
    await expect(analytics.locator('tr[data-id="r5"]')).to_contain_text("Employs data engineers")

    # Deleting asks first; declining keeps the file.
    await page.get_by_role("button", name=f"Delete {name}").click()
    dialog = page.get_by_role("dialog")
    await dialog.get_by_role("button", name="Keep it").click()
    await expect(page.get_by_role("heading", name=name)).to_be_visible()
    await page.get_by_role("button", name=f"Delete {name}").click()
    await dialog.get_by_role("button", name="Delete criteria").click()
    await expect(page.get_by_role("heading", name="Criteria", exact=True)).to_be_visible()
    await expect(page.locator(f'tr[data-criteria="{name}"]')).to_have_count(0)
    names = [item["name"] for item in stack.api("GET", "/api/criteria")["items"]]
    assert name not in names


async def test_a_qualified_session_shows_verdicts_quotes_and_sources_as_text(
    page: Page, stack: Stack, store: MinioStore
) -> None:
    name = unique_name()
    await post_criteria(stack, name)
    keys = await seed_qualified_session(
        store, stack.tenant, criteria_file(name), [acme(), globex()], done=True
    )
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{keys.session_id}")
    await expect(page.locator("#session-status")).to_have_text("Completed")
    await expect(page.locator("#session-meta")).to_contain_text(f"Qualify against {name}")
    tab = page.get_by_role("tab", name="Qualification")
    await expect(tab).to_have_attribute("aria-selected", "true")

    first = page.locator('#qualification article[data-row="0"]')
    await expect(first.get_by_role("heading", name="Acme")).to_be_visible()
    await expect(first).to_contain_text("Qualified for Analytics Cloud")
    analytics = first.locator('li[data-product="Analytics Cloud"]')
    await expect(analytics).to_contain_text("Qualified")
    await expect(analytics).to_contain_text("Audiences: Enterprise")
    await expect(analytics).to_contain_text("Nice to have: 1 / 1")
    await expect(analytics).to_contain_text("qualified for Enterprise")
    support = first.locator('li[data-product="Support Desk"]')
    await expect(support).to_contain_text("Not qualified")
    await expect(support).to_contain_text("general criteria: 0 of 1 passed")
    await expect(page.locator('#qualification article[data-row="1"]')).to_contain_text(
        "Not qualified for any product"
    )

    # Criteria open from the keyboard; their texts come from the criteria file.
    summary = analytics.locator("summary")
    await expect(summary).to_have_text("5 criteria: 4 passed, 1 failed")
    await summary.focus()
    await page.keyboard.press("Enter")
    criteria = analytics.locator(".criterion")
    await expect(criteria).to_have_count(5)
    await expect(criteria.nth(0)).to_contain_text("Sells software to businesses")
    await expect(criteria.nth(0)).to_contain_text("Passed")
    await expect(criteria.nth(2)).to_contain_text("Failed")
    await expect(criteria.nth(3)).to_contain_text("Mandatory · Enterprise")

    # The quote is shown exactly as the website wrote it, and nothing in it ran.
    await expect(criteria.nth(0).locator("blockquote")).to_have_text(HOSTILE_QUOTE)
    assert await page.evaluate("window.__pwned") is None
    await expect(page.locator("#qualification script")).to_have_count(0)
    source = criteria.nth(0).get_by_role("link", name="acme.example/about")
    await expect(source).to_have_attribute("href", "https://acme.example/about")
    await expect(source).to_have_attribute("rel", "noopener noreferrer")
    await expect(source).to_have_attribute("target", "_blank")
    # A source that is not a web address is shown, never linked.
    await expect(criteria.nth(4)).to_contain_text(HIDDEN_SOURCE)
    await expect(criteria.nth(4).locator("a")).to_have_count(0)
    await screenshot(page, "23-qualification")

    # The table shows the qualified products; the tabs answer to the arrow keys.
    await tab.focus()
    await page.keyboard.press("ArrowRight")
    await expect(page.get_by_role("tab", name="Table")).to_have_attribute("aria-selected", "true")
    await expect(page.locator("#results-table thead")).to_contain_text("Qualified products")
    await expect(page.locator('#results-table tr[data-row="0"] td.qualified')).to_have_text(
        "Analytics Cloud"
    )
    await expect(page.locator('#results-table tr[data-row="1"] td.qualified')).to_have_text("None")
    await page.keyboard.press("ArrowLeft")
    await expect(tab).to_have_attribute("aria-selected", "true")

    await page.set_viewport_size(PHONE)
    await expect(first).to_be_visible()
    await screenshot(page, "24-qualification-phone")
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


async def test_qualify_on_a_finished_session_opens_a_new_session_with_the_chosen_criteria(
    page: Page, stack: Stack, store: MinioStore
) -> None:
    name = unique_name()
    await post_criteria(stack, name)
    keys = await seed_qualified_session(
        store, stack.tenant, criteria_file(name), [acme(), globex()], done=True
    )
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{keys.session_id}")
    await expect(page.locator("#session-status")).to_have_text("Completed")
    await page.get_by_role("button", name="Qualify…").click()
    dialog = page.get_by_role("dialog")
    submit = dialog.get_by_role("button", name="Create qualification session")
    await expect(submit).to_be_disabled()
    await dialog.get_by_label(name, exact=True).check()
    await dialog.get_by_label("Support Desk", exact=True).check()
    await screenshot(page, "25-qualify-dialog")
    await submit.click()

    await page.wait_for_url(re.compile(r"#/sessions/(?!" + keys.session_id + r")[0-9a-f]+$"))
    created = page.url.rsplit("/", 1)[-1]
    await expect(page.locator("#session-status")).to_have_text("Created")
    await expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    qualification = stack.api("GET", f"/api/sessions/{created}")["options"]["qualification"]
    assert qualification["criteria"] == [name]
    assert qualification["products"] == ["Support Desk"]


async def test_rows_finishing_live_show_their_qualification_without_a_reload(
    page: Page, stack: Stack, store: MinioStore, base_env: dict[str, str]
) -> None:
    name = unique_name()
    await post_criteria(stack, name)
    keys = await seed_qualified_session(
        store, stack.tenant, criteria_file(name), [acme(), globex()], done=False
    )
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{keys.session_id}")
    await expect(page.locator("#session-status")).to_have_text("Running")
    first = page.locator('#qualification article[data-row="0"]')
    await expect(first).to_contain_text("Pending")
    await expect(page.locator("#live-indicator")).to_have_attribute("data-state", "live")

    row = acme().model_dump(mode="json", by_alias=True)
    event = RowsFinished(tenant=keys.tenant, session_id=keys.session_id, chunk=0, rows=[row])
    broker = RabbitBroker(
        base_env["DOSSIER_AMQP_URL"], Topology(base_env["DOSSIER_TOPOLOGY_PREFIX"])
    )
    await broker.connect()
    try:
        # The page subscribes once it has loaded; a row sent before that is not lost for
        # good, it is in the next page fetch. Sending again until it shows waits only for
        # the subscription.
        for _ in range(LIVE_ATTEMPTS):
            await broker.publish_event(event)
            try:
                await expect(first).to_contain_text("Qualified for Analytics Cloud", timeout=1000)
                break
            except AssertionError:
                continue
        await expect(first).to_contain_text("Qualified for Analytics Cloud")
    finally:
        await broker.close()
    await expect(first.locator("blockquote").first).to_have_text(HOSTILE_QUOTE)
    await expect(page.locator('#qualification article[data-row="1"]')).to_contain_text("Pending")
    await expect(page.locator("#session-status")).to_have_text("Running")
    await screenshot(page, "26-qualification-live")


async def test_new_session_sends_the_chosen_criteria_or_says_why_it_cannot(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    name = unique_name()
    await post_criteria(stack, name)
    await sign_in(page, stack)

    async def without_qualification(route: Route) -> None:
        response = await route.fetch()
        capabilities = {**await response.json(), "qualification": False}
        await route.fulfill(response=response, body=json.dumps(capabilities))

    await page.route("**/api/capabilities", without_qualification)
    await page.reload()
    await page.get_by_role("link", name="New session").first.click()
    picker = page.locator("#qualify")
    # A disabled fieldset disables every control inside it.
    await expect(picker).to_have_attribute("disabled", "")
    await expect(page.locator("#qualify-hint")).to_contain_text("no language model configured")
    await page.unroute("**/api/capabilities", without_qualification)
    await page.reload()

    chosen = picker.get_by_label(name, exact=True)
    await expect(chosen).to_be_enabled()
    await chosen.check()
    await picker.get_by_label("Analytics Cloud", exact=True).check()
    await screenshot(page, "27-new-session-qualify")
    await page.locator("#file").set_input_files(str(companies_csv(tmp_path / "qualify-leads.csv")))
    await page.get_by_role("button", name="Upload and preview").click()
    await expect(page.locator("#preview-table tbody tr").first).to_be_visible()

    sessions = stack.api("GET", "/api/sessions?limit=200")["items"]
    session = next(item for item in sessions if item["input"]["filename"] == "qualify-leads.csv")
    assert session["options"]["qualification"] == {
        "criteria": [name],
        "products": ["Analytics Cloud"],
        "qualify_only": False,
    }
    await page.get_by_role("button", name="Discard").click()
