"""The seventh labelled web: large enough, every class present with names in every script it
is written for, the same every time, its labels agree with the pages served (builders'
banners and consent dialogs are no text of the company's), its uploads carry every row, its
redirect chains end on the labelled site, and it shares nothing with the other six webs."""

from __future__ import annotations

import functools

import httpx
import pytest

from bench.accuracy_web.blind.catalogue import build_blind
from bench.accuracy_web.catalogue import build_web
from bench.accuracy_web.fresh.catalogue import build_fresh
from bench.accuracy_web.heldout.catalogue import build_heldout
from bench.accuracy_web.model import Web
from bench.accuracy_web.seventh.catalogue import build_seventh
from bench.accuracy_web.seventh.classes_more import SHORTENER
from bench.accuracy_web.seventh.inputs import mixed_xlsx, name_only, with_website
from bench.accuracy_web.seventh.landers import MARKET_HOSTS
from bench.accuracy_web.seventh.templates import BUILDER_WORDS
from bench.accuracy_web.sixth.catalogue import build_sixth
from bench.accuracy_web.unseen.catalogue import build_unseen
from tests.bench.served import (
    assert_every_class,
    assert_given_websites_lead_to_labels,
    assert_linkedin_labels_agree,
    assert_live_companies_serve_their_homepage,
    assert_nothing_shared,
    assert_the_same_every_time,
    assert_uploads_carry_every_company,
    follow,
    given_url,
)

pytestmark = pytest.mark.unit

CLASSES = (
    "parked", "not_parked", "no_linkedin", "twins", "script_own", "script_latin",
    "script_informal", "script_latin_site", "no_diacritics", "legacy_encoding", "rebrand",
    "subsidiary", "group", "part_of", "acronym", "deep_link", "down", "gone", "refused",
    "slow", "redirect_chain", "slug_unlike", "squarespace", "wix", "webflow", "storefront",
    "tilda", "bitrix", "jimdo", "nextjs", "nuxt", "carrd", "spa_jsonld", "og_only",
    "twitter_only", "hero_h2", "noscript",
)  # fmt: skip
SCRIPTS = {
    "Cyrillic": r"[\u0400-\u04ff]",
    "Arabic": r"[\u0600-\u06ff]",
    "Hebrew": r"[\u0590-\u05ff]",
    "Bengali": r"[\u0980-\u09ff]",
    "Tamil": r"[\u0b80-\u0bff]",
    "Sinhala": r"[\u0d80-\u0dff]",
    "Myanmar": r"[\u1000-\u109f]",
    "Lao": r"[\u0e80-\u0eff]",
    "Vietnamese": r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
    "Turkish": r"[ıİşŞğĞ]",
    "Polish": r"[łŁżŻźŹśŚ]",
}


@functools.cache
def web() -> Web:
    return build_seventh()


def test_it_has_over_200_companies_of_every_class_and_every_script() -> None:
    assert_every_class(web().companies, 200, CLASSES, SCRIPTS.values())


def test_the_generator_is_deterministic() -> None:
    assert_the_same_every_time(build_seventh(), web(), (with_website, name_only), mixed_xlsx)


def test_every_upload_carries_every_company_once() -> None:
    assert_uploads_carry_every_company(
        web().companies, ((with_website, ","), (name_only, "|")), mixed_xlsx
    )


def test_every_live_company_serves_its_grounding_text() -> None:
    assert_live_companies_serve_their_homepage(web())


def test_builders_banners_are_no_text_of_the_companys_own() -> None:
    for words in BUILDER_WORDS:
        shown = [
            c
            for c in web().companies
            if c.homepage
            and words.encode()
            in b" ".join(
                page.body for page in web().sites[httpx.URL(c.homepage).host].pages.values()
            )
        ]
        assert len(shown) >= 4, words
        assert all(words not in c.site_text for c in shown)


def test_given_websites_lead_to_the_labelled_site_or_to_no_company() -> None:
    assert_given_websites_lead_to_labels(
        web(), MARKET_HOSTS, without_website=("part_of", "acronym", "slug_unlike")
    )


def test_redirect_chains_take_more_than_one_step_or_a_page_of_their_own() -> None:
    chains = [c for c in web().companies if c.cls == "redirect_chain"]
    assert {c.note.rsplit(" ", 1)[-1] for c in chains} == {
        "hosts", "meta_refresh", "script", "shortener"
    }  # fmt: skip
    for company in chains:
        url = given_url(company)
        first = web().sites[url.host]
        if url.host == SHORTENER:
            assert first.pages[url.path].status == 301
        elif first.redirect_to:
            second = web().sites[httpx.URL(first.redirect_to).host]
            assert second.redirect_to, company.key
        else:
            root = first.pages["/"].body
            assert b"refresh" in root or b"location.href" in root, company.key
        reached, page = follow(web(), url.host, url.path or "/")
        assert page.status == 200
        assert httpx.URL(reached).host == httpx.URL(company.homepage or "").host


def test_labels_agree_with_linkedin_and_namesakes() -> None:
    assert_linkedin_labels_agree(web(), "seventh")
    unlike = [c for c in web().companies if c.cls == "slug_unlike"]
    assert all(c.linkedin for c in unlike)
    assert sum(c.linkedin.rsplit("/", 1)[-1].isdigit() for c in unlike if c.linkedin) >= 2


def test_nothing_of_the_other_webs_is_reused() -> None:
    assert_nothing_shared(
        web(),
        (build_web(), build_heldout(), build_unseen(), build_fresh(), build_blind(), build_sixth()),
    )
