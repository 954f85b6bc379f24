"""The row's industry column against a candidate page, and namesakes of one city."""

from __future__ import annotations

from dataclasses import replace

import pytest

from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.industry import industry_evidence
from worker.pipeline.stages.discovery.industry_words import INDUSTRIES
from worker.pipeline.stages.discovery.namesakes import undecided, unread_rival
from worker.pipeline.stages.discovery.website_search import Candidate
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts

pytestmark = pytest.mark.unit


def page(text: str, title: str = "Lindgren & Co") -> PageFacts:
    html = (
        f"<html><head><title>{title}</title></head><body><main><p>{text}</p></main></body></html>"
    )
    return extract_facts("https://example.se/", html)


@pytest.mark.parametrize(
    ("industry", "text"),
    [
        ("Furniture", "Sedan 1985 erbjuder Lindgren & Co från Malmö snickerier och inredning."),
        ("Accounting", "Lindgren & Co i Malmö sköter bokföring och deklarationer för småföretag."),
        ("Facilities Services", "Since 1994 we have provided commercial cleaning in Winnipeg."),
        ("IT Services", "Managed IT support and cloud backups for clinics in Winnipeg."),
        ("Interior Design", "Claddagh Design offers interior design for hotels and pubs."),
        ("Web Design", "Claddagh Design builds websites and online shops for local firms."),
        ("Construction", "Od roku 1996 nabízí Hora Stavby stavby rodinných domů na klíč."),
        ("Logistik", "Wir sind eine Spedition für Kühltransporte aus Hamburg seit 1990."),
        ("Beekeeping", "Family beekeeping in the hills since 1950: honey and wax candles."),
        ("Accounting", "Vi tager os af bogholderi og årsregnskab for små virksomheder i Odense."),
        ("Beverage Manufacturing", "Vi presser æblemost og laver cider på gården ved Vejle."),
        ("Wineries", "Familjen odlar druvor och driver ett vineyard utanför Ystad sedan 1990."),
        ("Renewable Energy Semiconductor Manufacturing", "Vi leverer solcelleanlegg til gårder."),
        ("Electrical Equipment Manufacturing", "Wir bauen Schaltschränke für Maschinenbauer."),
        ("Law Practice", "Unsere Kanzlei berät Familienunternehmen im Erbrecht seit 1978."),
        ("Hospitals and Health Care", "Nasza przychodnia stomatologiczna przyjmuje od 1999 roku."),
        ("Real Estate", "Somos una agencia inmobiliaria con pisos en venta y alquiler."),
        ("Hospitality", "Il nostro albergo sul lago offre camere e colazione dal 1962."),
        ("Education", "Nous proposons des formations en langues pour les adultes à Lyon."),
        ("Motor Vehicle Manufacturing", "Vår bilverkstad servar personbilar och lätta lastbilar."),
        ("Textile Manufacturing", "Tkaniny i dzianiny produkujemy w Łodzi od 1985 roku."),
        ("Printing Services", "Naše tiskárna tiskne katalogy a plakáty pro firmy v Brně."),
        ("Insurance", "Tarjoamme vakuutuksia yrityksille ja kotitalouksille Tampereella."),
        ("Architecture and Planning", "Mimarlık ofisimiz konut ve ofis projeleri tasarlar."),
        ("Advertising Services", "Wir sind eine Werbeagentur für Messen und Kampagnen in Köln."),
        ("Insurance", "Desde 1975, Aseguradora del Valle ofrece seguros de hogar en Quito."),
        ("Insurance", "Od roku 1992 nabízí Horák pojištění majetku a vozidel v Olomouci."),
    ],
)
def test_a_page_that_does_the_rows_industry_agrees(industry: str, text: str) -> None:
    assert industry_evidence(industry, page(text)).verdict == 1


@pytest.mark.parametrize(
    ("industry", "text"),
    [
        ("Furniture", "Lindgren & Co i Malmö sköter bokföring och deklarationer för småföretag."),
        ("Facilities Services", "Managed IT support and cloud backups for clinics in Winnipeg."),
        ("Interior Design", "Claddagh Design builds websites and online shops for local firms."),
        ("Credit Unions", "Managed IT support and cloud backups for clinics in Winnipeg."),
        ("Beverage Manufacturing", "Vi tager os af bogholderi og årsregnskab for håndværkere."),
        ("Electrical Equipment Manufacturing", "Vi monterer solcellepaneler på næringsbygg."),
        ("Renewable Energy", "Wir bauen Schaltschränke und Steuerungen für Maschinenbauer."),
        # Words that hold a short stem of another language's trade word (`ital`, `ropa`,
        # `course`, `assurance`) are no sign of that trade.
        ("Beverage Manufacturing", "Digital capital for hospitals in Europa, of course."),
        ("Insurance", "Quality assurance is part of every machine we build in Turin."),
        ("Education", "Of course we deliver: furniture made to measure since 1960."),
    ],
)
def test_a_page_of_another_trade_differs(industry: str, text: str) -> None:
    assert industry_evidence(industry, page(text)).verdict == -1


def test_a_label_known_only_in_english_tells_nothing_of_a_page_in_another_language() -> None:
    text = "Desde 1975, la Cooperativa del Valle presta servicios financieros en Quito."
    assert industry_evidence("Beekeeping", page(text)).verdict == 0
    assert industry_evidence("Credit Unions", page(text)).verdict == 1  # a known industry
    english = "Since 1975, the Valley Cooperative has served farmers and families in Quito."
    assert industry_evidence("Beekeeping", page(english)).verdict == -1


def test_no_industry_or_too_little_text_tells_nothing() -> None:
    assert industry_evidence("", page("Anything at all, said at some length here.")).verdict == 0
    assert industry_evidence("Furniture", page("Hej.")).verdict == 0
    assert industry_evidence("Services", page("x " * 60)).verdict == 0


def candidate(
    url: str, confidence: float, industry: str, text: str, city: bool = True
) -> Candidate:
    facts = page(text)
    return Candidate(
        url,
        confidence,
        "",
        facts,
        names_city=city,
        industry=industry_evidence(industry, facts),
    )


JOINERS = "Lindgren & Co i Malmö gör snickerier och inredning på beställning sedan 1985."
ACCOUNTANTS = "Lindgren & Co i Malmö sköter bokföring och deklarationer för småföretag."


def test_the_twin_of_the_rows_industry_is_preferred_and_kept() -> None:
    right = candidate("https://lindgren-co-furniture.se/", 1.0, "Furniture", JOINERS)
    wrong = candidate("https://lindgrenco.se/", 1.0, "Furniture", ACCOUNTANTS)
    best = max([wrong, right], key=lambda c: c.rank)
    assert best is right
    assert undecided(best, [wrong, right], "Lindgren & Co", 0.8).confidence == 1.0


def test_twins_of_one_city_the_industry_cannot_tell_apart_go_to_review() -> None:
    one = candidate("https://lindgrenco.se/", 1.0, "", ACCOUNTANTS)
    two = candidate("https://lindgren-co-furniture.se/", 0.95, "", JOINERS)
    held = undecided(one, [one, two], "Lindgren & Co", 0.8)
    assert held.confidence == 0.79
    assert "namesake in the same city" in held.evidence


def test_a_namesake_elsewhere_or_far_behind_leaves_the_best_alone() -> None:
    one = candidate("https://lindgrenco.se/", 1.0, "", ACCOUNTANTS)
    elsewhere = candidate("https://lindgren.dk/", 1.0, "", JOINERS, city=False)
    behind = candidate("https://lindgren-co.se/", 0.85, "", JOINERS)
    assert undecided(one, [one, elsewhere, behind], "Lindgren & Co", 0.8).confidence == 1.0


def test_a_parent_group_that_names_the_company_is_no_namesake() -> None:
    own = candidate("https://yeovale-marine.fr/", 1.0, "", "Yeovale Marine in Brest builds boats.")
    facts = page("Yeovale Group in Brest: our companies include Yeovale Marine.", "Yeovale Group")
    group = Candidate("https://yeovale-group.com/", 0.95, "", facts, names_city=True)
    own = replace(own, facts=page("Yeovale Marine in Brest builds boats.", "Yeovale Marine"))
    assert undecided(own, [own, group], "Yeovale Marine", 0.8).confidence == 1.0


def test_a_namesake_elsewhere_is_held_while_a_candidate_could_not_be_read() -> None:
    place = RowPlace(country="US", city="Austin")
    halifax = candidate("https://brackenridge-ca.com/", 0.95, "", JOINERS, city=False)
    unread = Candidate("https://brackenridge-us.com/", 0.0, "", None, unread="no answer in time")
    held = unread_rival(halifax, [halifax, unread], place, 0.8, "Brackenridge Brewing")
    assert held.confidence == 0.79
    assert "could not be read" in held.evidence
    dead = Candidate("https://brackenridge-old.com/", 0.0, "", None)
    brewing = "Brackenridge Brewing"
    assert unread_rival(halifax, [halifax, dead], place, 0.8, brewing).confidence == 0.95
    austin = replace(halifax, names_city=True)
    assert unread_rival(austin, [austin, unread], place, 0.8, brewing).confidence == 0.95


def test_a_namesake_of_another_trade_is_held_while_a_candidate_could_not_be_read() -> None:
    place = RowPlace(country="SE", city="Malmö", industry="Furniture")
    accountants = candidate("https://lindgrenco.se/", 1.0, "Furniture", ACCOUNTANTS)
    unread = Candidate("https://lindgren-co.se/", 0.0, "", None, unread="server disconnected")
    held = unread_rival(accountants, [accountants, unread], place, 0.8, "Lindgren & Co")
    assert held.confidence == 0.79
    joiners = candidate("https://lindgren-co.se/", 1.0, "Furniture", JOINERS)
    assert unread_rival(joiners, [joiners, unread], place, 0.8, "Lindgren & Co").confidence == 1.0


def test_a_namesake_naming_the_rows_city_holds_a_best_that_does_not() -> None:
    """The trade words of the page favour the namesake in the other town; the row's city
    says otherwise: a guess between them goes to review."""
    cluj = candidate("https://deltaadvisory.ro/", 1.0, "Consulting", "", city=False)
    iasi = candidate("https://deltaadvisoryiasi.ro/", 1.0, "", "")
    cluj = replace(cluj, facts=page("Consultanță fiscală în Cluj.", "Delta Advisory"))
    iasi = replace(iasi, facts=page("Proiecte pentru fonduri, Iași.", "Delta Advisory"))
    held = undecided(cluj, [cluj, iasi], "Delta Advisory", 0.8)
    assert held.confidence == 0.79
    assert "names the row's city" in held.evidence
    assert undecided(iasi, [cluj, iasi], "Delta Advisory", 0.8).confidence == 1.0


def test_an_unread_directory_listing_does_not_hold_the_best_candidate() -> None:
    place = RowPlace(country="SE", city="Malmö", industry="Furniture")
    accountants = candidate("https://lindgrenco.se/", 1.0, "Furniture", ACCOUNTANTS)
    listing = Candidate(
        "https://www.b2b-yellowbook.eu/company/lindgren-co",
        0.0,
        "",
        None,
        unread="throttled: www.b2b-yellowbook.eu asked to wait 10 s",
    )
    held = unread_rival(accountants, [accountants, listing], place, 0.8, "Lindgren & Co")
    assert held.confidence == 1.0


def test_every_industry_stem_is_a_word_not_a_letter() -> None:
    """A stem of one or two Latin letters would be found on every page."""
    short = [s for _, stems in INDUSTRIES for s in stems if len(s) < (3 if s.isascii() else 2)]
    assert short == []
