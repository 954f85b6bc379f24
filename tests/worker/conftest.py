"""Engine fixtures: sessions seeded as the gateway writes them, worker processes, a slow
local website, and waits on stored state."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from shared.broker import Broker
from shared.ids import new_session_id
from shared.layout import SessionKeys
from shared.messages import StartSession
from shared.models import FinalStatus, InputSummary, SessionManifest, SessionOptions, StartRequest
from shared.rows import InputRow, ResultRow
from shared.storage import MinioStore
from tests.processes import ServiceProcess, service, wait_http_ok
from tests.services import free_port
from worker.checkpoint import decode_results

TEST_PIPELINE = "tests.worker.pipelines:build_test_pipeline"
COLUMNS = ["Company", "Website", "Group"]


def make_rows(count: int, website: Callable[[int], str] | None = None) -> list[InputRow]:
    rows = []
    for n in range(count):
        site = website(n) if website else f"https://www.company{n}.com/en"
        original = {"Company": f"Company {n}", "Website": site, "Group": f"g{n % 7}"}
        rows.append(InputRow(row=n, name=f"Company {n}", website=site or None, original=original))
    return rows


async def seed_session(
    store: MinioStore, tenant: str, session_id: str, rows: list[InputRow]
) -> SessionKeys:
    """Write manifest, rows and start marker exactly as the gateway does."""
    keys = SessionKeys(tenant, session_id)
    data = b"".join(row.model_dump_json().encode() + b"\n" for row in rows)
    await store.put_bytes(keys.input_file("input.csv"), b"Company,Website,Group\n", "text/csv")
    await store.put_bytes(keys.rows, data, "application/jsonl")
    await store.put_bytes(keys.context, b"", "text/plain")
    manifest = SessionManifest(
        session_id=session_id,
        tenant=tenant,
        created_at=datetime.now(UTC),
        options=SessionOptions(),
        input=InputSummary(
            filename="input.csv",
            format="csv",
            size_bytes=len(data),
            has_header=True,
            columns=COLUMNS,
            name_column="Company",
            website_column="Website",
            rows=len(rows),
        ),
        input_key=keys.input_file("input.csv"),
    )
    await store.put_model(keys.manifest, manifest)
    await store.put_model(keys.start_marker, StartRequest(requested_at=datetime.now(UTC)))
    return keys


async def start_session(
    store: MinioStore, broker: Broker, tenant: str, session_id: str, rows: list[InputRow]
) -> SessionKeys:
    keys = await seed_session(store, tenant, session_id, rows)
    await broker.publish_start(StartSession(tenant=tenant, session_id=session_id))
    return keys


async def wait_until(
    condition: Callable[[], object], timeout: float, what: str, interval: float = 0.2
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        await asyncio.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


async def wait_final(store: MinioStore, keys: SessionKeys, timeout: float) -> FinalStatus:
    await wait_until(lambda: store.exists(keys.final_status), timeout, "the final status")
    return await store.get_model(keys.final_status, FinalStatus)


async def stored_results(store: MinioStore, keys: SessionKeys) -> list[ResultRow]:
    results: list[ResultRow] = []
    for info in await store.list_objects(keys.chunk_results_prefix):
        results.extend(decode_results(await store.get_bytes(info.key)))
    return results


@pytest.fixture
def worker_env(service_env: dict[str, str]) -> dict[str, str]:
    return {
        **service_env,
        "DOSSIER_PIPELINE_STAGES": "normalize",
        "DOSSIER_WORKER_CANCEL_POLL_S": "0.3",
    }


class Workers:
    def __init__(self, env: dict[str, str], log_dir: Path, stack: contextlib.ExitStack) -> None:
        self._env = env
        self._log_dir = log_dir
        self._stack = stack
        self.processes: list[ServiceProcess] = []

    def start(self, count: int, **extra: str) -> list[ServiceProcess]:
        started = []
        for _ in range(count):
            port = free_port()
            env = {**self._env, "DOSSIER_WORKER_HEALTH_PORT": str(port), **extra}
            name = f"worker{len(self.processes)}"
            process = self._stack.enter_context(service("worker", env, self._log_dir, name))
            self.processes.append(process)
            started.append((process, port))
        for process, port in started:
            # Generous: several interpreters importing at once on a busy 2-core machine.
            wait_http_ok(f"http://127.0.0.1:{port}/readyz", 60, process)
        return [process for process, _ in started]


@pytest.fixture
def workers(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Workers]:
    with contextlib.ExitStack() as stack:
        yield Workers(worker_env, tmp_path / "logs", stack)


class SlowSite:
    """A local website whose every page answers after `delay` seconds."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.requests = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests += 1
                time.sleep(site.delay)
                body = b"<html><title>ok</title></html>"
                self.send_response(200)
                self.send_header("Connection", "close")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def slow_site() -> Iterator[SlowSite]:
    site = SlowSite(0.2)
    yield site
    site.close()


@pytest.fixture
def session_ids() -> Callable[[], str]:
    return new_session_id
