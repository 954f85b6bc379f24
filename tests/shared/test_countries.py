"""Country names and codes to ISO alpha-2: English and Russian in any text, every
language in a country cell."""

from __future__ import annotations

import pytest

from shared.countries import country_name, parse_country, parse_country_cell

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


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Brasil", "BR"), ("BRASIL", "BR"), ("Deutschland", "DE"), ("España", "ES"),
        ("Polska", "PL"), ("Magyarország", "HU"), ("Қазақстан", "KZ"), ("Україна", "UA"),
        ("ישראל", "IL"), ("ایران", "IR"), ("বাংলাদেশ", "BD"), ("இலங்கை", "LK"),
        ("ශ්\u200dරී ලංකාව", "LK"), ("ශ්රී ලංකාව", "LK"), ("ລາວ", "LA"), ("ไทย", "TH"),
        ("日本", "JP"), ("Pilipinas", "PH"), ("Ελλάδα", "GR"),
        # The first words of a longer name, when they name one country only.
        ("الإمارات", "AE"), ("Saudi", "SA"), ("Bosnia", "BA"),
        # The first letters of a name in a script without spaces: the country before the
        # word for country (`မြန်မာနိုင်ငံ`).
        ("မြန်မာ", "MM"),
        # English and Russian names and codes as before.
        ("Germany", "DE"), ("Германия", "DE"), ("DEU", "DE"),
    ],
)  # fmt: skip
def test_a_country_cell_may_name_the_country_in_its_own_or_another_language(
    value: str, code: str
) -> None:
    assert parse_country_cell(value) == code


@pytest.mark.parametrize("value", ["United", "South", "New", "Costa", "Roma", "Paris", "xyz", ""])
def test_first_words_several_countries_share_and_other_words_are_no_country_cell(
    value: str,
) -> None:
    assert parse_country_cell(value) is None


def test_free_text_is_not_read_in_every_language() -> None:
    # `Island` is Iceland in German: a country cell, but in a sentence the English word.
    assert parse_country_cell("Island") == "IS"
    assert parse_country("Island") is None
    assert parse_country("Brasil") is None
