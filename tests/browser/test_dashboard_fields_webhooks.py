"""Custom fields and webhooks in the dashboard: a session asking two fields, answered by
a worker against the fake OpenAI-compatible server over the site farm, shows each answer
with its quote and source; field sets are saved and reused; the server's refusal of a
field list shows beside the field; the tenant webhook is set and a finished session lists
its deliveries to a local receiver."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.async_api import Locator, Page, expect

from shared.fields.model import FieldAnswer, FieldSpec, FieldType
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.lifecycle import SessionStatus
from shared.models import SessionOptions, StartRequest
from shared.rows import ResultRow, RowStatus
from shared.storage.s3 import MinioStore
from tests.browser.conftest import PHONE, Stack, screenshot, sign_in
from tests.browser.qualification_seed import HIDDEN_SOURCE, HOSTILE_QUOTE, INPUT_COLUMNS
from tests.gateway.seed import seed_chunk, seed_final
from tests.pipeline.conftest import Farm, Server, _llm_server, farm
from tests.pipeline.fakes.llm import LlmState
from tests.services import service_settings
from tests.sessions import csv_manifest, seed_plan
from tests.worker.webhook_receiver import webhook_receiver

pytestmark = pytest.mark.browser

__all__ = ["_llm_server", "farm"]  # the fake model and websites the worker reads
FINAL_TIMEOUT = 60_000


@pytest.fixture(scope="module")
def base_env(
    s3_endpoint: str, s3_bucket: str, rabbitmq: str, _llm_server: Server[LlmState]
) -> dict[str, str]:
    return {
        **service_settings(rabbitmq, f"dtest-{uuid.uuid4().hex[:10]}", s3_endpoint, s3_bucket),
        "DOSSIER_LLM_BASE_URL": _llm_server.url,
        "DOSSIER_LLM_API_KEY": "sk-test",
        "DOSSIER_LLM_MODEL": "test-model",
        # The webhook receiver is on loopback, as a lab install's would be.
        "DOSSIER_FETCH_ALLOW_PRIVATE_NETWORKS": "true",
    }


@pytest.fixture(scope="module")
def worker_env(farm: Farm) -> dict[str, str]:
    return {
        "DOSSIER_FETCH_TIMEOUT_S": "2",
        "DOSSIER_HOST_MIN_INTERVAL_S": "0",
        "DOSSIER_WORKER_PIPELINE": "tests.pipeline.fakes.dns:build_farm_pipeline",
        "DOSSIER_WEBHOOK_BACKOFF_S": "0.2",
        "HTTPS_PROXY": farm.proxy_url,
        "HTTP_PROXY": farm.proxy_url,
        "SSL_CERT_FILE": str(farm.ca_file),
    }


@pytest.fixture
def model(_llm_server: Server[LlmState]) -> Server[LlmState]:
    """The fake model the workers ask, shared by the module: a test that changes its
    state restores it."""
    return _llm_server


def one_company(tmp_path: Path) -> Path:
    path = tmp_path / "companies.csv"
    path.write_text("Company,Website\nStreamForge,streamforge.com\n", encoding="utf-8")
    return path


def field(page: Page, index: int) -> Locator:
    return page.locator("fieldset.custom-field").nth(index)


async def add_field(page: Page, name: str, kind: str, description: str) -> None:
    await page.get_by_role("button", name="Add a field").click()
    added = page.locator("fieldset.custom-field").last
    await added.get_by_label("Field name").fill(name)
    await added.get_by_label("Type").select_option(kind)
    await added.get_by_label("Description").fill(description)


async def choose_file(page: Page, file: Path) -> None:
    await page.get_by_role("link", name="New session").first.click()
    await page.locator("#file").set_input_files(str(file))


async def start_and_finish(page: Page) -> None:
    await page.get_by_role("button", name="Upload and preview").click()
    await page.get_by_role("button", name="Start").click()
    await page.wait_for_url(re.compile(r"#/sessions/[0-9a-f]+$"))
    view = page.locator("#session-view")
    await expect(view).to_have_attribute("data-status", "completed", timeout=FINAL_TIMEOUT)


async def test_two_fields_are_answered_with_their_quotes_and_sources(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    await sign_in(page, stack)
    await choose_file(page, one_company(tmp_path))
    await add_field(page, "countries", "number", "countries")
    await add_field(page, "founded", "date", "founded")
    await start_and_finish(page)

    cell = page.locator("#results-table tr[data-row='0'] td.fields")
    await expect(cell.locator("summary")).to_have_text("2 of 2 answered")
    await cell.locator("summary").click()
    founded = cell.locator("li[data-field='founded']")
    await expect(founded.locator(".field-value")).to_have_text("2015")
    await expect(founded.locator("blockquote")).to_have_text(
        "StreamForge was founded in 2015 in Lyon."
    )
    source = founded.locator(".field-source a")
    await expect(source).to_have_attribute("href", re.compile(r"^https://streamforge\.com/"))
    await expect(cell.locator("li[data-field='countries'] .field-value")).to_have_text("40")
    await screenshot(page, "40-custom-fields")
    # The field columns are the session's answers, not the user's input columns.
    await page.get_by_label("Show input columns").check()
    await expect(page.locator("#results-table thead")).not_to_contain_text("Field: ")


async def test_fields_a_model_outage_left_unanswered_are_retried_from_the_session_page(
    page: Page, stack: Stack, tmp_path: Path, model: Server[LlmState]
) -> None:
    model.state.failing_companies = {"StreamForge"}
    try:
        await sign_in(page, stack)
        await choose_file(page, one_company(tmp_path))
        await add_field(page, "countries", "number", "countries")
        await start_and_finish(page)
    finally:
        model.state.failing_companies = set()
    session_id = page.url.rsplit("/", 1)[-1]
    results = f"/api/sessions/{session_id}/results"
    (short,) = stack.api("GET", results)["rows"]
    assert (short["Row_Status"], short["Attempts"]) == ("ok", 1)
    assert "custom fields failed: " in short["Notes"], short
    # The row is `ok`: only the optional steps' button offers to run it again.
    await expect(page.locator("#retry-session")).to_be_hidden()
    retry = page.locator("#retry-steps")
    await expect(retry).to_have_text("Retry failed optional steps")
    await retry.click()
    await expect(page.locator("#session-meta")).to_contain_text(
        "retried 1 time", timeout=FINAL_TIMEOUT
    )
    view = page.locator("#session-view")
    await expect(view).to_have_attribute("data-status", "completed", timeout=FINAL_TIMEOUT)
    (redone,) = stack.api("GET", results)["rows"]
    assert redone["Attempts"] == 2
    assert [(a["name"], a["value"]) for a in redone["Custom_Fields"]] == [("countries", 40.0)]
    # Nothing is left to retry: the server's answer shows beside the buttons.
    await retry.click()
    await expect(page.locator("#session-message")).to_contain_text(
        "no row has failed custom_fields"
    )


async def test_a_field_set_is_saved_then_loaded_into_a_new_session(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    name = f"firmographics-{uuid.uuid4().hex[:6]}"
    await sign_in(page, stack)
    await choose_file(page, one_company(tmp_path))
    await add_field(page, "segment", "enum", "who its customers are")
    await field(page, 0).get_by_label("Options (comma-separated)").fill("SMB, Enterprise")
    await add_field(page, "sells_b2b", "boolean", "sells to other businesses")
    await page.get_by_label("Set name").fill(name)
    await page.get_by_role("button", name="Save as field set").click()
    await expect(page.locator("#custom-fields-set-status")).to_have_text(f"Saved “{name}”.")
    saved = [s for s in stack.api("GET", "/api/field_sets")["items"] if s["name"] == name]
    assert [(f["name"], f["type"], f["options"]) for f in saved[0]["fields"]] == [
        ("segment", "enum", ["SMB", "Enterprise"]),
        ("sells_b2b", "boolean", []),
    ]

    # A fresh form: the saved set is listed and fills the editor.
    await page.get_by_role("link", name="Sessions").first.click()
    await choose_file(page, one_company(tmp_path))
    await expect(page.locator("fieldset.custom-field")).to_have_count(0)
    await page.get_by_label("Use a saved field set").select_option(label=f"{name} (2 fields)")
    await page.get_by_role("button", name="Use this set").click()
    await expect(page.locator("fieldset.custom-field")).to_have_count(2)
    await expect(field(page, 0).get_by_label("Field name")).to_have_value("segment")
    await expect(field(page, 0).get_by_label("Options (comma-separated)")).to_have_value(
        "SMB, Enterprise"
    )
    await expect(field(page, 1).get_by_label("Type")).to_have_value("boolean")
    await page.get_by_role("button", name="Upload and preview").click()
    await expect(page.locator("#preview")).to_be_visible()
    sessions = stack.api("GET", "/api/sessions")
    newest = max(sessions["items"], key=lambda s: s["created_at"])
    asked = [f["name"] for f in newest["options"]["custom_fields"]]
    assert asked == ["segment", "sells_b2b"]

    # Deleting it takes it off the list.
    await page.get_by_role("link", name="Sessions").first.click()
    await page.get_by_role("link", name="New session").first.click()
    await page.get_by_label("Use a saved field set").select_option(label=f"{name} (2 fields)")
    await page.get_by_role("button", name="Delete set").click()
    await page.locator("#confirm-yes").click()
    await expect(page.locator("#custom-fields-set-status")).to_have_text(f"Deleted “{name}”.")
    assert not [s for s in stack.api("GET", "/api/field_sets")["items"] if s["name"] == name]


async def test_a_refused_field_list_shows_the_servers_message_beside_the_field(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    await sign_in(page, stack)
    await choose_file(page, one_company(tmp_path))
    await add_field(page, "countries", "number", "countries")
    await add_field(page, "Countries", "text", "again")
    await page.get_by_role("button", name="Upload and preview").click()
    # Checked in the browser first: the same name in another case is a duplicate.
    await expect(field(page, 1).locator(".field-error")).to_contain_text("already used")
    before = len(stack.api("GET", "/api/sessions")["items"])

    await field(page, 1).get_by_label("Field name").fill("summary")
    # The box stops typing at the limit; a longer text set by a script reaches the server.
    await (
        field(page, 1)
        .get_by_label("Description")
        .evaluate("(box) => { box.value = 'x'.repeat(301); }")
    )
    await page.get_by_role("button", name="Upload and preview").click()
    error = field(page, 1).locator(".field-error")
    await expect(error).to_have_text(
        "field 2: the description has 301 characters; the limit is 300"
    )
    await expect(page.locator("#new-session-message")).to_contain_text("Upload refused")
    assert len(stack.api("GET", "/api/sessions")["items"]) == before
    await screenshot(page, "41-custom-fields-refused")

    # The session's own webhook URL: refused by the server, whose reason shows by the box.
    await field(page, 1).get_by_label("Description").fill("a summary")
    await page.get_by_label("Webhook URL (optional)").fill("https://user@example.com/hook")
    await page.get_by_role("button", name="Upload and preview").click()
    await expect(page.locator("#webhook-error")).to_have_text(
        "the webhook URL must not carry a user name or password"
    )
    await expect(error).to_be_empty()
    assert len(stack.api("GET", "/api/sessions")["items"]) == before


async def test_the_tenant_webhook_is_called_and_its_deliveries_listed(
    page: Page, stack: Stack, tmp_path: Path
) -> None:
    await sign_in(page, stack)
    await page.get_by_role("link", name="Webhook", exact=True).click()
    secret = page.locator("#webhook-secret")
    await expect(secret).to_have_text(re.compile(r"^whsec_"))
    assert await secret.inner_text() == stack.api("GET", "/api/webhook")["secret"]
    await page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=stack.url)
    await page.get_by_role("button", name="Copy secret").click()
    await expect(page.locator("#webhook-copy-status")).to_have_text("Copied.")
    assert await page.evaluate("navigator.clipboard.readText()") == await secret.inner_text()
    url_box = page.get_by_label("Webhook URL")
    await url_box.fill("ftp://example.com/hook")
    await page.get_by_role("button", name="Save").click()
    await expect(page.locator("#webhook-default-message")).to_contain_text("Not saved")
    assert stack.api("GET", "/api/webhook")["url"] is None

    with webhook_receiver(fail_first=1) as receiver:
        await url_box.fill(receiver.url)
        await page.get_by_role("button", name="Save").click()
        await expect(page.locator("#webhook-current")).to_have_text(f"Default URL: {receiver.url}")
        await choose_file(page, one_company(tmp_path))
        await start_and_finish(page)
        panel = page.locator("#webhook-deliveries")
        await expect(panel.locator("#webhook-summary")).to_contain_text("delivered")
        await expect(panel.locator("#webhook-summary")).not_to_contain_text("not delivered")
        attempts = panel.locator("#webhook-attempts tbody tr")
        await expect(attempts).to_have_count(2)
        await expect(attempts.nth(0).locator(".status-code")).to_have_text("503")
        await expect(attempts.nth(1).locator(".status-code")).to_have_text("200")
        assert len(receiver.state.calls) == 2
        await screenshot(page, "42-webhook-deliveries")

    await page.get_by_role("link", name="Webhook", exact=True).click()
    await page.get_by_role("button", name="Clear").click()
    await expect(page.locator("#webhook-status")).to_have_text(
        "The default webhook URL is cleared."
    )
    assert stack.api("GET", "/api/webhook")["url"] is None


async def test_the_fields_editor_and_webhook_page_fit_a_phone(page: Page, stack: Stack) -> None:
    await page.set_viewport_size(PHONE)
    await sign_in(page, stack)
    await page.get_by_role("link", name="New session").first.click()
    await add_field(page, "segment", "enum", "who its customers are")
    await expect(field(page, 0).get_by_label("Options (comma-separated)")).to_be_visible()
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    await screenshot(page, "43-custom-fields-phone")
    await page.get_by_role("link", name="Webhook", exact=True).click()
    await expect(page.locator("#webhook-secret")).to_have_text(re.compile(r"^whsec_"))
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


async def seed_answered_session(store: MinioStore, tenant: str) -> SessionKeys:
    """A completed session whose one row has answers as a website could make them: a quote
    with markup, a source that is not a web address, a yes/no value and no answer."""
    keys = SessionKeys(tenant, new_session_id())
    manifest = csv_manifest(keys, "leads.csv", INPUT_COLUMNS, 1, website_column="Website")
    specs = [
        FieldSpec(name="analytics", type=FieldType.TEXT),
        FieldSpec(name="sells_b2b", type=FieldType.BOOLEAN),
        FieldSpec(name="founded", type=FieldType.DATE),
    ]
    options = SessionOptions(custom_fields=specs)
    await store.put_model(keys.manifest, manifest.model_copy(update={"options": options}))
    await store.put_model(keys.start_marker, StartRequest(requested_at=datetime.now(UTC)))
    answers = [
        FieldAnswer(name="analytics", value="yes", quote=HOSTILE_QUOTE, source_url=HIDDEN_SOURCE),
        FieldAnswer(
            name="sells_b2b",
            value=True,
            quote="We sell to businesses.",
            source_url="https://acme.example/",
            confidence=0.9,
        ),
        FieldAnswer(name="founded"),
    ]
    row = ResultRow.model_validate(
        {
            "row": 0,
            "original": {"Company": "Acme", "Website": "acme.example"},
            "Company_Name": "Acme",
            "Official_Website": "https://acme.example/",
            "Row_Status": RowStatus.OK,
            "Custom_Fields": answers,
        }
    )
    await seed_plan(store, keys, 1, chunk_size=1)
    await seed_chunk(store, keys, 0, [row])
    await seed_final(store, keys, SessionStatus.COMPLETED, [row], INPUT_COLUMNS)
    return keys


async def test_answers_from_a_website_show_as_text_and_only_web_links(
    page: Page, stack: Stack, store: MinioStore
) -> None:
    keys = await seed_answered_session(store, stack.tenant)
    await sign_in(page, stack)
    await page.goto(f"{stack.url}/#/sessions/{keys.session_id}")
    cell = page.locator("#results-table tr[data-row='0'] td.fields")
    await expect(cell.locator("summary")).to_have_text("2 of 3 answered")
    await cell.locator("summary").click()
    hostile = cell.locator("li[data-field='analytics']")
    await expect(hostile.locator("blockquote")).to_have_text(HOSTILE_QUOTE)
    assert await hostile.locator("script").count() == 0
    assert await page.evaluate("window.__pwned") is None
    await expect(hostile.locator(".field-source")).to_have_text(HIDDEN_SOURCE)
    assert await hostile.locator(".field-source a").count() == 0
    b2b = cell.locator("li[data-field='sells_b2b']")
    await expect(b2b.locator(".field-value")).to_have_text("yes")
    await expect(b2b.locator(".field-source")).to_contain_text("90% sure")
    await expect(b2b.locator(".field-source a")).to_have_attribute("href", "https://acme.example/")
    await expect(cell.locator("li[data-field='founded'] .field-value")).to_have_text("no answer")
    # No webhook: no deliveries panel.
    await expect(page.locator("#webhook-deliveries")).to_be_hidden()
