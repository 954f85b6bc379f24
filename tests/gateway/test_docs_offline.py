"""The API documentation renders in a real browser with every outside request blocked."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Route, async_playwright, expect

from shared.broker.rabbit_topology import delete_topology
from shared.topology import Topology
from tests.processes import service, wait_http_ok
from tests.services import free_port

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.browser


@pytest.fixture
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    return CHROMIUM


async def test_swagger_ui_renders_from_local_assets_only(
    service_env: dict[str, str], tmp_path: Path, chromium: str
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    outside: list[str] = []

    async def local_only(route: Route) -> None:
        if route.request.url.startswith(base):
            await route.continue_()
        else:
            outside.append(route.request.url)
            await route.abort()

    with service("gateway", {**service_env, "DOSSIER_GATEWAY_PORT": str(port)}, tmp_path) as gw:
        wait_http_ok(f"{base}/readyz", 60, gw)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-gpu"], headless=True
            )
            try:
                page = await browser.new_page()
                await page.route("**/*", local_only)
                await page.goto(f"{base}/docs")
                await expect(page.locator(".swagger-ui .info .title")).to_contain_text(
                    "Dossier API", timeout=30_000
                )
                await expect(
                    page.locator(".opblock-summary-path", has_text="/api/sessions").first
                ).to_be_visible()
            finally:
                await browser.close()
    assert outside == []
    await delete_topology(
        service_env["DOSSIER_AMQP_URL"], Topology(service_env["DOSSIER_TOPOLOGY_PREFIX"])
    )
