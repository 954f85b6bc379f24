"""Back-off toward hosts that are overloaded or slow, against loopback servers that answer
429 with Retry-After, 503, or slowly: the page fetcher as the worker builds it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from shared.budget.memory import MemoryBudget
from tests.pipeline.fakes.dns import FarmResolver
from worker.pipeline.build import page_fetcher, web_client
from worker.pipeline.clients.fetch.fetcher import Fetcher, FetchError
from worker.pipeline.clients.fetch.pacing import HostPacing, HostPaused
from worker.pipeline.clients.retry import retry_after_seconds
from worker.pipeline.metrics import NO_METRICS
from worker.pipeline.settings import PipelineSettings

pytestmark = pytest.mark.unit

PAGE = b"<html><head><title>Acme</title></head><body>Acme builds rockets.</body></html>"


@dataclass
class Plan:
    """The answers a server gives, in order (then 200 at once): status, headers, delay."""

    answers: list[tuple[int, dict[str, str], float]] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            while await reader.readuntil(b"\r\n\r\n"):
                self.arrivals.append(time.monotonic())
                self.in_flight += 1
                self.most_in_flight = max(self.most_in_flight, self.in_flight)
                status, headers, delay = self.answers.pop(0) if self.answers else (200, {}, 0)
                await asyncio.sleep(delay)
                self.in_flight -= 1
                body = PAGE if status == 200 else b""
                lines = [f"HTTP/1.1 {status} X", "Content-Type: text/html"]
                lines += [f"{k}: {v}" for k, v in headers.items()]
                lines += [f"Content-Length: {len(body)}", "", ""]
                writer.write("\r\n".join(lines).encode() + body)
                await writer.drain()
        writer.close()


@contextlib.asynccontextmanager
async def site(plan: Plan) -> AsyncIterator[str]:
    server = await asyncio.start_server(plan.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://acme.test:{port}/"
    finally:
        server.close()


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("DOSSIER_") or name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)


@contextlib.asynccontextmanager
async def fetcher(**overrides: object) -> AsyncIterator[Fetcher]:
    values: dict[str, object] = {
        "fetch_timeout_s": 2.0,
        "fetch_attempts": 2,
        "retry_max_wait_s": 0.05,
        "fetch_robots": "off",
        "fetch_allow_private_networks": True,
        "budget_max_wait_s": 5.0,
    }
    settings = PipelineSettings(**(values | overrides))  # type: ignore[arg-type]
    web = web_client(settings, FarmResolver())
    try:
        yield page_fetcher(settings, web, NO_METRICS, MemoryBudget())
    finally:
        await web.aclose()


@pytest.mark.usefixtures("no_proxy")
async def test_a_429_with_retry_after_is_waited_out_before_the_next_request() -> None:
    plan = Plan([(429, {"Retry-After": "1"}, 0.0)])
    async with site(plan) as url, fetcher() as fetch:
        page = await fetch.fetch(url)
    assert page.status == 200
    assert len(plan.arrivals) == 2
    # The retry's own back-off is 50 ms at most: the rest is the site's Retry-After.
    assert plan.arrivals[1] - plan.arrivals[0] >= 0.95


@pytest.mark.usefixtures("no_proxy")
async def test_a_503_pauses_the_host_and_the_pause_doubles_while_it_lasts() -> None:
    plan = Plan([(503, {}, 0.0), (503, {}, 0.0), (503, {}, 0.0)])
    async with site(plan) as url, fetcher(host_backoff_s=0.15) as fetch:
        with pytest.raises(FetchError) as failed:
            await fetch.fetch(url)
        assert failed.value.detail == "HTTP 503"
        assert (await fetch.fetch(url)).status == 200
    gaps = [b - a for a, b in zip(plan.arrivals, plan.arrivals[1:], strict=False)]
    assert len(gaps) == 3
    assert gaps[0] >= 0.14  # first pause: host_backoff_s
    assert gaps[1] >= 0.29  # second 503 in a row: twice that
    assert gaps[2] >= 0.58  # third: four times


@pytest.mark.usefixtures("no_proxy")
async def test_a_retry_after_longer_than_the_longest_wait_fails_at_once_as_throttled() -> None:
    plan = Plan([(429, {"Retry-After": "3600"}, 0.0)])
    # Waiting would take the longest wait (20 s): failing at once is far below it, even
    # on a machine busy with other work.
    async with site(plan) as url, fetcher(budget_max_wait_s=20.0) as fetch:
        began = time.monotonic()
        with pytest.raises(FetchError) as failed:
            await fetch.fetch(url)
    assert failed.value.kind == "throttled"
    assert "asked to wait 3600 s" in failed.value.detail
    assert time.monotonic() - began < 10.0
    assert len(plan.arrivals) == 1


@pytest.mark.usefixtures("no_proxy")
async def test_a_host_paused_for_longer_than_a_page_may_take_fails_at_once_as_throttled() -> None:
    # The pause (12 s) is within the longest wait at the gate (30 s) but longer than a page
    # may take to answer (1 s): the row gets its answer now, not after the pause.
    plan = Plan([(503, {}, 0.0)] * 2)
    settings = {"host_backoff_s": 12.0, "fetch_timeout_s": 1.0, "budget_max_wait_s": 30.0}
    async with site(plan) as url, fetcher(**settings) as fetch:
        began = time.monotonic()
        with pytest.raises(FetchError) as failed:
            await fetch.fetch(url)
        assert failed.value.kind == "throttled"
        assert "asked to wait" in failed.value.detail
        with pytest.raises(FetchError) as again:
            await fetch.fetch(url)
        assert again.value.kind == "throttled"
        assert time.monotonic() - began < 6.0
    assert len(plan.arrivals) == 1


@pytest.mark.usefixtures("no_proxy")
async def test_a_slow_host_gets_one_request_at_a_time_until_it_answers_quickly() -> None:
    quick: list[tuple[int, dict[str, str], float]] = [(200, {}, 0.05)] * 4
    # The last answers take long enough to overlap however busy the machine is.
    overlapping: list[tuple[int, dict[str, str], float]] = [(200, {}, 0.3)] * 4
    plan = Plan([(200, {}, 0.5), *quick, *overlapping])
    async with site(plan) as url, fetcher(host_slow_answer_s=0.35, host_concurrency=4) as fetch:
        await fetch.fetch(url)
        await asyncio.gather(*(fetch.fetch(url) for _ in range(4)))
        after_slow = plan.most_in_flight
        plan.most_in_flight = 0
        await asyncio.gather(*(fetch.fetch(url) for _ in range(4)))
    assert after_slow == 1
    # Spaced by the slow answer's time; a quick answer lifts the pacing for what follows.
    # Starts 0.5 s apart: the four arrive over 1.5 s, less what connecting took.
    assert plan.arrivals[4] - plan.arrivals[1] >= 1.2
    assert plan.most_in_flight >= 2


@pytest.mark.usefixtures("no_proxy")
async def test_a_host_that_answers_well_is_not_spaced_at_all() -> None:
    plan = Plan()
    async with site(plan) as url, fetcher(host_concurrency=8) as fetch:
        began = time.monotonic()
        await asyncio.gather(*(fetch.fetch(url) for _ in range(8)))
    assert time.monotonic() - began < 1.0
    assert len(plan.arrivals) == 8


def test_pacing_forgets_a_host_once_it_answers_well_again() -> None:
    now = [100.0]
    pacing = HostPacing(2.0, 1.0, 30.0, clock=lambda: now[0])
    pacing.answered("a.com", 429, 0.1, retry_after_s=10.0)
    assert pacing.delay("a.com", 60.0) == 10.0
    with pytest.raises(HostPaused):
        pacing.delay("a.com", 5.0)
    now[0] += 10.0
    pacing.answered("a.com", 200, 0.1)
    assert pacing.paced_hosts() == 0
    assert pacing.delay("a.com", 60.0) == 0.0


def test_retry_after_is_read_as_seconds_or_as_an_http_date() -> None:
    assert retry_after_seconds("7") == 7.0
    in_a_minute = format_datetime(datetime.now(UTC) + timedelta(seconds=60), usegmt=True)
    seconds = retry_after_seconds(in_a_minute)
    assert seconds is not None
    assert 55 <= seconds <= 60
    past = format_datetime(datetime.now(UTC) - timedelta(seconds=60), usegmt=True)
    assert retry_after_seconds(past) == 0.0
    assert retry_after_seconds("soon") is None
