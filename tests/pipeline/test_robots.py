"""robots.txt (RFC 9309) before the pages the worker goes on to: its rules by product
token, what its answers mean, redirects, the day-long cache, and the scopes: the pages a
user asked for fetched without it by default, every page in strict mode, none off."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from tests.pipeline.conftest import FARM_DNS, Farm, MakeSettings
from tests.pipeline.fakes.site_farm import SERVED
from worker.pipeline.build import web_fetcher
from worker.pipeline.clients.fetch.fetcher import FetchError
from worker.pipeline.clients.fetch.robots import (
    DAY_S,
    RobotsFile,
    RobotsRules,
    product_token,
    robots_url,
)

pytestmark = pytest.mark.unit


@pytest.fixture
def served(web_env: Farm) -> Counter[tuple[str, str]]:
    SERVED.clear()
    return SERVED


async def fetch_all(
    settings: MakeSettings, *urls: str, asked: tuple[str, ...] = (), **overrides: object
) -> list[object]:
    """Each URL's page text, or the FetchError that kept it from being fetched; the URLs in
    `asked` are fetched as pages the user asked for (a row's website)."""
    fetcher, client = web_fetcher(settings(**overrides), resolver=FARM_DNS)
    outcomes: list[object] = []
    async with client:
        for url in urls:
            try:
                page = await fetcher.fetch(url, user_triggered=url in asked)
                outcomes.append(page.text)
            except FetchError as error:
                outcomes.append(error)
    return outcomes


def kept_out(outcome: object) -> FetchError:
    assert isinstance(outcome, FetchError), f"fetched: {outcome!r}"
    return outcome


async def test_a_page_robots_txt_disallows_is_not_fetched_and_says_why(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    (outcome,) = await fetch_all(make_settings, "https://robots-closed.com/")
    error = kept_out(outcome)
    assert error.kind == "robots"
    assert error.reason == "robots.txt disallows https://robots-closed.com/"
    assert served[("robots-closed.com", "/robots.txt")] == 1
    assert served[("robots-closed.com", "/")] == 0


async def test_the_group_of_the_user_agents_product_token_applies(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    home, private = await fetch_all(
        make_settings, "https://robots-agents.com/", "https://robots-agents.com/private"
    )
    assert "Agents Co" in str(home)
    assert kept_out(private).kind == "robots"
    (other,) = await fetch_all(
        make_settings, "https://robots-agents.com/", fetch_user_agent="OtherBot/2.0"
    )
    assert kept_out(other).reason == "robots.txt disallows https://robots-agents.com/"


async def test_rules_are_asked_once_per_origin_and_kept(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    await fetch_all(
        make_settings,
        "https://robots-agents.com/",
        "https://robots-agents.com/private",
        "https://robots-agents.com/",
        "http://robots-agents.com/",  # another scheme is another origin
    )
    assert served[("robots-agents.com", "/robots.txt")] == 2
    assert served[("robots-agents.com", "/")] == 3


@pytest.mark.parametrize(
    ("site", "detail"),
    [
        ("robots-broken.com", "robots.txt answered HTTP 503"),
        ("robots-throttled.com", "robots.txt answered HTTP 429"),
    ],
)
async def test_a_server_error_on_robots_txt_disallows_the_whole_site(
    make_settings: MakeSettings, served: Counter[tuple[str, str]], site: str, detail: str
) -> None:
    (outcome,) = await fetch_all(make_settings, f"https://{site}/")
    error = kept_out(outcome)
    assert error.reason == detail
    assert served[(site, "/")] == 0


async def test_robots_txt_that_cannot_be_reached_keeps_the_page_unfetched(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    (slow,) = await fetch_all(make_settings, "https://slow-site.com/", fetch_timeout_s=0.5)
    assert kept_out(slow).kind == "timeout"
    (dead,) = await fetch_all(make_settings, "https://dead-host.com/")
    assert kept_out(dead).kind == "unreachable"
    assert served[("slow-site.com", "/")] == 0


async def test_a_missing_or_forbidden_robots_txt_allows_everything(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    forbidden, missing = await fetch_all(
        make_settings, "https://robots-forbidden.com/", "https://acme-rockets.com/about"
    )
    assert "Forbidden" in str(forbidden)
    assert "About Acme Rockets" in str(missing)
    assert served[("robots-forbidden.com", "/robots.txt")] == 1


async def test_redirects_of_robots_txt_are_followed_up_to_five(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    home, secret = await fetch_all(
        make_settings, "https://robots-moved.com/", "https://robots-moved.com/secret"
    )
    assert "Moved Robots" in str(home)
    assert kept_out(secret).reason == "robots.txt disallows https://robots-moved.com/secret"
    assert served[("www.robots-moved.com", "/rules.txt")] == 1
    # Past five redirects there is no robots.txt, so no rule.
    (looping,) = await fetch_all(make_settings, "https://robots-loop.com/")
    assert "Loop Robots" in str(looping)
    assert served[("robots-loop.com", "/robots.txt")] == 6


async def test_turned_off_robots_txt_is_neither_asked_nor_obeyed(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    page, about = await fetch_all(
        make_settings,
        "https://robots-closed.com/",
        "https://robots-about.com/about",
        asked=("https://robots-closed.com/",),
        fetch_robots="off",
    )
    assert "Closed Co" in str(page)
    assert "accounting software" in str(about)
    assert served[("robots-closed.com", "/robots.txt")] == 0
    assert served[("robots-about.com", "/robots.txt")] == 0


async def test_a_page_the_user_asked_for_and_its_redirects_skip_robots_txt_by_default(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    asked = ("https://robots-closed.com/", "https://robots-redirect.com/")
    closed, moved, about = await fetch_all(
        make_settings, *asked, "https://robots-about.com/about", asked=asked
    )
    assert "Closed Co" in str(closed)
    assert "Redirect Robots" in str(moved)
    assert served[("www.robots-redirect.com", "/home")] == 1
    for host in ("robots-closed.com", "robots-redirect.com", "www.robots-redirect.com"):
        assert served[(host, "/robots.txt")] == 0
    # A page the worker goes on to by itself asks first.
    assert kept_out(about).reason == "robots.txt disallows https://robots-about.com/about"
    assert served[("robots-about.com", "/about")] == 0


async def test_pages_the_worker_goes_on_to_ask_robots_txt_once_per_host(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    home, private, again = await fetch_all(
        make_settings,
        "https://robots-agents.com/",
        "https://robots-agents.com/private",
        "https://robots-agents.com/private",
        asked=("https://robots-agents.com/",),
    )
    assert "Agents Co" in str(home)
    assert kept_out(private).kind == kept_out(again).kind == "robots"
    assert served[("robots-agents.com", "/robots.txt")] == 1
    assert served[("robots-agents.com", "/private")] == 0


async def test_strict_robots_txt_guards_the_pages_a_user_asked_for_and_each_redirect(
    make_settings: MakeSettings, served: Counter[tuple[str, str]]
) -> None:
    asked = ("https://robots-closed.com/", "https://robots-redirect.com/")
    closed, moved = await fetch_all(make_settings, *asked, asked=asked, fetch_robots="strict")
    assert kept_out(closed).reason == "robots.txt disallows https://robots-closed.com/"
    # The first hop is allowed; the page it redirects to is not.
    assert kept_out(moved).reason == "robots.txt disallows https://www.robots-redirect.com/home"
    assert served[("robots-redirect.com", "/")] == 1
    assert served[("www.robots-redirect.com", "/robots.txt")] == 1
    assert served[("www.robots-redirect.com", "/home")] == 0
    assert served[("robots-closed.com", "/")] == 0


async def test_cached_rules_last_a_day_and_concurrent_pages_share_one_fetch() -> None:
    now = [0.0]
    loads: list[str] = []

    async def load(url: str) -> RobotsFile:
        loads.append(url)
        await asyncio.sleep(0)
        return RobotsFile.parse("User-agent: *\nDisallow: /private\n")

    rules = RobotsRules("DossierBot", load, clock=lambda: now[0])
    found = await asyncio.gather(
        *(rules.refusal(f"https://a.example/{path}") for path in ("", "x", "private"))
    )
    assert found == [None, None, "robots.txt disallows https://a.example/private"]
    assert loads == ["https://a.example/robots.txt"]
    now[0] = DAY_S - 1
    await rules.refusal("https://a.example/")
    assert len(loads) == 1
    now[0] = DAY_S + 1
    await rules.refusal("https://a.example/")
    assert len(loads) == 2


async def test_the_origins_used_least_recently_are_forgotten_first() -> None:
    loads: list[str] = []

    async def load(url: str) -> RobotsFile:
        loads.append(url)
        return RobotsFile()

    rules = RobotsRules("DossierBot", load, kept=2)
    for host in ("a", "b", "a", "c", "a", "b"):
        await rules.refusal(f"https://{host}.example/")
    # a stays, as it was used after b; c pushes b out, and b must be asked again.
    assert [url.split("/")[2] for url in loads] == [
        "a.example",
        "b.example",
        "c.example",
        "b.example",
    ]


async def test_a_failed_robots_fetch_is_not_kept() -> None:
    calls = 0

    async def load(url: str) -> RobotsFile:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise FetchError("unreachable", "connection refused")
        return RobotsFile()

    rules = RobotsRules("DossierBot", load)
    with pytest.raises(FetchError):
        await rules.refusal("https://b.example/")
    assert await rules.refusal("https://b.example/") is None


@pytest.mark.parametrize(
    ("user_agent", "token"),
    [
        ("Mozilla/5.0 (compatible; DossierBot/1.0)", "DossierBot"),
        ("DossierBot/2.1 (+https://example.com/bot)", "DossierBot"),
        ("Mozilla/5.0 (compatible; Acme-Crawler/3; +https://acme.example)", "Acme-Crawler"),
        ("plainbot", "plainbot"),
    ],
)
def test_the_product_token_is_read_from_the_user_agent(user_agent: str, token: str) -> None:
    assert product_token(user_agent) == token


def test_robots_txt_is_at_the_root_of_the_pages_origin() -> None:
    assert (
        robots_url("https://user@Acme.example:8443/a/b?c") == "https://Acme.example:8443/robots.txt"
    )
