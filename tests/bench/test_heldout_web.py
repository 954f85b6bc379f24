"""The held-out labelled web: large enough, every class of the trust issue present, the
same every time, its labels agree with the pages served, and it shares no page template
or wording with the development web."""

from __future__ import annotations

import functools
import re

import pytest

from bench.accuracy_web.catalogue import build_web
from bench.accuracy_web.heldout.catalogue import build_heldout
from bench.accuracy_web.model import Web
from bench.accuracy_web.search import SearchIndex
from shared.company_keys import registered_domain
from tests.bench.served import assert_every_class, follow, given_url, serves_its_grounding

pytestmark = pytest.mark.unit

_CHARSET = re.compile(rb"charset=[\"']?([\w-]+)", re.IGNORECASE)
# The kinds of company the trust issue names, each present at least twice.
CLASSES = (
    "parked", "not_parked", "no_linkedin", "twins", "city_twins", "script", "translation",
    "rebrand", "group", "subsidiary", "down", "gone", "slow", "legacy_encoding",
    "redirect_deep", "acronym", "microdata", "jsonld_graph", "footer_address", "cookie_wall",
    "next_shell", "multilingual", "about_elsewhere", "meta_description_only",
)  # fmt: skip


@functools.cache
def web() -> Web:
    return build_heldout()


def test_it_has_over_120_companies_of_every_class_and_is_the_same_every_time() -> None:
    companies = web().companies
    assert_every_class(companies, 120, CLASSES)
    languages = {c.country for c in companies}
    assert {"Germany", "France", "Spain", "Russia", "United Kingdom"} <= languages
    assert [c.name for c in build_heldout().companies] == [c.name for c in companies]


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
        site = web().sites.get(given.host)
        assert site is not None, company
        if site.dead:
            assert company.cls in ("gone", "rebrand", "rebrand_unlinked"), company
            continue
        # A pasted deep link stands for its site: its root is what is checked.
        url, page = follow(web(), given.host, "/")
        if company.cls == "parked":
            assert company.website is None
            assert page.status == 200
        elif company.cls == "down":
            assert page.status >= 500
        else:
            assert page.status == 200, company
            assert registered_domain(url) == company.website, company


def test_no_page_template_or_wording_of_the_development_web_is_reused() -> None:
    dev = build_web()
    dev_sentences = {d.snippet for d in dev.docs if d.kind == "site" and d.snippet}
    held_sentences = {c.grounding for c in web().companies if c.grounding}
    assert not dev_sentences & held_sentences
    dev_hosts = set(dev.sites) - {"dan.com", "sedo.com", "afternic.com"}
    assert not dev_hosts & set(web().sites)
    for marker in (b'class="cookie-banner"', b"Quality you can trust.", b"Since day one."):
        assert not any(
            marker in page.body for site in web().sites.values() for page in site.pages.values()
        )


def test_search_finds_translated_names_only_where_something_names_them() -> None:
    index = SearchIndex(web().docs, "heldout")
    linked = next(c for c in web().companies if c.cls == "translation" and c.live)
    hits = [d.url for d in index.search(f'"{linked.name}" official website', 10)]
    assert any(registered_domain(url) == linked.website for url in hits)
    unlinked = next(c for c in web().companies if c.cls == "translation" and not c.live)
    assert index.search(f'"{unlinked.name}" official website', 10) == []
