"""A user's main path through the dashboard: key, upload, preview, start, live progress,
results, logs, downloads, reload, session list, delete, paging and the phone layout."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from tests.browser.conftest import PHONE, Stack, screenshot, sign_in
from tests.browser.steps import FINAL_TIMEOUT, ROWS, companies_csv, read_download, upload

pytestmark = pytest.mark.browser


async def test_upload_preview_start_and_watch_session_complete(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    await sign_in(page, stack)
    await page.get_by_role("link", name="New session").first.click()
    counter = page.locator("#context-count")
    await expect(counter).to_have_text("0 / 4,000 characters")
    await page.get_by_label("Context (optional)").fill("Which of these run their own launcher?")
    await expect(counter).to_have_text("38 / 4,000 characters")
    # No providers are configured in the test deployment: the options say why they are off.
    await expect(page.get_by_role("switch", name="Deep search")).to_be_disabled()
    await expect(page.locator("#run_llm_deep_search_pipeline-hint")).to_contain_text("Unavailable")
    await expect(page.get_by_role("switch", name="Write results to HubSpot")).to_be_disabled()
    await screenshot(page, "01-new-session")

    summary = await upload(page, companies_csv(tmp_path / "companies.csv"), "Game launchers")
    assert "Company Name" in summary
    assert re.search(rf"Rows\s+{ROWS}", summary)
    table = page.locator("#preview-table")
    await expect(table.locator("thead")).to_contain_text("Group")
    await expect(table.locator("tbody tr")).to_have_count(20)
    await expect(table.locator("tbody tr").first).to_contain_text("Company 0 GmbH")
    await screenshot(page, "02-preview")

    await page.get_by_role("button", name="Start").click()
    await page.wait_for_url(re.compile(r"#/sessions/[0-9a-f]+$"))
    session_id = page.url.rsplit("/", 1)[-1]
    status = page.locator("#session-status")
    await expect(status).to_have_text("Completed", timeout=FINAL_TIMEOUT)
    await expect(page.locator("#stat-done")).to_have_text(f"{ROWS} / {ROWS} (100%)")
    await expect(page.locator("#stat-duplicates")).to_have_text("1")
    bar = page.get_by_role("progressbar", name="Session progress")
    await expect(bar).to_have_attribute("aria-valuenow", str(ROWS))
    await expect(page.locator("#cancel-session")).to_be_hidden()
    assert stack.api("GET", f"/api/sessions/{session_id}")["status"] == "completed"

    results = page.locator("#results-table tbody tr")
    await expect(results).to_have_count(ROWS)
    first = results.first
    await expect(first).to_contain_text("Company 0")
    website = first.get_by_role("link", name=re.compile("company0-test.com"))
    await expect(website).to_have_attribute(
        "href", re.compile(r"^https?://(www\.)?company0-test\.com")
    )
    await expect(page.locator("#results-status")).to_contain_text(f"of {ROWS}")
    await expect(results.last).to_contain_text("of row 1")  # the duplicate names its original
    await page.get_by_label("Show input columns").check()
    await expect(page.locator("#results-table thead")).to_contain_text("Group")
    await expect(first).to_contain_text("g0")
    await screenshot(page, "03-session-completed")

    await page.get_by_text("Logs", exact=True).click()
    await expect(page.get_by_role("tab", name="Pipeline")).to_have_attribute(
        "aria-selected", "true"
    )
    await expect(page.locator("#log-note")).to_have_text(re.compile(r"line|empty"))
    # The log tabs work from the keyboard: arrow keys move the selection.
    await page.get_by_role("tab", name="Pipeline").focus()
    await page.keyboard.press("ArrowRight")
    await expect(page.get_by_role("tab", name="Errors")).to_have_attribute("aria-selected", "true")
    await expect(page.get_by_role("tab", name="Errors")).to_be_focused()
    await expect(page.locator("#log-note")).to_have_text(re.compile(r"line|empty"))
    await screenshot(page, "04-logs")

    async with page.expect_download() as download_info:
        await page.get_by_role("button", name="CSV").click()
    download = await download_info.value
    data = await read_download(download)
    assert data.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == ROWS
    assert list(rows[0])[:4] == ["Company Name", "Website", "Group", "Company_Name"]
    assert rows[0]["Group"] == "g0"
    assert rows[-1]["Row_Status"] == "duplicate"
    assert download.suggested_filename.endswith("-results.csv")
    # Streamed by the browser from a token link, not assembled in page memory as a blob.
    assert download.url.startswith("http")
    assert "token=" in download.url
    await expect(page.locator("#download-note")).to_have_text(
        "Your browser is downloading the results as CSV."
    )

    async with page.expect_download() as json_info:
        await page.get_by_role("button", name="JSON").click()
    exported = json.loads(await read_download(await json_info.value))
    assert len(exported) == ROWS
    async with page.expect_download() as archive_info:
        await page.get_by_role("button", name="Archive (ZIP)").click()
    archive = await archive_info.value
    names = zipfile.ZipFile(io.BytesIO(await read_download(archive))).namelist()
    assert any(name.endswith("results.csv") for name in names), names

    # The URL names the session: a reload comes back to the same view.
    await page.reload()
    await expect(page.locator("#session-title")).to_have_text("companies.csv")
    await expect(status).to_have_text("Completed")

    await page.get_by_role("link", name="Sessions", exact=True).click()
    row = page.locator(f'tr[data-session-id="{session_id}"]')
    await expect(row).to_contain_text("Completed")
    await expect(row).to_contain_text(f"{ROWS} / {ROWS}")
    await screenshot(page, "05-session-list")
    await page.get_by_label("Filter by status").select_option("cancelled")
    await expect(row).to_have_count(0)
    await page.get_by_label("Filter by status").select_option("completed")
    await expect(row).to_contain_text("Completed")

    # Deleting asks first, then the session is gone from the list and from the API.
    await row.get_by_role("link").click()
    await page.get_by_role("button", name="Delete session").click()
    await page.get_by_role("dialog").get_by_role("button", name="Delete session").click()
    await expect(page.get_by_role("heading", name="Sessions")).to_be_visible()
    await expect(row).to_have_count(0)
    listed = stack.api("GET", "/api/sessions?limit=200")["items"]
    assert session_id not in [item["session_id"] for item in listed]


async def test_a_wrong_api_key_is_refused_with_a_clear_message(page: Page, stack: Stack) -> None:
    await page.goto(stack.url + "/")
    await expect(page.get_by_text("Paste your Dossier API key")).to_be_visible()
    await page.get_by_label("API key", exact=True).fill("dsk_not-a-real-key")
    await page.get_by_role("button", name="Save key").click()
    await expect(page.locator("#api-key-message")).to_contain_text("not accepted")
    await screenshot(page, "00-api-key-refused")
    assert await page.evaluate("localStorage.getItem('dossier.apiKey')") is None


async def test_phone_width_shows_sessions_as_cards_without_sideways_scrolling(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    await page.set_viewport_size(PHONE)
    await sign_in(page, stack)
    await upload(page, companies_csv(tmp_path / "phone.csv"), "")
    await screenshot(page, "06-phone-preview")
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    await page.get_by_role("button", name="Start").click()
    await expect(page.locator("#session-status")).to_have_text("Completed", timeout=FINAL_TIMEOUT)
    await screenshot(page, "07-phone-session")
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    await page.get_by_role("link", name="Sessions", exact=True).click()
    await expect(page.locator(".sessions-table tbody tr").first).to_be_visible()
    # Cards: the table header is hidden and each cell carries its own label.
    await expect(page.locator(".sessions-table thead")).to_be_hidden()
    await screenshot(page, "08-phone-list")
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


async def test_a_file_the_server_cannot_read_shows_its_reason_and_creates_nothing(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    before = len(stack.api("GET", "/api/sessions?limit=200")["items"])
    await sign_in(page, stack)
    await page.get_by_role("link", name="New session").first.click()
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 64)
    await page.locator("#file").set_input_files(str(junk))
    await page.get_by_role("button", name="Upload and preview").click()
    message = page.locator("#new-session-message")
    await expect(message).not_to_be_empty()
    await expect(page.locator("#preview")).to_have_count(0)
    await screenshot(page, "13-upload-refused")
    assert len(stack.api("GET", "/api/sessions?limit=200")["items"]) == before

    # A context over the limit is refused before anything is sent.
    await page.locator("#file").set_input_files(str(companies_csv(tmp_path / "ok.csv")))
    await page.get_by_label("Context (optional)").fill("x" * 4001)
    await expect(page.locator("#context-count")).to_have_class(re.compile(r"\bover\b"))
    await page.get_by_role("button", name="Upload and preview").click()
    await expect(message).to_contain_text("limited to 4,000 characters")
    assert len(stack.api("GET", "/api/sessions?limit=200")["items"]) == before


async def test_results_are_paged_and_jump_to_a_row(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    rows = 260
    big = tmp_path / "big.csv"
    lines = ["Company Name,Website"] + [f"Firm {n},firm{n}-test.com" for n in range(rows)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    await sign_in(page, stack)
    await upload(page, big, "")
    await page.get_by_role("button", name="Start").click()
    await expect(page.locator("#session-status")).to_have_text("Completed", timeout=FINAL_TIMEOUT)
    table_rows = page.locator("#results-table tbody tr")
    status = page.locator("#results-status")
    await expect(status).to_have_text(f"Rows 1–50 of {rows} · page 1 of 6")
    await expect(table_rows).to_have_count(50)

    await page.get_by_role("button", name="Next page").click()
    await expect(status).to_have_text(f"Rows 51–100 of {rows} · page 2 of 6")
    await expect(table_rows.first).to_contain_text("Firm 50")

    await page.get_by_label("Go to row").fill("255")
    await page.get_by_label("Go to row").press("Enter")
    await expect(status).to_have_text(f"Rows 251–{rows} of {rows} · page 6 of 6")
    await expect(table_rows).to_have_count(10)
    await expect(page.locator('#results-table tr[data-row="254"]')).to_contain_text("Firm 254")
    await expect(page.get_by_role("button", name="Next page")).to_be_disabled()

    await page.get_by_label("Rows per page").select_option("200")
    await expect(status).to_have_text(f"Rows 201–{rows} of {rows} · page 2 of 2")


async def test_a_file_can_be_dropped_or_chosen_with_the_keyboard(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    await sign_in(page, stack)
    await page.get_by_role("link", name="New session").first.click()
    chosen = page.locator("#file-chosen")

    # Drag and drop: a file dropped on the area is taken like a chosen one.
    await page.evaluate(
        """() => {
            const data = new DataTransfer();
            const file = new File(["Company Name\\nAcme\\n"], "dropped.csv", { type: "text/csv" });
            data.items.add(file);
            const zone = document.getElementById("dropzone");
            zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true }));
            zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true }));
        }"""
    )
    await expect(chosen).to_contain_text("dropped.csv")
    # A file that is not a spreadsheet is refused before it is sent.
    await page.evaluate(
        """() => {
            const data = new DataTransfer();
            data.items.add(new File(["hello"], "notes.txt", { type: "text/plain" }));
            document.getElementById("dropzone").dispatchEvent(
                new DragEvent("drop", { dataTransfer: data, bubbles: true }));
        }"""
    )
    await expect(page.locator("#new-session-message")).to_contain_text("not a CSV, XLSX or XLS")
    await expect(chosen).to_contain_text("dropped.csv")

    # Keyboard: the file input is reachable with Tab.
    await page.get_by_role("link", name="New session").first.focus()
    for _ in range(4):
        await page.keyboard.press("Tab")
        if await page.evaluate("document.activeElement.id") == "file":
            break
    assert await page.evaluate("document.activeElement.id") == "file"
    # The focused control is the native file input, which browsers open with Space; the
    # native dialog itself is outside the page, so the file is handed to the input.
    await page.locator("#file:focus").set_input_files(str(companies_csv(tmp_path / "typed.csv")))
    await expect(chosen).to_contain_text("typed.csv")
    await page.get_by_role("button", name="Upload and preview").click()
    await expect(page.locator("#preview-table tbody tr")).to_have_count(20)


async def test_an_upload_can_be_discarded_or_started_later_from_its_page(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    await sign_in(page, stack)
    before = {item["session_id"] for item in stack.api("GET", "/api/sessions?limit=200")["items"]}
    await upload(page, companies_csv(tmp_path / "discarded.csv"), "")
    await page.get_by_role("button", name="Discard").click()
    await expect(page.get_by_role("button", name="Upload and preview")).to_be_visible()
    after = {item["session_id"] for item in stack.api("GET", "/api/sessions?limit=200")["items"]}
    assert after == before, "a discarded upload leaves no session behind"

    await upload(page, companies_csv(tmp_path / "later.csv"), "")
    await page.get_by_role("link", name="Sessions", exact=True).click()
    row = page.locator("tbody tr").filter(has_text="later.csv")
    await expect(row).to_contain_text("Created")
    await row.get_by_role("link", name="later.csv").click()
    await expect(page.get_by_role("button", name="Cancel session")).to_be_hidden()
    await page.get_by_role("button", name="Start").click()
    await expect(page.locator("#session-status")).to_have_text("Completed", timeout=FINAL_TIMEOUT)
    await expect(page.get_by_role("button", name="Start")).to_be_hidden()
