"""A row whose country cell names the country in its own language (`Brasil`, `الإمارات`,
`မြန်မာ`), as CRM exports from those countries write it, is placed there like one written
in English: in its queries, its candidates' scores, its LinkedIn results and its dedupe."""

from __future__ import annotations

import pytest

from shared.rows import InputRow
from worker.dedupe import plan_rows
from worker.pipeline.confidence.linkedin import Hit, judge_hit
from worker.pipeline.row_place import row_place

pytestmark = pytest.mark.unit


def test_a_country_in_its_own_language_places_the_row() -> None:
    for cell, code in (("Brasil", "BR"), ("الإمارات", "AE"), ("မြန်မာ", "MM"), ("Қазақстан", "KZ")):
        place = row_place({"country": cell, "city": "Town"})
        assert place.country == code
        assert place.ignored == ()
    assert row_place({"country": "Atlantis"}).ignored == (
        "country 'Atlantis' not recognised, ignored",
    )


def test_a_linkedin_result_in_english_agrees_with_a_country_cell_in_arabic() -> None:
    hit = Hit(
        "https://www.linkedin.com/company/al-noor-solar",
        "Al Noor Solar | LinkedIn",
        "Renewable Energy. Al Ain, United Arab Emirates.",
    )
    english = judge_hit(hit, "Al Noor Solar", None, "", ["United Arab Emirates"])
    arabic = judge_hit(hit, "Al Noor Solar", None, "", ["الإمارات"])
    assert arabic.confidence == english.confidence >= 0.8
    # A result placed in another country than the cell's is still a namesake abroad.
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
