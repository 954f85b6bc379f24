"""The homepage reported for a website, and what a confidence decides."""

from __future__ import annotations

import pytest

from worker.pipeline.confidence.canonical import canonical_homepage, is_deep, site_root
from worker.pipeline.confidence.verdict import Score, Verdict, combine, review_entry, verdict
from worker.pipeline.stages.page.page_facts import extract_facts

pytestmark = pytest.mark.unit


def head(fetched: str, tags: str) -> str:
    html = f"<html><head><title>x</title>{tags}</head><body></body></html>"
    return canonical_homepage(fetched, extract_facts(fetched, html, "text/html"))


@pytest.mark.parametrize(
    ("url", "deep"),
    [
        ("https://x.com", False),
        ("https://x.com/", False),
        ("https://x.com/en/", False),
        ("https://x.com/de-at", False),
        ("https://x.com/about", True),
        ("https://x.com/en/about-us", True),
        ("https://x.com/?utm_source=list", True),
        ("https://x.com/index.php?lang=en", True),
    ],
)
def test_deep_links_are_told_from_roots(url: str, deep: bool) -> None:
    assert is_deep(url) is deep


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://x.com/about", "https://x.com/"),
        ("http://www.x.com/a/b?c=d#e", "http://www.x.com/"),
        ("https://x.com:8443/team", "https://x.com:8443/"),
        ("HTTPS://X.COM/About", "https://x.com/"),
    ],
)
def test_a_site_root(url: str, root: str) -> None:
    assert site_root(url) == root


@pytest.mark.parametrize(
    ("fetched", "tags", "expected"),
    [
        # Without declarations: the fetched homepage, or a deep page's root.
        ("https://x.com/", "", "https://x.com/"),
        ("https://www.x.com/en/", "", "https://www.x.com/en/"),
        ("https://x.com/about", "", "https://x.com/"),
        ("https://x.com/?ref=ad", "", "https://x.com/"),
        # A host pasted in capitals is reported in lower case.
        ("https://KRUSZYNA-OKNA.PL/", "", "https://kruszyna-okna.pl/"),
        # rel=canonical or og:url on the same site, naming a root: taken.
        ("http://x.com/", '<link rel="canonical" href="https://www.x.com/">', "https://www.x.com/"),
        (
            "https://x.com/",
            '<meta property="og:url" content="https://www.x.com/">',
            "https://www.x.com/",
        ),
        ("https://x.com/?a=1", '<link rel="canonical" href="/">', "https://x.com/"),
        # https is kept when the declaration says http.
        ("https://x.com/", '<link rel="canonical" href="http://x.com/">', "https://x.com/"),
        # Another host, or a deep page, is not the homepage: ignored.
        ("https://x.com/", '<link rel="canonical" href="https://y.com/">', "https://x.com/"),
        (
            "https://x.com/",
            '<link rel="canonical" href="https://x.com/home/welcome">',
            "https://x.com/",
        ),
        (
            "https://x.com/",
            '<meta property="og:url" content="javascript:alert(1)">',
            "https://x.com/",
        ),
    ],
)
def test_the_canonical_homepage(fetched: str, tags: str, expected: str) -> None:
    assert head(fetched, tags) == expected


def test_evidence_combines_without_exceeding_certainty() -> None:
    assert combine([]) == 0.0
    assert combine([0.5]) == 0.5
    assert combine([0.5, 0.5]) == 0.75
    assert combine([0.9, 0.9, 0.9]) == 0.999
    assert combine([1.5, -1]) == 1.0


@pytest.mark.parametrize(
    ("confidence", "expected"),
    [
        (0.95, Verdict.ACCEPT),
        (0.8, Verdict.ACCEPT),
        (0.79, Verdict.REVIEW),
        (0.62, Verdict.REVIEW),
        (0.61, Verdict.REJECT),
        (0.0, Verdict.REJECT),
    ],
)
def test_the_acceptance_line_and_the_floor(confidence: float, expected: Verdict) -> None:
    assert verdict(confidence, 0.62, 0.8) is expected


def test_a_review_entry_names_the_field_the_candidate_and_why() -> None:
    entry = review_entry(
        "website", "https://x.com/", Score(0.7, ("title 'X'", "domain match 0.40"))
    )
    assert entry == "website: https://x.com/ (0.70; title 'X', domain match 0.40)"
