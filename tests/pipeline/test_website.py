"""Website validation: alive, redirects judged, parked and foreign sites refused."""

from __future__ import annotations

import pytest

from shared.addresses import IPAddress
from tests.pipeline.conftest import FARM_DNS, MakeSettings
from tests.pipeline.fakes.dns import FarmResolver
from worker.pipeline.build import web_fetcher
from worker.pipeline.clients.fetch.resolver import UnresolvableHost
from worker.pipeline.stages.website import WebsiteCheck, WebsiteOutcome, WebsiteValidator

pytestmark = pytest.mark.unit


async def check(settings: MakeSettings, url: str, name: str, **overrides: object) -> WebsiteCheck:
    s = settings(**overrides)
    fetcher, client = web_fetcher(s, resolver=FARM_DNS)
    async with client:
        return await WebsiteValidator(fetcher, s.match_threshold).check(url, name)


async def test_live_website_is_ok_with_its_page_facts(make_settings: MakeSettings) -> None:
    result = await check(make_settings, "https://acme-rockets.com", "Acme Rockets")
    assert result.outcome is WebsiteOutcome.OK
    assert result.facts is not None
    assert result.facts.og_site_name == "Acme Rockets"


async def test_redirect_within_the_domain_is_recorded(make_settings: MakeSettings) -> None:
    result = await check(make_settings, "https://old-path.com", "Old Path Travel")
    assert result.outcome is WebsiteOutcome.REDIRECTED
    assert result.url == "https://www.old-path.com/en/"


async def test_rebrand_redirect_naming_the_old_company_is_accepted(
    make_settings: MakeSettings,
) -> None:
    result = await check(make_settings, "https://oldbrand.com", "OldBrand")
    assert result.outcome is WebsiteOutcome.REDIRECTED
    assert result.url == "https://newbrand.io/"


async def test_redirect_to_another_company_goes_to_review_not_to_the_website(
    make_settings: MakeSettings,
) -> None:
    result = await check(make_settings, "acquired-startup.com", "Acquired Startup")
    assert result.outcome is WebsiteOutcome.REVIEW
    assert result.url == "https://megacorp.com/"
    assert "acquired-startup.com redirects to megacorp.com" in result.reason
    assert result.score is not None
    assert "acquired-startup.com redirects here" in result.score.evidence


async def test_a_redirect_to_a_site_that_writes_the_old_name_is_the_new_website(
    make_settings: MakeSettings,
) -> None:
    renamed = await check(make_settings, "kestrel-tools.com", "Kestrel Tools")
    assert renamed.outcome is WebsiteOutcome.REDIRECTED
    assert renamed.url == "https://harbourline.io/"
    assert renamed.score is not None
    assert "the page names 'Kestrel Tools'" in renamed.score.evidence
    # A group that lists the company among its own is no new name of it.
    grouped = await check(make_settings, "wrenfield-labs.com", "Wrenfield Labs")
    assert grouped.outcome is WebsiteOutcome.REVIEW


async def test_parked_domain_is_dead(make_settings: MakeSettings) -> None:
    result = await check(make_settings, "https://parked-domain.com", "Parked Co")
    assert result.outcome is WebsiteOutcome.DEAD_URL
    assert "parked domain" in result.reason


async def test_http_only_site_falls_back_to_http(make_settings: MakeSettings) -> None:
    result = await check(make_settings, "https://http-only.org", "HTTP Only Org")
    assert result.outcome is WebsiteOutcome.OK
    assert result.url == "http://http-only.org/"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://dead-host.com", "https: unreachable"),
        ("https://gone-site.com", "https: HTTP 404; http: HTTP 404"),
        ("https://broken-server.com", "https: HTTP 503"),
        ("https://badtls.com", "https: tls:"),
        ("https://slow-site.com", "https: timeout"),
    ],
)
async def test_dead_websites_say_why(make_settings: MakeSettings, url: str, reason: str) -> None:
    result = await check(make_settings, url, "Whoever", fetch_timeout_s=0.5)
    assert result.outcome is WebsiteOutcome.DEAD_URL
    assert reason in result.reason


async def test_a_url_with_an_explicit_port_keeps_its_scheme(make_settings: MakeSettings) -> None:
    result = await check(make_settings, "http://127.0.0.1:9/", "Nobody")  # discard port
    assert result.outcome is WebsiteOutcome.DEAD_URL
    assert result.reason.startswith("http: ")
    assert "https" not in result.reason


class _NoWwwNames(FarmResolver):
    """The farm's names, none of them with a `www.` host."""

    async def resolve(self, host: str) -> list[IPAddress]:
        if host.startswith("www."):
            raise UnresolvableHost(host)
        return await super().resolve(host)


async def test_a_www_name_that_does_not_resolve_is_tried_without_www(
    make_settings: MakeSettings,
) -> None:
    s = make_settings()
    fetcher, client = web_fetcher(s, resolver=_NoWwwNames())
    async with client:
        validator = WebsiteValidator(fetcher, s.match_threshold)
        found = await validator.check("www.acme-rockets.com", "Acme Rockets")
        gone = await validator.check("https://www.dead-host.invalid/", "Whoever")
    assert found.outcome is WebsiteOutcome.OK
    assert found.url == "https://acme-rockets.com/"
    assert gone.outcome is WebsiteOutcome.DEAD_URL
