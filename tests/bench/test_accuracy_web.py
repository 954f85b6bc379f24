"""The accuracy benchmark's labelled web and scorer: the labels agree with the pages
served, the classes are broad, search answers from the web, and the scorer counts right."""

from __future__ import annotations

import functools
import html
import re
import ssl
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from bench.accuracy_web.catalogue import build_web
from bench.accuracy_web.model import Company, Page, Web
from bench.accuracy_web.scoring import UNSCORED, grounded, score
from bench.accuracy_web.search import SearchIndex
from bench.accuracy_web.server import all_hosts, answer, web_app
from shared.company_keys import registered_domain
from tests.bench.served import follow
from tests.pipeline.fakes.https_web import https_web

pytestmark = pytest.mark.unit

_CHARSET = re.compile(rb"charset=[\"']?([\w-]+)", re.IGNORECASE)


@functools.cache
def web() -> Web:
    return build_web()


def decoded(page: Page) -> str:
    declared = _CHARSET.search(page.content_type.encode()) or _CHARSET.search(page.body[:300])
    assert declared is not None, "every page declares its charset, in the header or the page"
    return page.body.decode(declared.group(1).decode())


def test_the_web_has_over_200_companies_in_broad_classes_and_is_the_same_every_time() -> None:
    companies = web().companies
    assert len(companies) >= 200
    assert len({c.key for c in companies}) == len(companies)
    classes = Counter(c.cls for c in companies)
    assert len(classes) >= 20
    assert min(classes.values()) >= 5, classes
    assert [c.name for c in build_web().companies] == [c.name for c in companies]


def site_text(host: str) -> str:
    return " ".join(html.unescape(decoded(page)) for page in web().sites[host].pages.values())


def test_every_live_company_site_serves_its_grounding_text_at_its_homepage() -> None:
    for company in web().companies:
        if not company.live:
            continue
        assert company.homepage
        assert company.website
        assert registered_domain(company.homepage) == company.website
        url, page = follow(web(), httpx.URL(company.homepage).host)
        assert page.status == 200, company
        assert url == company.homepage
        if company.grounding:
            assert company.grounding in site_text(httpx.URL(url).host), company.key
            assert grounded(company.grounding, company.site_text)


def given_url(company: Company) -> httpx.URL:
    given = company.given_website
    return httpx.URL(given if "//" in given else f"https://{given}")


def test_given_websites_lead_to_the_labelled_site_or_to_no_company() -> None:
    for company in web().companies:
        given = given_url(company)
        site = web().sites.get(given.host)
        assert site is not None, company
        if site.dead:
            assert company.cls in ("dead_dns", "dead_refused", "rebrand"), company
            assert (site.dead == "dns") == (given.host in web().dead_hosts())
            continue
        url, page = follow(web(), given.host, given.path or "/")
        if company.cls == "parked":
            assert company.website is None
            assert page.status == 200
        elif company.cls == "http_503":
            assert page.status == 503
            assert company.grounding is None
        else:
            assert page.status == 200, company
            assert registered_domain(url) == company.website, company


def test_linkedin_labels_exist_and_companies_without_a_page_have_a_namesake_there() -> None:
    slugs = {page.url for page in web().linkedin.values()}
    for company in web().companies:
        assert company.linkedin is None or company.linkedin in slugs
        if company.cls == "no_linkedin":
            base = company.name.lower().replace(" ", "-")
            assert any(slug.startswith(base) for slug in web().linkedin), company.name


def test_linkedin_answers_anonymous_visitors_with_its_sign_in_wall() -> None:
    wall, _ = answer(web(), "www.linkedin.com", "/company/anything")
    assert wall.status == 302
    assert wall.location
    assert "/authwall" in wall.location
    page, _ = answer(web(), "www.linkedin.com", "/authwall")
    assert b"Sign in" in page.body


def test_search_finds_the_site_by_quoted_name_and_linkedin_by_site_filter() -> None:
    index = SearchIndex(web().docs)
    company = next(c for c in web().companies if c.cls == "jsonld")
    hits = [d.url for d in index.search(f'"{company.name}" official website', 10)]
    assert company.homepage in hits
    linkedin = index.search(f'site:linkedin.com/company "{company.name}"', 10)
    assert linkedin
    assert all("linkedin.com/company/" in d.url for d in linkedin)
    assert company.linkedin in [d.url for d in linkedin]
    assert index.search('"Qwxyzzy Unheard Of" official website', 10) == []


def _label(key: str, website: str | None, linkedin: str | None = None) -> Company:
    text = f"{key.upper()} makes boats in Cork for anglers and families."
    return Company(key, "hand", key.upper(), "Ireland", "Cork", website or "", website,
                   f"https://{website}/" if website else None, linkedin,
                   text if website else None, text, live=website is not None)  # fmt: skip


def test_scorer_counts_precision_recall_bands_and_wrong_company_rows() -> None:
    made = [_label(key, f"{key}.ie") for key in "abc"]
    made.append(_label("d", None, "https://www.linkedin.com/company/d"))
    made.append(_label("e", None))
    labels = {c.key: c for c in made}
    rows: list[dict[str, Any]] = [
        {"Ref": "a", "Official_Website": "https://a.ie/", "Match_Confidence": 0.95,
         "Description": "A makes boats in Cork for anglers and families.", "Row_Status": "ok"},
        {"Ref": "b", "Official_Website": "https://www.other.ie/", "Match_Confidence": "0.85",
         "LinkedIn_URL": "https://www.linkedin.com/company/other", "Row_Status": "ok",
         "Description": "Other sells insurance to drivers in Leeds and York."},
        {"Ref": "c", "Official_Website": "", "Row_Status": "not_found"},
        # Handed back as dead: neither accepted nor counted against precision.
        {"Ref": "e", "Official_Website": "https://e-old.ie/", "Row_Status": "dead_url"},
        {"Ref": "d", "Official_Website": "https://d-parked.com", "Row_Status": "ok",
         "LinkedIn_URL": "https://linkedin.com/company/D/", "Website_Confidence": "0.5",
         "Match_Confidence": "0.99"},
    ]  # fmt: skip
    result = score(rows, labels)
    assert (result.website_filled, result.website_correct, result.website_flagged) == (3, 1, 1)
    assert (result.website_truth, result.website_found) == (3, 1)
    # a, c and e: no page, none given; d: the same page spelt otherwise.
    assert result.linkedin_correct == 4
    assert (result.description_expected, result.description_grounded) == (3, 1)
    assert result.description_ungrounded == 1
    assert (result.wrong_rows, result.wrong_rows_high) == (2, 1)
    # Website_Confidence, when present, is the website's confidence (not Match_Confidence).
    assert result.website_bands == {"[0.9,1]": [1, 1], "[0.8,0.9)": [1, 0], "[0,0.6)": [1, 0]}
    assert result.linkedin_bands == {UNSCORED: [2, 1]}
    kinds = Counter(f.kind for f in result.failures)
    assert kinds == Counter({"website_wrong": 2, "linkedin_wrong": 1, "website_missed": 1,
                             "description_ungrounded": 1, "description_missed": 1})  # fmt: skip


def test_sites_are_served_over_https_through_the_proxy_with_the_test_ca(tmp_path: Path) -> None:
    company = next(c for c in web().companies if c.cls == "cp1251")
    refused = next(h for h, site in web().sites.items() if site.dead == "refused")
    with https_web(web_app(web()), all_hosts(web()), tmp_path, [refused]) as local:
        trusted = ssl.create_default_context(cafile=str(local.ca_file))
        with httpx.Client(proxy=local.proxy_url, verify=trusted) as client:
            page = client.get(company.homepage or "")
            wall = client.get("https://www.linkedin.com/company/x", follow_redirects=True)
            with pytest.raises(httpx.ProxyError):
                client.get(f"https://{refused}/")
    assert page.status_code == 200
    assert company.name in page.text
    assert "Sign in" in wall.text
    assert local.proxy.tunnels[0] == httpx.URL(company.homepage or "").host


def test_scorer_reads_per_field_columns_and_review_rows_when_results_have_them() -> None:
    labels = {c.key: c for c in (_label("a", "a.ie"), _label("b", "b.ie"))}
    rows: list[dict[str, Any]] = [
        {"Ref": "a", "Official_Website": "https://a.ie/", "Website_Source": "search",
         "Website_Confidence": "0.93", "LinkedIn_URL": "https://www.linkedin.com/company/x",
         "LinkedIn_Source": "search", "LinkedIn_Confidence": "0.81", "Row_Status": "ok"},
        {"Ref": "b", "Official_Website": "", "Row_Status": "needs_review",
         "Review_Candidates": "https://b.ie/ (0.55: page names 'B')"},
    ]  # fmt: skip
    result = score(rows, labels)
    assert result.sources == {"website search": [1, 1], "linkedin search": [1, 0]}
    assert result.linkedin_bands == {"[0.8,0.9)": [1, 0]}
    assert (result.wrong_rows, result.wrong_rows_high) == (1, 1)
    assert (result.review_rows, result.review_with_truth) == (1, 1)
    assert result.statuses == {"ok": 1, "needs_review": 1}
