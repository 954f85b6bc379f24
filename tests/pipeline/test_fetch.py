"""Fetching through the proxy with the test CA: limits, decoding and failure reasons."""

from __future__ import annotations

import asyncio
import time

import httpx2
import pytest

from shared.budget.memory import MemoryBudget
from shared.budget.protocol import BudgetUnavailable, Slots, Window
from tests.pipeline.conftest import FARM_DNS, Farm, MakeSettings
from worker.pipeline.build import page_fetcher, web_client
from worker.pipeline.clients.fetch.decode import decode_body
from worker.pipeline.clients.fetch.fetcher import Fetcher, FetchError, FetchLimits
from worker.pipeline.clients.fetch.politeness import HostGate
from worker.pipeline.metrics import NO_METRICS

pytestmark = pytest.mark.unit


def fetcher(
    settings: MakeSettings, gate: HostGate | None = None, **overrides: object
) -> tuple[Fetcher, httpx2.AsyncClient]:
    s = settings(**overrides)
    web = web_client(s, FARM_DNS)
    if gate is None:
        return page_fetcher(s, web, NO_METRICS, MemoryBudget()), web
    limits = FetchLimits(
        s.fetch_timeout_s, s.fetch_max_bytes, s.fetch_max_redirects, s.fetch_attempts, 0.1
    )
    return Fetcher(web, gate, limits), web


async def test_pages_are_fetched_through_the_https_proxy_with_the_configured_ca(
    make_settings: MakeSettings, web_env: Farm
) -> None:
    fetch, client = fetcher(make_settings)
    async with client:
        page = await fetch.fetch("https://acme-rockets.com/")
    assert page.status == 200
    assert "Acme Rockets" in page.text
    assert "acme-rockets.com" in web_env.proxy.tunnels


async def test_redirect_chain_is_recorded_and_final_url_kept(make_settings: MakeSettings) -> None:
    fetch, client = fetcher(make_settings)
    async with client:
        page = await fetch.fetch("https://old-path.com/")
    assert page.url == "https://www.old-path.com/en/"
    assert page.redirects == ("https://old-path.com/",)


async def test_too_many_redirects_is_an_error(make_settings: MakeSettings) -> None:
    fetch, client = fetcher(make_settings, fetch_max_redirects=0)
    async with client:
        with pytest.raises(FetchError) as caught:
            await fetch.fetch("https://old-path.com/")
    assert caught.value.kind == "redirects"


async def test_windows_1251_page_declared_only_in_meta_is_decoded(
    make_settings: MakeSettings,
) -> None:
    fetch, client = fetcher(make_settings)
    async with client:
        page = await fetch.fetch("https://russian-co.ru/")
    assert "Компания Ромашка выращивает" in page.text


async def test_huge_page_is_cut_at_the_size_limit(make_settings: MakeSettings) -> None:
    fetch, client = fetcher(make_settings, fetch_max_bytes=100_000)
    started = time.monotonic()
    async with client:
        page = await fetch.fetch("https://huge-site.com/")
    assert page.truncated
    assert len(page.text.encode()) <= 100_000
    assert "Huge Pages Ltd hosts very large documents" in page.text
    assert time.monotonic() - started < 5


async def test_slow_page_times_out(make_settings: MakeSettings) -> None:
    fetch, client = fetcher(make_settings, fetch_timeout_s=0.5)
    async with client:
        with pytest.raises(FetchError) as caught:
            await fetch.fetch("https://slow-site.com/")
    assert caught.value.kind == "timeout"


@pytest.mark.parametrize(
    ("url", "kind", "detail"),
    [
        ("https://dead-host.com/", "unreachable", "proxy"),
        ("https://badtls.com/", "tls", "CERTIFICATE_VERIFY_FAILED"),
        ("https://gone-site.com/", "http", "HTTP 404"),
        ("https://broken-server.com/", "http", "HTTP 503"),
    ],
)
async def test_failures_carry_their_kind(
    make_settings: MakeSettings, url: str, kind: str, detail: str
) -> None:
    fetch, client = fetcher(make_settings)
    async with client:
        with pytest.raises(FetchError) as caught:
            await fetch.fetch(url)
    assert caught.value.kind == kind
    assert detail in caught.value.reason


async def test_gates_of_several_workers_share_each_hosts_requests_in_flight() -> None:
    budget = MemoryBudget()  # what RabbitMQ is to the workers of a deployment
    gates = [HostGate(budget, None, Slots("host-slots", 2, 30.0), 5.0) for _ in range(3)]
    in_flight = peak = 0
    release = asyncio.Event()
    three_in = asyncio.Event()

    async def use(gate: HostGate, host: str) -> None:
        nonlocal in_flight, peak
        async with gate.hold(host):
            in_flight += 1
            peak = max(peak, in_flight)
            if in_flight == 3:
                three_in.set()
            await release.wait()
            in_flight -= 1

    tasks = [asyncio.create_task(use(gates[n % 3], "a.com")) for n in range(5)]
    other = asyncio.create_task(use(gates[0], "b.com"))
    await asyncio.wait_for(three_in.wait(), 5)
    await asyncio.sleep(0.3)  # a wrongly admitted fourth request has had its chance
    assert peak == 3  # two for a.com, whichever workers hold them, one for b.com
    release.set()
    await asyncio.gather(*tasks, other)
    assert [gate.active_hosts() for gate in gates] == [0, 0, 0]


async def test_requests_in_flight_can_be_capped_per_worker_only() -> None:
    budget, slots = MemoryBudget(), Slots("host-slots", 2, 30.0)
    gates = [HostGate(budget, None, slots, 5.0, in_flight_shared=False) for _ in range(2)]
    four_in = asyncio.Event()
    in_flight = 0

    async def use(gate: HostGate) -> None:
        nonlocal in_flight
        async with gate.hold("a.com"):
            in_flight += 1
            if in_flight == 4:
                four_in.set()
            await four_in.wait()

    await asyncio.wait_for(asyncio.gather(*(use(gates[n % 2]) for n in range(4))), 5)


def test_a_character_cut_by_the_size_limit_does_not_change_the_encoding() -> None:
    text = "Компания " * 10
    body = text.encode()[:-1]  # half of the last two-byte character
    assert decode_body(body, "text/html").startswith("Компания Компания")


def test_a_wrong_charset_declaration_falls_back_to_sniffing() -> None:
    body = "<p>Привет, мир</p>".encode()
    assert "Привет" in decode_body(body, "text/html; charset=ascii")


async def test_gates_of_several_workers_share_each_hosts_request_budget() -> None:
    budget, window = MemoryBudget(), Window("host", 2, 0.2)
    gates = [HostGate(budget, window, Slots("host-slots", 5, 30.0), 5.0) for _ in range(3)]
    loop = asyncio.get_running_loop()
    starts: list[float] = []

    async def use(gate: HostGate, host: str) -> None:
        async with gate.hold(host):
            if host == "a.com":
                starts.append(loop.time())

    await asyncio.gather(*(use(gates[n % 3], "a.com") for n in range(6)), use(gates[0], "b.com"))
    starts.sort()
    for i in range(2, 6):  # at most two starts in any 0.2 s, whichever worker made them
        assert starts[i] - starts[i - 2] >= window.seconds


async def test_a_host_whose_budget_cannot_be_reached_fails_the_request_clearly() -> None:
    budget = MemoryBudget()
    budget.available = False
    gate = HostGate(budget, Window("host", 1, 0.5), Slots("host-slots", 2, 30.0), 0.2)
    with pytest.raises(BudgetUnavailable, match="budget could not be reached"):
        async with gate.hold("a.com"):
            pass
    assert gate.active_hosts() == 0


async def test_waiting_for_a_hosts_budget_does_not_count_against_the_fetch_timeout(
    make_settings: MakeSettings, web_env: Farm
) -> None:
    gate = HostGate(MemoryBudget(), Window("host", 1, 0.6), Slots("host-slots", 2, 30.0), 5.0)
    fetch, client = fetcher(make_settings, gate, fetch_timeout_s=0.4)
    async with client:
        first, second = await asyncio.gather(
            fetch.fetch("https://acme-rockets.com/"), fetch.fetch("https://acme-rockets.com/about")
        )
    assert (first.status, second.status) == (200, 200)  # the second waited ~0.6 s first


async def test_compressed_pages_are_decompressed(make_settings: MakeSettings) -> None:
    fetch, client = fetcher(make_settings)
    async with client:
        page = await fetch.fetch("https://gzip-co.com/")
    assert "Gzip Co compresses every page" in page.text


async def test_cookies_a_site_sets_last_for_its_fetch_only(make_settings: MakeSettings) -> None:
    fetch, client = fetcher(make_settings)
    async with client:
        # The cookie set on the first hop goes back with the redirect.
        page = await fetch.fetch("https://cookie-check.com/")
        assert page.url == "https://cookie-check.com/welcome"
        assert "Welcome back" in page.text
        # Nothing is kept for the next fetch, and the client holds no site's cookies.
        with pytest.raises(FetchError) as refused:
            await fetch.fetch("https://cookie-check.com/welcome")
        assert refused.value.reason == "HTTP 403"
        assert len(client.cookies.jar) == 0
