"""The dashboard in Debian's Chromium against the real services run as processes."""

from __future__ import annotations

import contextlib
import json
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize, async_playwright

from shared.auth import hash_key, new_key
from shared.broker.rabbit_topology import delete_topology
from shared.topology import Topology
from tests.processes import REPO, ServiceProcess, gateway_notifier_worker
from tests.services import service_settings

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
    env = {
        **base_env,
        "DOSSIER_API_KEYS": f"{tenant}:{hash_key(key)}",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    with gateway_notifier_worker(env, log_dir, worker_env, READY_TIMEOUT) as running:
        yield Stack(
            url=running.gateway_url,
            key=key,
            tenant=tenant,
            processes=running.processes,
            env=running.env,
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
        await delete_topology(
            base_env["DOSSIER_AMQP_URL"], Topology(base_env["DOSSIER_TOPOLOGY_PREFIX"])
        )


@pytest.fixture(scope="module")
def base_env(s3_endpoint: str, s3_bucket: str, rabbitmq: str) -> dict[str, str]:
    """Like `service_env`, shared by one module's tests so the services start once."""
    return service_settings(rabbitmq, f"dtest-{uuid.uuid4().hex[:10]}", s3_endpoint, s3_bucket)


@pytest.fixture(scope="module")
def worker_env() -> dict[str, str]:
    """The worker's own settings; a module that needs network stages overrides it."""
    return {"DOSSIER_PIPELINE_STAGES": "normalize"}


@pytest.fixture(scope="module")
async def stack(
    base_env: dict[str, str],
    worker_env: dict[str, str],
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Stack]:
    """Each module runs its own services (one of them stops the notifier), shared by its
    tests."""
    logs = tmp_path_factory.mktemp(f"{request.module.__name__.rsplit('.', 1)[-1]}-logs")
    async with stack_for_module(base_env, logs, worker_env) as running:
        yield running


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


class Dashboard(Protocol):
    """Where the dashboard is served, and a key it accepts."""

    @property
    def url(self) -> str: ...

    @property
    def key(self) -> str: ...


async def sign_in(page: Page, stack: Dashboard) -> None:
    """Open the dashboard and paste the API key, as a first-time user does."""
    await page.goto(stack.url + "/")
    await page.get_by_label("API key", exact=True).fill(stack.key)
    await page.get_by_role("button", name="Save key").click()
    await page.get_by_role("heading", name="Sessions").wait_for()
