"""Country, city, region and industry columns: by header, and countries by their values."""

from __future__ import annotations

import pytest

from gateway.ingest.columns import choose_from_header
from gateway.ingest.fact_columns import detect_fact_columns, header_role, is_country_column
from gateway.ingest.table import TableReader

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Country", "country"), ("HQ country", "country"), ("hq_country", "country"),
        ("Billing Country", "country"), ("COUNTRY CODE", "country"), ("Страна", "country"),
        ("страна регистрации", "country"), ("Country/Region", "country"),
        ("Headquarters Country", "country"), ("Государство", "country"),
        ("City", "city"), ("HQ City", "city"), ("Town", "city"), ("Город", "city"),
        ("Населённый пункт", "city"), ("Billing City", "city"), ("город (офис)", "city"),
        ("Region", "region"), ("State", "region"), ("State/Province", "region"),
        ("Province", "region"), ("Регион", "region"), ("Область", "region"),
        ("Субъект РФ", "region"), ("Sales region", "region"),
        ("Industry", "industry"), ("Sector", "industry"), ("Vertical", "industry"),
        ("Industry / Sector", "industry"), ("Отрасль", "industry"),
        ("Сфера деятельности", "industry"), ("Вид деятельности", "industry"),
        ("Индустрия", "industry"), ("Основной ОКВЭД", "industry"),
        ("Land", "country"), ("Pays", "country"), ("País", "country"), ("Kraj", "country"),
        ("Ülke", "country"), ("Negara", "country"), ("Країна", "country"),
        ("Stadt", "city"), ("Ort", "city"), ("Ciudad", "city"), ("Cidade", "city"),
        ("Miasto", "city"), ("Şehir", "city"), ("Kota", "city"), ("Thành phố", "city"),
        ("Branche", "industry"), ("Secteur", "industry"), ("Setor", "industry"),
        ("Branża", "industry"), ("Sektör", "industry"), ("Ngành", "industry"),
    ],
)  # fmt: skip
def test_header_spellings_name_their_role(header: str, role: str) -> None:
    assert header_role(header) == role


@pytest.mark.parametrize(
    "header",
    [
        "Company",
        "Website",
        "Email",
        "Phone",
        "Notes",
        "Statement",
        "Название",
        "Сайт",
        "",
        "id",
        "Country Manager",
        "City phone",
        "Менеджер региона",
        "Regional sales rep",
    ],
)
def test_other_headers_name_no_role(header: str) -> None:
    assert header_role(header) is None


@pytest.mark.parametrize(
    "values",
    [
        ["Germany", "France", "United States", "Japan"],
        ["DE", "FR", "US", "JP", "GB"],
        ["DEU", "FRA", "USA", "JPN"],
        ["Германия", "Франция", "США", "Россия", "Казахстан"],
        ["russia", "UK", "Korea, Republic of", "Czech Republic", ""],
        ["Deutschland?", "Germany", "Italy", "Spain", "Poland"],
    ],
)
def test_a_column_of_country_values_is_a_country_column(values: list[str]) -> None:
    assert is_country_column(values)


@pytest.mark.parametrize(
    "values",
    [
        ["Capcom", "Sega", "Nintendo"],
        ["Berlin", "Paris", "Tokyo"],
        ["1", "2", "3"],
        ["in", "it", "is", "to"],
        ["xyz", "qwerty", "Germany", "nope", "??"],
        ["Germany"],
    ],
)
def test_other_values_are_not_a_country_column(values: list[str]) -> None:
    assert not is_country_column(values)


def test_headers_win_and_name_and_website_columns_are_never_taken() -> None:
    header = ["Company", "Website", "Страна", "Город", "Отрасль", "Регион"]
    sample = [["Acme", "acme.com", "Россия", "Москва", "IT", "Москва"]]
    found = detect_fact_columns(header, sample, {0, 1})
    assert found == {"country": 2, "city": 3, "industry": 4, "region": 5}
    assert detect_fact_columns(["Country", "Site"], [["DE", "x.de"]], {0, 1}) == {}


def test_a_country_column_without_a_known_header_is_found_by_value() -> None:
    header = ["Company", "Where"]
    sample = [["Acme", "Germany"], ["Bolt", "Estonia"], ["Cera", "FR"]]
    assert detect_fact_columns(header, sample, {0}) == {"country": 1}
    assert detect_fact_columns(None, sample, {0}) == {"country": 1}


def test_a_company_country_header_is_not_the_name_column() -> None:
    choice = choose_from_header(["Company Country", "Name", "Website"])
    assert choice.name_index == 1


def test_rows_carry_the_cells_of_the_detected_columns() -> None:
    reader = TableReader(max_rows=100, max_cell_chars=1000)
    records = [
        ["Компания", "Страна", "Город", "Industry"],
        ["Яндекс", "Россия", "Москва", "Internet"],
        ["Acme", "", "Berlin", ""],
    ]
    rows = list(reader.rows(records))
    assert reader.stats.fact_columns == {
        "country": "Страна", "city": "Город", "industry": "Industry",
    }  # fmt: skip
    assert rows[0].facts == {"country": "Россия", "city": "Москва", "industry": "Internet"}
    assert rows[1].facts == {"city": "Berlin"}
    assert rows[0].original["Страна"] == "Россия"


def test_a_headerless_file_finds_its_country_column() -> None:
    reader = TableReader(max_rows=100, max_cell_chars=1000)
    records = [["Capcom", "capcom.com", "JP"], ["Sega", "sega.com", "Japan"], ["EA", "", "USA"]]
    rows = list(reader.rows(records))
    assert reader.stats.fact_columns == {"country": "Column_3"}
    assert [row.facts.get("country") for row in rows] == ["JP", "Japan", "USA"]
