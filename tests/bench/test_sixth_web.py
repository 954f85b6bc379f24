"""The sixth labelled web: large enough, every class of the trust issue present, the same
every time, its labels agree with the pages served, its uploads carry every row, and it
shares no company, host, LinkedIn page or description with the other five webs."""

from __future__ import annotations

import functools

import httpx
import pytest

from bench.accuracy_web.blind.catalogue import build_blind
from bench.accuracy_web.catalogue import build_web
from bench.accuracy_web.fresh.catalogue import build_fresh
from bench.accuracy_web.heldout.catalogue import build_heldout
from bench.accuracy_web.model import Company, Web
from bench.accuracy_web.sixth.catalogue import build_sixth
from bench.accuracy_web.sixth.inputs import mixed_xlsx, name_only, with_website
from bench.accuracy_web.sixth.landers import MARKET_HOSTS
from bench.accuracy_web.sixth.templates import COOKIE_BANNER
from bench.accuracy_web.unseen.catalogue import build_unseen
from tests.bench.served import (
    assert_every_class,
    assert_given_websites_lead_to_labels,
    assert_linkedin_labels_agree,
    assert_live_companies_serve_their_homepage,
    assert_nothing_shared,
    assert_the_same_every_time,
    assert_uploads_carry_every_company,
)

pytestmark = pytest.mark.unit

CLASSES = (
    "parked", "not_parked", "no_linkedin", "twins", "script_own", "script_latin",
    "script_informal", "script_latin_site", "no_diacritics", "legacy_encoding", "rebrand",
    "subsidiary", "group", "part_of", "acronym", "deep_link", "down", "gone", "refused",
    "slow", "framer", "ghost", "hubspot", "elementor", "drupal", "google_sites", "hugo",
    "jekyll", "amp", "frames", "rdfa", "microdata", "shop",
)  # fmt: skip
SCRIPTS = {
    "Ethiopic": r"[\u1200-\u137f]",
    "Khmer": r"[\u1780-\u17ff]",
    "Greek": r"[\u0370-\u03ff]",
    "Cyrillic": r"[\u0400-\u04ff]",
    "Devanagari": r"[\u0900-\u097f]",
}


@functools.cache
def web() -> Web:
    return build_sixth()


def served_text(web: Web, company: Company) -> str:
    """All the markup served on the company's homepage host, decoded loosely."""
    host = httpx.URL(company.homepage or "https://none.invalid/").host
    site = web.sites.get(host)
    pages = site.pages.values() if site else ()
    return " ".join(page.body.decode("utf-8", "replace") for page in pages)


def test_it_has_over_150_companies_of_every_class_and_every_script() -> None:
    assert_every_class(web().companies, 150, CLASSES, SCRIPTS.values())


def test_the_generator_is_deterministic() -> None:
    assert_the_same_every_time(build_sixth(), web(), (with_website, name_only), mixed_xlsx)


def test_every_upload_carries_every_company_once() -> None:
    assert_uploads_carry_every_company(
        web().companies, ((with_website, "\t"), (name_only, ";")), mixed_xlsx
    )


def test_every_live_company_serves_its_grounding_text() -> None:
    assert_live_companies_serve_their_homepage(web())


def test_a_consent_banner_is_no_text_of_the_companys_own() -> None:
    banners = [c for c in web().companies if COOKIE_BANNER in served_text(web(), c)]
    assert len(banners) >= 10
    assert all(COOKIE_BANNER not in c.site_text for c in banners)


def test_given_websites_lead_to_the_labelled_site_or_to_no_company() -> None:
    assert_given_websites_lead_to_labels(web(), MARKET_HOSTS)


def test_labels_agree_with_linkedin_and_namesakes() -> None:
    assert_linkedin_labels_agree(web(), "sixth")


def test_nothing_of_the_other_webs_is_reused() -> None:
    assert_nothing_shared(
        web(), (build_web(), build_heldout(), build_unseen(), build_fresh(), build_blind())
    )
