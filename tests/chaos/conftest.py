"""Chaos fixtures: an object store this test alone uses (so it may kill it), a slow site
that makes rows take real time, and the deployment as processes on top of them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

# The dashboard scenario drives Chromium with the browser tier's own fixtures.
from tests.browser.conftest import browser, chromium, context, page
from tests.chaos.stack import ChaosStack, chaos_stack
from tests.services import SeaweedFS
from tests.slow_site import SlowSite, slow_sites

__all__ = ["browser", "chromium", "context", "page"]

# With 4 rows in flight per worker, a chunk of 20 rows takes about 2 s and a session of
# 300 rows about 15 s on two workers: long enough for a fault to land in its middle.
ROW_SECONDS = 0.4
WORKER_SETTINGS = {"DOSSIER_WORKER_CHUNK_SIZE": "20", "DOSSIER_WORKER_CONCURRENCY": "4"}


@pytest.fixture
def object_store(tmp_path: Path) -> Iterator[SeaweedFS]:
    server = SeaweedFS(tmp_path / "s3")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def slow_site() -> Iterator[SlowSite]:
    with slow_sites(ROW_SECONDS, 1) as (site, _):
        yield site


@pytest.fixture
async def stack(
    object_store: SeaweedFS, rabbitmq: str, slow_site: SlowSite, tmp_path: Path
) -> AsyncIterator[ChaosStack]:
    async with chaos_stack(
        object_store, rabbitmq, slow_site, tmp_path / "logs", **WORKER_SETTINGS
    ) as running:
        yield running


@pytest.fixture
async def api(stack: ChaosStack) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=stack.api, headers=stack.headers, timeout=20) as client:
        yield client
