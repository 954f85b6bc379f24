"""The unseen labelled web: large enough, every class of the trust issue present in its
new languages, the same every time, its labels agree with the pages served, and it shares
no company, host, page template or wording with the development and held-out webs."""

from __future__ import annotations

import functools
import re

import pytest

from bench.accuracy_web.catalogue import build_web
from bench.accuracy_web.heldout.catalogue import build_heldout
from bench.accuracy_web.model import Web
from bench.accuracy_web.search import SearchIndex
from bench.accuracy_web.unseen.catalogue import build_unseen
from bench.accuracy_web.unseen.inputs import name_only
from shared.company_keys import registered_domain
from tests.bench.served import assert_every_class, follow, given_url, serves_its_grounding

pytestmark = pytest.mark.unit

_CHARSET = re.compile(rb"charset=[\"']?([\w-]+)", re.IGNORECASE)
CLASSES = (
    "parked",
    "not_parked",
    "no_linkedin",
    "twins",
    "city_twins",
    "script",
    "rebrand",
    "group",
    "subsidiary",
    "down",
    "gone",
    "slow",
    "legacy_encoding",
    "redirect_deep",
    "acronym",
    "wix",
    "squarespace",
    "tilda",
    "bitrix",
    "wordpress",
    "webflow",
    "weebly",
    "shop",
    "nuxt",
    "joomla",
    "jp_profile",
    "cn_corporate",
)
COUNTRIES = {
    "Italy",
    "Portugal",
    "Brazil",
    "Poland",
    "Turkey",
    "Ukraine",
    "Kazakhstan",
    "Japan",
    "China",
}


@functools.cache
def web() -> Web:
    return build_unseen()


def test_it_has_over_120_companies_of_every_class_and_is_the_same_every_time() -> None:
    companies = web().companies
    assert_every_class(companies, 120, CLASSES)
    assert {c.country for c in companies} >= COUNTRIES
    assert [c.name for c in build_unseen().companies] == [c.name for c in companies]


def test_every_live_company_serves_its_grounding_text() -> None:
    for company in web().companies:
        if not company.live:
            continue
        serves_its_grounding(web(), company)


def test_given_websites_lead_to_the_labelled_site_or_to_no_company() -> None:
    for company in web().companies:
        if not company.given_website:
            continue
        given = given_url(company)
        site = web().sites.get(given.host.lower())
        assert site is not None, company
        if site.dead:
            assert company.cls in ("gone", "refused", "rebrand", "rebrand_unlinked"), company
            continue
        url, page = follow(web(), given.host.lower(), "/")
        if company.cls == "parked":
            assert company.website is None
            assert page.status == 200
        elif company.cls == "down":
            assert page.status >= 500
        else:
            assert page.status == 200, company
            assert registered_domain(url) == company.website, company


def test_companies_without_linkedin_have_only_a_namesake_there() -> None:
    for company in web().companies:
        if company.cls != "no_linkedin":
            continue
        assert company.linkedin is None
        found = SearchIndex(web().docs, "unseen").search(f"{company.name} linkedin", 10)
        assert any(doc.kind == "linkedin" for doc in found), company.name


def test_nothing_of_the_other_webs_is_reused() -> None:
    others = (build_web(), build_heldout())
    mine = web()
    for other in others:
        assert not (set(other.sites) - {"dan.com", "sedo.com"}) & set(mine.sites)
        assert not {c.name for c in other.companies} & {c.name for c in mine.companies}
        assert not set(other.linkedin) & set(mine.linkedin)
        theirs = {c.grounding for c in other.companies if c.grounding}
        assert not theirs & {c.grounding for c in mine.companies if c.grounding}
    for marker in (b'class="cookie-banner"', b'id="consent"', b"SiteMaker.com", b"__NEXT_DATA__"):
        assert not any(
            marker in page.body for site in mine.sites.values() for page in site.pages.values()
        )


def test_the_uploads_carry_the_industry_column() -> None:
    header, first = name_only(web().companies).decode().splitlines()[:2]
    assert header.split(",")[-1] == "Industry"
    assert first.split(",")[-1] == web().companies[0].industry or not web().companies[0].industry
