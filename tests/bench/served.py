"""Reading a labelled web as the services would (following its redirects from a host,
decoding a page by the charset it declares) and the checks every labelled web passes."""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable

import httpx
from openpyxl import load_workbook

from bench.accuracy_web.model import Company, Page, Web
from bench.accuracy_web.scoring import grounded, linkedin_slug
from bench.accuracy_web.search import SearchIndex
from bench.accuracy_web.server import answer
from shared.company_keys import registered_domain

# The spreadsheet upload of a web (a seed is its own choice of which rows go where).
XlsxMaker = Callable[[list[Company]], bytes]

_CHARSET = re.compile(rb"charset=[\"']?([\w-]+)", re.IGNORECASE)


def follow(web: Web, host: str, path: str = "/") -> tuple[str, Page]:
    """The URL a visit to `host` and `path` ends on, and the page served there."""
    for _ in range(5):
        page, _ = answer(web, host, path)
        if page.location is None:
            return f"https://{host}{path}", page
        target = httpx.URL(page.location)
        host, path = target.host, target.path
    raise AssertionError(f"redirect loop from {host}")


def text_of(page: Page) -> str:
    """The page's text in the charset its header or its markup declares."""
    declared = _CHARSET.search(page.content_type.encode()) or _CHARSET.search(page.body[:600])
    assert declared is not None, "every company page declares its charset"
    return html.unescape(page.body.decode(declared.group(1).decode()))


def given_url(company: Company) -> httpx.URL:
    """The website the upload gives, as a URL even where it is written without a scheme."""
    given = company.given_website
    return httpx.URL(given if "//" in given else f"https://{given}")


def cells(xlsx: bytes) -> list[tuple[object, ...]]:
    # The file's bytes carry its creation time; its cells are what the upload reads.
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet is not None
    return list(sheet.iter_rows(values_only=True))


def assert_every_class(
    companies: list[Company], at_least: int, classes: Iterable[str], scripts: Iterable[str] = ()
) -> None:
    """At least `at_least` companies, each under its own key, two or more of every class,
    and names written in each of `scripts` (patterns of a script's letters)."""
    assert len(companies) >= at_least
    assert len({c.key for c in companies}) == len(companies)
    counted = Counter(c.cls for c in companies)
    assert all(counted[cls] >= 2 for cls in classes), counted
    names = " ".join(c.name for c in companies)
    assert all(re.search(pattern, names) for pattern in scripts)


def serves_its_grounding(web: Web, company: Company) -> str:
    """Check that a live company's homepage answers and its pages hold its grounding text;
    the URL the visit ends on."""
    assert company.homepage
    assert company.grounding
    assert registered_domain(company.homepage) == company.website
    url, page = follow(web, httpx.URL(company.homepage).host)
    assert page.status == 200, company.key
    served = " ".join(text_of(p) for p in web.sites[httpx.URL(url).host].pages.values())
    assert company.grounding in served, company.key
    assert grounded(company.grounding, company.site_text)
    return url


def assert_the_same_every_time(
    again: Web, web: Web, uploads: Iterable[Callable[[list[Company]], bytes]], xlsx: XlsxMaker
) -> None:
    """A second build from the seed gives the same labels, hosts, documents and uploads."""
    assert again.companies == web.companies
    assert set(again.sites) == set(web.sites)
    assert [d.url for d in again.docs] == [d.url for d in web.docs]
    for make in uploads:
        assert make(again.companies) == make(web.companies)
    assert cells(xlsx(again.companies)) == cells(xlsx(web.companies))


def assert_live_companies_serve_their_homepage(web: Web) -> None:
    """Every live company's grounding text is served, and at its labelled homepage."""
    for company in web.companies:
        if not company.live:
            continue
        url = serves_its_grounding(web, company)
        assert company.homepage
        assert url.rstrip("/") == company.homepage.rstrip("/"), company.key


def assert_twins_told_apart(companies: list[Company]) -> None:
    """Same-name companies come in pairs that differ in place or trade, site and page."""
    twins = Counter(c.name for c in companies if c.cls == "twins")
    assert set(twins.values()) == {2}
    for name in twins:
        a, b = [c for c in companies if c.name == name and c.cls == "twins"]
        assert (a.country, a.city, a.industry) != (b.country, b.city, b.industry), name
        assert a.website != b.website, name
        assert a.linkedin != b.linkedin, name


def assert_nothing_shared(
    mine: Web, others: Iterable[Web], hosts_in_common: Iterable[str] = ()
) -> None:
    """No host (but the marketplaces named), company, LinkedIn page or description of
    another web."""
    own_hosts = set(mine.sites) - set(hosts_in_common)
    for other in others:
        assert not set(other.sites) & own_hosts
        assert not {c.name for c in other.companies} & {c.name for c in mine.companies}
        assert not set(other.linkedin) & set(mine.linkedin)
        theirs = {c.grounding for c in other.companies if c.grounding}
        assert not theirs & {c.grounding for c in mine.companies if c.grounding}


def assert_uploads_carry_every_company(
    companies: list[Company],
    csvs: Iterable[tuple[Callable[[list[Company]], bytes], str]],
    xlsx: XlsxMaker,
) -> None:
    """Each CSV upload (with its delimiter) and the workbook hold every company once, in
    order, its key in the first column."""
    keys = [c.key for c in companies]
    for make, delimiter in csvs:
        text = make(companies).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        assert [row[0] for row in rows[1:]] == keys
    assert [row[0] for row in cells(xlsx(companies))[1:]] == keys


def assert_given_websites_lead_to_labels(
    web: Web,
    market_hosts: Iterable[str],
    *,
    without_website: Iterable[str] = ("part_of", "acronym"),
) -> None:
    """A given website leads to the labelled site, or to no company: a parked domain, a
    site that is down, a name that no longer answers, or a rename's old domain now sold."""
    markets = set(market_hosts)
    for company in web.companies:
        if not company.given_website:
            assert company.cls in without_website, company.key
            continue
        url = given_url(company)
        host = url.host.lower()
        site = web.sites.get(host)
        assert site is not None, company.key
        if site.dead:
            assert company.cls in ("gone", "refused", "rebrand"), company.key
            continue
        reached, page = follow(web, host, url.path or "/")
        if company.cls == "parked":
            assert company.website is None
            assert company.grounding is None
        elif company.cls == "down":
            assert page.status >= 500
            assert not company.live
        elif company.cls == "rebrand" and httpx.URL(reached).host in markets:
            assert company.website != registered_domain(str(url)), company.key
        else:
            assert page.status == 200, company.key
            assert registered_domain(reached) == company.website, company.key


def assert_linkedin_labels_agree(web: Web, name: str) -> None:
    """Every labelled LinkedIn page exists; a company without one has a namesake's page
    among the search results for its name; twins are told apart."""
    index = SearchIndex(web.docs, name)
    for company in web.companies:
        slug = linkedin_slug(company.linkedin or "")
        assert slug is None or slug in web.linkedin, company.key
        if company.cls == "no_linkedin":
            latin = re.sub(r"\s+", " ", company.name)
            found = index.search(f"{latin} linkedin", 10)
            assert any(doc.kind == "linkedin" for doc in found), company.name
    assert_twins_told_apart(web.companies)
