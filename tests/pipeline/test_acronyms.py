"""A company known by its initials: matched to its full name when the page agrees."""

from __future__ import annotations

import pytest

from worker.pipeline.matching import (
    acronym_of,
    best_name_similarity,
    domain_similarity,
    initials,
)

pytestmark = pytest.mark.unit

PAIRS = [
    ("International Business Machines", "IBM"),
    ("Ivorine Technical Bakery", "ITB"),
    ("Pendle Applied Dental", "PAD"),
    ("Société Nationale des Chemins de fer Français", "SNCF"),
    ("Nordic Heat and Power AB", "NHP"),
    ("Bayerische Motoren Werke AG", "BMW"),
    ("Koninklijke Luchtvaart Maatschappij", "KLM"),
]


@pytest.mark.parametrize(("full", "short"), PAIRS)
def test_initials_match_the_full_name_when_the_page_says_both(full: str, short: str) -> None:
    page = f"{short} | Home. {full} ({short}) has served its customers since 1990."
    assert acronym_of(full, short, page)
    assert acronym_of(short, f"{full} ({short})", page)
    assert acronym_of(short, full, page)
    score, matched = best_name_similarity(full, ["Welcome", short], page)
    assert (score, matched) == (0.9, short)


@pytest.mark.parametrize(("full", "short"), PAIRS)
def test_initials_alone_are_not_enough(full: str, short: str) -> None:
    # The letters in capitals but not the full name: another company with the same initials.
    other = f"{short} Solar installs panels in Denver. Call {short} today."
    assert not acronym_of(full, short, other)
    # The full name but never the initials in capitals.
    assert not acronym_of(full, short, f"{full} builds things. {short.lower()} maybe.")
    # Without the page's text, no acronym match at all.
    assert best_name_similarity(full, [short])[0] < 0.9


@pytest.mark.parametrize(
    ("name", "candidate"),
    [
        ("Alpha Beta", "AB"),  # two letters are anyone's initials
        ("Acme", "A"),
        ("Green Energy Partners", "GEM"),
        ("Green Energy Partners", "GEP Solar"),
        ("GEP", "Green Energy Products and Services"),
    ],
)
def test_short_or_different_initials_never_match(name: str, candidate: str) -> None:
    page = f"{name} {candidate} ({candidate.upper()}) {name.upper()}"
    assert not acronym_of(name, candidate, page)


def test_initials_leave_out_connecting_words_and_legal_forms() -> None:
    assert initials("The Bank of Nova Scotia Ltd") == "bns"
    assert initials("Müller und Söhne GmbH") == "ms"
    assert initials("Acme") == ""


@pytest.mark.parametrize(
    ("name", "domain", "expected"),
    [
        ("Ivorine Technical Bakery", "itb-bakery-3.fr", 0.9),
        ("Ivorine Technical Bakery", "itb-technical.fr", 0.9),
        ("International Business Machines", "ibm.com", 0.9),
        ("Pendle Applied Dental", "pad-dental-3.ie", 0.9),
    ],
)
def test_a_domain_of_initials_and_name_words_matches(
    name: str, domain: str, expected: float
) -> None:
    assert domain_similarity(name, domain) >= expected


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("Ivorine Technical Bakery", "itb-3-solar.com"),
        ("Pendle Applied Dental", "pad-games.com"),
        ("Alpha Beta Foods", "ab-foods-solar.com"),
    ],
)
def test_a_domain_of_initials_and_other_words_does_not(name: str, domain: str) -> None:
    assert domain_similarity(name, domain) < 0.75


def test_an_acronym_may_take_in_the_legal_form() -> None:
    text = (
        "CIMSA es una empresa de Guadalajara. Comercializadora Industrial del Mezquital, "
        "S.A. de C.V., distribuye material eléctrico."
    )
    full = "Comercializadora Industrial del Mezquital"
    assert acronym_of(full, "CIMSA", text)
    assert not acronym_of(full, "CIMXA", text)
    assert not acronym_of(full, "CIMSA", "CIMSA Inc. provides management consulting.")
