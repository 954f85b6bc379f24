"""Latin names of Georgian and Armenian companies spelled back in their own letters, and
searched that way."""

from __future__ import annotations

import pytest

from shared.script_spellers import native_spelling
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.queries import website_queries

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("key", "country", "spelled"),
    [
        ("bazaleti samsheneblo", "GE", "ბაზალეთი სამშენებლო"),
        ("alaznis veli", "GE", "ალაზნის ველი"),
        ("kakheti ghvino", "GE", "კახეთი ღვინო".replace("კ", "ქ")),  # k read as aspirated
        ("dilijan", "AM", "դիլիջան"),
        ("sevan", "AM", "սևան"),
        ("oskan", "AM", "օսկան"),  # a first `o` written `օ`
    ],
)
def test_a_latin_name_is_spelled_in_its_countrys_letters(
    key: str, country: str, spelled: str
) -> None:
    assert native_spelling(key, country) == spelled


@pytest.mark.parametrize(
    ("key", "country"),
    [("bazaleti", "FR"), ("bazaleti", None), ("acme 24", "GE"), ("ბაზალეთი", "GE")],
)
def test_no_spelling_outside_those_countries_or_of_other_letters(
    key: str, country: str | None
) -> None:
    assert native_spelling(key, country) is None


def test_a_georgian_companys_latin_name_is_also_searched_in_georgian() -> None:
    queries = website_queries("Bazaleti Samsheneblo LLC", RowPlace(country="GE", city="Kutaisi"))
    assert any(q.startswith('"ბაზალეთი სამშენებლო"') for q in queries)
    elsewhere = website_queries("Bazaleti Samsheneblo LLC", RowPlace(country="DE"))
    assert not any("ბ" in q for q in elsewhere)
