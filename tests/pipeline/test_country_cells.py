"""A row whose country cell names the country in its own language (`Brasil`, `الإمارات`,
`မြန်မာ`), as CRM exports from those countries write it, is placed there like one written
in English: in its queries, its candidates' scores, its LinkedIn results and its dedupe."""

from __future__ import annotations

import pytest

from shared.rows import InputRow
from worker.dedupe import plan_rows
from worker.pipeline.confidence.linkedin import Hit, judge_hit
from worker.pipeline.row_place import row_place
from worker.pipeline.stages.discovery.location import location_evidence

pytestmark = pytest.mark.unit


def test_a_country_in_its_own_language_places_the_row() -> None:
    for cell, code in (("Brasil", "BR"), ("الإمارات", "AE"), ("မြန်မာ", "MM"), ("Қазақстан", "KZ")):
        place = row_place({"country": cell, "city": "Town"})
        assert (place.country, place.country_hint) == (None, code)
        assert place.ignored == ()
    assert row_place({"country": "Brazil"}).country == "BR"
    assert row_place({"country": "Atlantis"}).ignored == (
        "country 'Atlantis' not recognised, ignored",
    )


_SITE = (
    '<html lang="ar"><body><p>الفجر للطاقة الشمسية</p>'
    '<a href="tel:+97137654321">+971 3 765 4321</a></body></html>'
)


def test_a_page_agreeing_with_a_country_cell_in_its_own_language_gains() -> None:
    arabic = location_evidence("alfajr.ae", _SITE, "", row_place({"country": "الإمارات"}))
    english = location_evidence("alfajr.ae", _SITE, "", row_place({"country": "UAE"}))
    assert arabic.score == english.score > 0
    assert set(arabic.agrees) == {"tld", "phone"}


def test_a_page_elsewhere_is_not_held_against_a_cell_read_in_another_language() -> None:
    # `Deutschland` in an English list may be a careless cell; a cell read from every
    # language's names may be another word. Written in English, a country contradicts.
    hint = location_evidence("alfajr.ae", _SITE, "", row_place({"country": "Deutschland"}))
    assert hint.score == 0
    assert hint.conflicts == ()
    english = location_evidence("alfajr.ae", _SITE, "", row_place({"country": "Germany"}))
    assert english.score < 0
    assert "tld" in english.conflicts


def test_a_linkedin_result_in_english_agrees_with_a_country_cell_in_arabic() -> None:
    hit = Hit(
        "https://www.linkedin.com/company/al-noor-solar",
        "Al Noor Solar | LinkedIn",
        "Renewable Energy. Al Ain, United Arab Emirates.",
    )
    english = judge_hit(hit, "Al Noor Solar", None, "", ["United Arab Emirates"])
    arabic = judge_hit(hit, "Al Noor Solar", None, "", ["الإمارات"])
    assert arabic.confidence == english.confidence >= 0.8
    # Nothing corroborates a result placed in another country than the cell's.
    abroad = Hit(hit.url, hit.title, "Renewable Energy. Doha, Qatar.")
    assert judge_hit(abroad, "Al Noor Solar", None, "", ["الإمارات"]).confidence < 0.8


def test_one_company_listed_with_its_country_in_two_languages_is_one_row() -> None:
    rows = [
        InputRow(row=0, name="Sol Nascente", facts={"country": "Brazil"}),
        InputRow(row=1, name="Sol Nascente", facts={"country": "Brasil"}),
        InputRow(row=2, name="Sol Nascente", facts={"country": "Portugal"}),
    ]
    planned = list(plan_rows(rows))
    assert planned[1].duplicate_of == 0
    assert planned[2].duplicate_of is None
