"""Country names and codes, English and Russian, to ISO alpha-2."""

from __future__ import annotations

import pytest

from shared.countries import country_name, parse_country

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Germany", "DE"), ("germany", "DE"), (" GERMANY ", "DE"), ("DE", "DE"), ("DEU", "DE"),
        ("deu", "DE"), ("Германия", "DE"), ("Federal Republic of Germany", "DE"),
        ("United States", "US"), ("USA", "US"), ("U.S.A.", "US"), ("US", "US"), ("us", "US"),
        ("United States of America", "US"), ("США", "US"), ("Соединённые Штаты", "US"),
        ("UK", "GB"), ("United Kingdom", "GB"), ("Great Britain", "GB"), ("England", "GB"),
        ("Великобритания", "GB"), ("GBR", "GB"), ("Russia", "RU"), ("Россия", "RU"),
        ("РФ", "RU"), ("Russian Federation", "RU"), ("Российская Федерация", "RU"),
        ("RUS", "RU"), ("South Korea", "KR"), ("Korea, Republic of", "KR"),
        ("Republic of Korea", "KR"), ("Южная Корея", "KR"), ("Côte d'Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"), ("Ivory Coast", "CI"), ("Czechia", "CZ"),
        ("Czech Republic", "CZ"), ("Чехия", "CZ"), ("Netherlands", "NL"),
        ("The Netherlands", "NL"), ("Нидерланды", "NL"), ("Казахстан", "KZ"),
        ("Беларусь", "BY"), ("Белоруссия", "BY"), ("UAE", "AE"), ("ОАЭ", "AE"),
        ("Viet Nam", "VN"), ("Vietnam", "VN"), ("Türkiye", "TR"), ("Turkey", "TR"),
        ("IN", "IN"), ("IT", "IT"), ("India", "IN"), ("Italy", "IT"), ("Италия", "IT"),
    ],
)  # fmt: skip
def test_names_and_codes_are_read(value: str, code: str) -> None:
    assert parse_country(value) == code


@pytest.mark.parametrize(
    "value", ["", "xyz", "   ", "Berlin", "Acme Inc", "123", "in", "it", "??", "Germanyy"]
)
def test_other_values_are_not_countries(value: str) -> None:
    assert parse_country(value) is None


def test_codes_have_readable_names() -> None:
    assert country_name("DE") == "Germany"
    assert country_name("KR") == "South Korea"
    assert country_name("XK") == "Kosovo"
