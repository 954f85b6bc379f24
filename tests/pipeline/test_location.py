"""A row's place from its columns, and how far a candidate page agrees with it."""

from __future__ import annotations

import json

import pytest

from worker.pipeline.row_place import RowPlace, row_place
from worker.pipeline.stages.discovery.location import (
    address_countries,
    location_evidence,
    page_language,
    phone_countries,
    tld_country,
)
from worker.pipeline.stages.discovery.queries import plain_query, website_queries

pytestmark = pytest.mark.unit


def html(lang: str = "", head: str = "", body: str = "") -> str:
    attr = f' lang="{lang}"' if lang else ""
    return f"<!doctype html><html{attr}><head>{head}</head><body>{body}</body></html>"


def address(country: object) -> str:
    postal = {"@type": "PostalAddress", "addressCountry": country}
    data = {"@type": "Organization", "address": postal}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_a_row_place_reads_country_names_and_codes_in_both_languages() -> None:
    place = row_place({"country": "Германия", "city": "Berlin", "industry": "Logistics"})
    assert (place.country, place.city, place.industry, place.ignored) == (
        "DE", "Berlin", "Logistics", (),
    )  # fmt: skip
    assert row_place({"country": "usa"}).country == "US"
    assert row_place({}).empty


@pytest.mark.parametrize("garbage", ["xyz", "n/a", "???", "123", "Planet Earth", "Европа"])
def test_a_country_that_is_no_country_is_ignored_and_said(garbage: str) -> None:
    place = row_place({"country": garbage, "city": "Lyon"})
    assert place.country is None
    assert place.city == "Lyon"
    assert place.ignored == (f"country '{garbage}' not recognised, ignored",)


def test_an_overlong_cell_is_ignored_and_said() -> None:
    place = row_place({"city": "word " * 100})
    assert place.city == ""
    assert "city cell of" in place.ignored[0]


def test_prompt_and_query_text_of_a_place() -> None:
    place = RowPlace(country="KR", city="Seoul", region="", industry="Games")
    assert place.query_terms() == "Seoul South Korea"
    assert place.describe() == "located in Seoul, South Korea; industry: Games"
    assert RowPlace(industry="Games").describe() == "industry: Games"
    assert RowPlace().describe() == ""


@pytest.mark.parametrize(
    ("host", "country"),
    [("acme.de", "DE"), ("www.acme.co.uk", "GB"), ("acme.ru", "RU"), ("acme.com.br", "BR"),
     ("acme.com", None), ("acme.io", None), ("acme.ai", None), ("acme.eu", None),
     ("acme.it", "IT"), ("acme.jp", "JP"), ("acme.org", None)],
)  # fmt: skip
def test_country_code_tlds(host: str, country: str | None) -> None:
    assert tld_country(host) == country


def test_address_countries_from_structured_data() -> None:
    assert address_countries(html(head=address("DE"))) == {"DE"}
    assert address_countries(html(head=address("France"))) == {"FR"}
    assert address_countries(html(head=address({"@type": "Country", "name": "Japan"}))) == {"JP"}
    assert address_countries(html(head=address("Mars"))) == set()


def test_phone_countries_from_international_numbers() -> None:
    page = html(body="<a href='tel:+4930123456'>call</a> or +7 495 123-45-67")
    assert {"DE", "RU"} <= phone_countries(page)
    assert phone_countries(html(body="C++ 20 and +5 years of experience")) == set()


def test_page_language_and_its_region() -> None:
    assert page_language(html(lang="de-AT")) == ("de", "AT")
    assert page_language(html(lang="ru")) == ("ru", None)
    assert page_language(html()) == ("", None)


def test_a_page_in_the_rows_country_scores_up_and_one_elsewhere_down() -> None:
    place = RowPlace(country="DE", city="Hamburg")
    home = html("de", address("DE"), "<p>Acme GmbH, Hafenstraße 1, Hamburg. +49 40 123456</p>")
    abroad = html("fr", address("FR"), "<p>Acme SARL, 1 rue de Lyon, Paris. +33 1 23 45 67 89</p>")
    good = location_evidence("acme.de", home, "Acme GmbH Hafenstraße 1, Hamburg", place)
    bad = location_evidence("acme.fr", abroad, "Acme SARL 1 rue de Lyon, Paris", place)
    assert good.score > 0 > bad.score
    assert set(good.agrees) == {"tld", "address", "phone", "language", "city"}
    assert set(bad.conflicts) == {"tld", "address", "phone", "language"}
    assert "location differs" in bad.describe()


def test_an_english_generic_site_is_neutral_and_no_place_changes_nothing() -> None:
    page = html("en", "", "<p>Acme makes things.</p>")
    germany = RowPlace(country="DE")
    assert location_evidence("acme.com", page, "Acme makes things.", germany).score == 0
    assert location_evidence("acme.fr", page, "", None).score == 0
    assert location_evidence("acme.fr", page, "", RowPlace(industry="Games")).score == 0


def test_a_cyrillic_city_is_found_in_its_latin_spelling() -> None:
    place = RowPlace(city="Москва")
    found = location_evidence("acme.com", "", "Offices in Moskva and Berlin", place)
    assert found.agrees == ("city",)


def test_queries_add_the_place_and_the_other_script() -> None:
    assert website_queries("Acme") == ['"Acme" official website']
    place = RowPlace(country="DE", city="Berlin")
    assert website_queries("Acme", place) == ['"Acme" official website Berlin Germany']
    assert website_queries("Яндекс") == ['"Яндекс" official website', '"yandeks" official website']
    russia = RowPlace(country="RU")
    assert website_queries("Rostelecom", russia)[1] == '"ростелеком" official website Russia'
    assert len(website_queries("Rostelecom", place)) == 1
    assert website_queries("Яндекс Yandex") == ['"Яндекс Yandex" official website']


def test_a_latin_name_in_ukraine_is_also_searched_in_its_ukrainian_spelling() -> None:
    ukraine = RowPlace(country="UA", city="Lviv")
    queries = website_queries("Dnister Bud", ukraine)
    assert '"дністер буд" official website Lviv Ukraine' in queries
    assert '"днистер буд" official website Lviv Ukraine' in queries
    assert not any("дністер" in q for q in website_queries("Dnister Bud", RowPlace(country="RU")))


def test_a_name_with_a_legal_form_has_a_plain_search_to_fall_back_on() -> None:
    place = RowPlace(country="ES")
    assert plain_query("Peñalba Construcciones S.L.", place) == (
        '"Peñalba Construcciones" official website Spain'
    )
    assert plain_query("ООО «Ромашка»") == '"Ромашка" official website'
    assert plain_query("Acme") is None


def locality(city: str) -> str:
    postal = {"@type": "PostalAddress", "addressLocality": city, "addressCountry": "FR"}
    return f'<script type="application/ld+json">{json.dumps({"address": postal})}</script>'


@pytest.mark.parametrize(
    ("page", "main_text"),
    [
        (
            html(body="<main><p>Freight</p></main><footer>12 rue Nationale, 59000 Lille</footer>"),
            "Freight",
        ),
        (html(head=locality("Lille")), ""),
        (html(head='<meta name="description" content="Refrigerated trucking from Lille.">'), ""),
        (
            html(body="<p>Our depot in LILLE is open daily.</p>"),
            "Our depot in LILLE is open daily.",
        ),
    ],
)
def test_the_rows_city_is_found_in_footers_structured_data_and_descriptions(
    page: str, main_text: str
) -> None:
    place = RowPlace(country="FR", city="Lille")
    found = location_evidence("silverbirch-freight.fr", page, main_text, place)
    assert "city" in found.agrees


def test_of_two_same_name_sites_in_one_country_the_one_in_the_rows_city_wins() -> None:
    place = RowPlace(country="FR", city="Lille")
    lille = location_evidence(
        "silverbirch-freight-lille.fr", html(head=locality("Lille")), "", place
    )
    lyon = location_evidence("silverbirch-freight.fr", html(head=locality("Lyon")), "", place)
    silent = location_evidence("silverbirch.fr", html(body="<p>Freight.</p>"), "Freight.", place)
    assert "city" in lyon.conflicts
    assert lille.score > silent.score > lyon.score


def test_the_city_still_tells_two_namesakes_apart_when_both_reach_the_bonus_cap() -> None:
    place = RowPlace(country="IT", city="Bologna")

    def site(city: str) -> str:
        footer = f"<footer>Via Roma 21 · {city} · Italia · +39 51 2345678</footer>"
        return html(body=f"<p>Ceramiche.</p>{footer}").replace("<html", '<html lang="it"', 1)

    own = location_evidence("terrazzo-ceramiche.it", site("Bologna"), "Ceramiche.", place)
    other = location_evidence("terrazzo-ceramiche-bari.it", site("Bari"), "Ceramiche.", place)
    assert own.score == other.score  # both capped: same country, TLD, phone and language
    assert own.strength > other.strength


def test_a_city_inside_another_word_is_not_the_city() -> None:
    place = RowPlace(country="FR", city="Nice")
    page = html(body="<footer>Have a nice day, Lyon office</footer>")
    assert "city" not in location_evidence("acme.fr", page, "", place).agrees
