"""Name-only rows of one name are duplicates only within one country."""

from __future__ import annotations

import pytest

from shared.rows import InputRow
from worker.dedupe import plan_rows

pytestmark = pytest.mark.unit


def test_one_name_in_two_countries_is_two_companies() -> None:
    rows = [
        InputRow(row=0, name="Nordlicht", facts={"country": "Germany"}),
        InputRow(row=1, name="Nordlicht GmbH", facts={"country": "DE"}),
        InputRow(row=2, name="Nordlicht", facts={"country": "France"}),
        InputRow(row=3, name="Nordlicht"),
        InputRow(row=4, name="NORDLICHT", facts={"country": "xyz"}),
        InputRow(row=5, name="Nordlicht", website="nordlicht.de", facts={"country": "FR"}),
        InputRow(row=6, name="Other", website="nordlicht.de", facts={"country": "DE"}),
    ]
    planned = list(plan_rows(rows))
    assert [p.duplicate_of for p in planned] == [None, 0, None, None, 3, None, 5]
    assert planned[2].facts == {"country": "France"}


def test_two_links_on_one_shared_host_are_two_companies() -> None:
    rows = [
        InputRow(row=0, name="Ha Long Foods", website="https://go.shortlink.io/ha2e"),
        InputRow(row=1, name="Toros Nakliyat", website="https://go.shortlink.io/tor5c"),
        InputRow(row=2, name="Ha Long Foods Co", website="go.shortlink.io/ha2e?utm=x"),
        InputRow(row=3, name="Acme", website="https://acme-tools.com/"),
        InputRow(row=4, name="Acme Inc", website="http://www.acme-tools.com"),
        InputRow(row=5, name="Acme", website="acme-tools.com/en/contact/"),
        InputRow(row=6, name="Acme B.V.", website="https://acme-tools.com/about#team"),
        InputRow(row=7, name="Acme", website="https://acme-tools.com/page19"),
        InputRow(row=8, name="Acme", website="https://acme-tools.com/3d-printing"),
        InputRow(row=9, name="Bosphorus Ltd", website="https://bit.ly/3xYz9Qa"),
        InputRow(row=10, name="Bosphorus", website="bit.ly/3xYz9Qa/"),
    ]
    planned = list(plan_rows(rows))
    assert [p.duplicate_of for p in planned] == [None, None, 0, None, 3, 3, 3, 3, 3, None, 9]
    assert planned[1].domain == "shortlink.io"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"city": "Lyon"}, {"city": "Paris"}),
        ({"city": "Springfield", "region": "Illinois"}, {"city": "Springfield", "region": "MO"}),
        ({"region": "Bavaria"}, {"region": "Saxony"}),
        ({"city": "Самара"}, {"city": "Казань"}),
        ({"city": "Porto"}, {"region": "Porto"}),
    ],
)
def test_one_name_in_two_places_of_one_country_is_two_companies(
    first: dict[str, str], second: dict[str, str]
) -> None:
    rows = [
        InputRow(row=0, name="Atelier Verdon", facts={"country": "FR", **first}),
        InputRow(row=1, name="Atelier Verdon SARL", facts={"country": "France", **second}),
    ]
    assert [p.duplicate_of for p in plan_rows(rows)] == [None, None]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"city": "Saint-Étienne"}, {"city": "saint etienne"}),
        ({"city": "Самара"}, {"city": "Samara"}),
        ({"city": " MÜNCHEN "}, {"city": "München"}),
        ({"city": "Springfield", "region": "IL"}, {"city": "springfield", "region": "il"}),
        ({"city": "大阪"}, {"city": "大阪"}),
    ],
)
def test_one_name_in_one_place_spelt_differently_is_one_company(
    first: dict[str, str], second: dict[str, str]
) -> None:
    rows = [
        InputRow(row=0, name="Atelier Verdon", facts={"country": "FR", **first}),
        InputRow(row=1, name="ATELIER VERDON", facts={"country": "FR", **second}),
    ]
    assert [p.duplicate_of for p in plan_rows(rows)] == [None, 0]


def test_rows_without_a_place_keep_the_country_rule() -> None:
    rows = [
        InputRow(row=0, name="Verdon", facts={"country": "FR", "city": "Lyon"}),
        InputRow(row=1, name="Verdon", facts={"country": "FR"}),
        InputRow(row=2, name="Verdon", facts={"country": "FR", "city": " "}),
        InputRow(row=3, name="Verdon", facts={"country": "FR", "city": "Paris"}),
        InputRow(row=4, name="Verdon", facts={"country": "FR", "city": "PARIS"}),
        InputRow(row=5, name="Verdon", website="verdon.fr", facts={"city": "Nice"}),
        InputRow(row=6, name="Verdon", website="https://www.verdon.fr/", facts={"city": "Lyon"}),
    ]
    assert [p.duplicate_of for p in plan_rows(rows)] == [None, 0, 0, None, 3, None, 5]


def test_namesakes_of_one_city_told_apart_by_their_industry_are_two_companies() -> None:
    where = {"country": "SE", "city": "Malmö"}
    rows = [
        InputRow(row=0, name="Lindgren & Co", facts={**where, "industry": "Accounting"}),
        InputRow(row=1, name="Lindgren & Co", facts={**where, "industry": "Joinery"}),
        InputRow(row=2, name="LINDGREN & CO", facts={**where, "industry": " joinery "}),
        InputRow(row=3, name="Lindgren & Co", facts={"country": "SE", "industry": "Joinery"}),
        InputRow(row=4, name="Lindgren & Co", facts={"country": "SE", "industry": "JOINERY"}),
        InputRow(row=5, name="Lindgren & Co", facts={**where}),
    ]
    assert [p.duplicate_of for p in plan_rows(rows)] == [None, None, 1, None, 3, None]
