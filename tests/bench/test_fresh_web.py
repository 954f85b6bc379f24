"""The fresh labelled web: large enough, every class of the trust issue present, the
same every time, its labels agree with the pages served, and it shares no company, host
or LinkedIn page with the other three webs."""

from __future__ import annotations

import functools
import re

import httpx
import pytest

from bench.accuracy_web.catalogue import build_web
from bench.accuracy_web.fresh.catalogue import build_fresh
from bench.accuracy_web.fresh.inputs import mixed_xlsx, name_only, with_website
from bench.accuracy_web.fresh.landers import MARKET_HOSTS
from bench.accuracy_web.heldout.catalogue import build_heldout
from bench.accuracy_web.model import Web
from bench.accuracy_web.scoring import linkedin_slug
from bench.accuracy_web.search import SearchIndex
from bench.accuracy_web.unseen.catalogue import build_unseen
from shared.company_keys import registered_domain
from tests.bench.served import (
    assert_every_class,
    assert_live_companies_serve_their_homepage,
    assert_nothing_shared,
    assert_the_same_every_time,
    assert_twins_told_apart,
    follow,
)

pytestmark = pytest.mark.unit

_CHARSET = re.compile(rb"charset=[\"']?([\w-]+)", re.IGNORECASE)
CLASSES = (
    "parked",
    "not_parked",
    "no_linkedin",
    "twins",
    "script_own",
    "script_latin",
    "script_latin_site",
    "script_informal",
    "legacy_encoding",
    "rebrand",
    "part_of",
    "subsidiary",
    "group",
    "down",
    "gone",
    "refused",
    "slow",
    "deep_link",
    "acronym",
    "og_only",
    "meta_only",
    "about_only",
    "remix",
    "sveltekit",
    "angular",
    "hugo",
)
SCRIPTS = {
    "Greek": r"[\u0370-\u03ff]",
    "Hebrew": r"[\u0590-\u05ff]",
    "Arabic": r"[\u0600-\u06ff]",
    "Thai": r"[\u0e00-\u0e7f]",
    "Devanagari": r"[\u0900-\u097f]",
    "Hangul": r"[\uac00-\ud7af]",
    "Cyrillic": r"[\u0400-\u04ff]",
    "Han": r"[\u4e00-\u9fff]",
    "Kana": r"[\u3040-\u30ff]",
}


@functools.cache
def web() -> Web:
    return build_fresh()


def test_it_has_over_160_companies_of_every_class_and_every_script() -> None:
    assert_every_class(web().companies, 160, CLASSES, SCRIPTS.values())


def test_the_generator_is_deterministic() -> None:
    assert_the_same_every_time(build_fresh(), web(), (with_website, name_only), mixed_xlsx)


def test_every_live_company_serves_its_grounding_text() -> None:
    assert_live_companies_serve_their_homepage(web())


def test_given_websites_lead_to_the_labelled_site_or_to_no_company() -> None:
    for company in web().companies:
        given = company.given_website
        url = httpx.URL(given if "//" in given else f"https://{given}")
        site = web().sites.get(url.host.lower())
        assert site is not None, company.key
        if site.dead:
            assert company.cls in ("gone", "refused", "rebrand"), company.key
            continue
        reached, page = follow(web(), url.host.lower(), "/")
        if company.cls == "parked":
            assert company.website is None
            assert company.grounding is None
        elif company.cls == "down":
            assert page.status == 503
            assert not company.live
        else:
            assert page.status == 200, company.key
            assert registered_domain(reached) == company.website, company.key


def test_labels_agree_with_linkedin_and_namesakes() -> None:
    index = SearchIndex(web().docs, "fresh")
    for company in web().companies:
        slug = linkedin_slug(company.linkedin or "")
        assert slug is None or slug in web().linkedin, company.key
        if company.cls == "no_linkedin":
            found = index.search(f"{company.name} linkedin", 10)
            assert any(doc.kind == "linkedin" for doc in found), company.name
    assert_twins_told_apart(web().companies)


def test_nothing_of_the_other_webs_is_reused() -> None:
    assert_nothing_shared(web(), (build_web(), build_heldout(), build_unseen()), MARKET_HOSTS)
