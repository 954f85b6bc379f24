"""The dashboard in Debian's Chromium against the real services run as processes."""

from __future__ import annotations

import contextlib
import json
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize, async_playwright

from shared.auth import hash_key, new_key
from shared.topology import Topology
from tests.conftest import drop_topology
from tests.processes import REPO, ServiceProcess, service, wait_http_ok
from tests.services import TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
READY_TIMEOUT = 60
SCREENSHOTS = REPO / ".artifacts" / "screenshots"
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 375, "height": 812}


@dataclass(frozen=True)
class Stack:
    url: str
    key: str
    tenant: str
    processes: tuple[ServiceProcess, ...]
    env: dict[str, str]
    log_dir: Path

    def api(self, method: str, path: str) -> Any:
        """A JSON call to the gateway with the stack's key (checks what the page shows)."""
        request = urllib.request.Request(
            self.url + path, method=method, headers={"Authorization": f"Bearer {self.key}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.log_text()[-3000:]}" for p in self.processes)


@contextlib.contextmanager
def running_stack(
    base_env: dict[str, str], log_dir: Path, worker_env: dict[str, str]
) -> Iterator[Stack]:
    """Gateway, notifier and one worker for one tenant with a fresh API key."""
    tenant = f"t{uuid.uuid4().hex[:10]}"
    key = new_key()
    gateway_port, notifier_port, worker_port = free_port(), free_port(), free_port()
    env = {
        **base_env,
        "DOSSIER_API_KEYS": f"{tenant}:{hash_key(key)}",
        "DOSSIER_GATEWAY_HOST": "127.0.0.1",
        "DOSSIER_GATEWAY_PORT": str(gateway_port),
        "DOSSIER_NOTIFIER_HOST": "127.0.0.1",
        "DOSSIER_NOTIFIER_PORT": str(notifier_port),
        "DOSSIER_NOTIFIER_PUBLIC_URL": f"ws://127.0.0.1:{notifier_port}/ws",
        "DOSSIER_WORKER_HEALTH_PORT": str(worker_port),
        "NO_PROXY": "127.0.0.1,localhost",
    }
    with (
        service("gateway", env, log_dir) as gateway,
        service("notifier", env, log_dir) as notifier,
        service("worker", {**env, **worker_env}, log_dir) as worker,
    ):
        wait_http_ok(f"http://127.0.0.1:{gateway_port}/readyz", READY_TIMEOUT, gateway)
        wait_http_ok(f"http://127.0.0.1:{notifier_port}/readyz", READY_TIMEOUT, notifier)
        wait_http_ok(f"http://127.0.0.1:{worker_port}/readyz", READY_TIMEOUT, worker)
        yield Stack(
            url=f"http://127.0.0.1:{gateway_port}",
            key=key,
            tenant=tenant,
            processes=(gateway, notifier, worker),
            env=env,
            log_dir=log_dir,
        )


@contextlib.asynccontextmanager
async def stack_for_module(
    base_env: dict[str, str], log_dir: Path, worker_env: dict[str, str]
) -> AsyncIterator[Stack]:
    """`running_stack`, then the module's exchanges and queues are deleted."""
    try:
        with running_stack(base_env, log_dir, worker_env) as running:
            yield running
    finally:
        await drop_topology(
            base_env["DOSSIER_AMQP_URL"], Topology(base_env["DOSSIER_TOPOLOGY_PREFIX"])
        )


@pytest.fixture(scope="module")
def base_env(s3_endpoint: str, s3_bucket: str, rabbitmq: str) -> dict[str, str]:
    """Like `service_env`, shared by one module's tests so the services start once."""
    return {
        "DOSSIER_ENVIRONMENT": "test",
        "DOSSIER_LOG_FORMAT": "json",
        "DOSSIER_AMQP_URL": rabbitmq,
        "DOSSIER_TOPOLOGY_PREFIX": f"dtest-{uuid.uuid4().hex[:10]}",
        "DOSSIER_S3_ENDPOINT": s3_endpoint,
        "DOSSIER_S3_ACCESS_KEY": TEST_S3_ACCESS_KEY,
        "DOSSIER_S3_SECRET_KEY": TEST_S3_SECRET_KEY,
        "DOSSIER_S3_BUCKET": s3_bucket,
    }


@pytest.fixture(scope="session")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    return CHROMIUM


@pytest.fixture(scope="session")
async def browser(chromium: str) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        await browser.close()


@pytest.fixture
async def context(browser: Browser) -> AsyncIterator[BrowserContext]:
    context = await browser.new_context(viewport=DESKTOP, accept_downloads=True)
    yield context
    await context.close()


@pytest.fixture
async def page(context: BrowserContext) -> Page:
    page = await context.new_page()
    page.set_default_timeout(20_000)
    return page


async def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    await page.screenshot(path=str(path), full_page=True)
    return path


async def sign_in(page: Page, stack: Stack) -> None:
    """Open the dashboard and paste the API key, as a first-time user does."""
    await page.goto(stack.url + "/")
    await page.get_by_label("API key", exact=True).fill(stack.key)
    await page.get_by_role("button", name="Save key").click()
    await page.get_by_role("heading", name="Sessions").wait_for()
