"""Header, column, encoding and delimiter detection on their own (no I/O)."""

from __future__ import annotations

import pytest

from gateway.ingest.columns import choose_from_data, choose_from_header, is_header
from gateway.ingest.encoding import detect_delimiter, detect_encoding

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["Company Name", "Website"], True),
        (["GAMING", "Website"], True),
        (["Company_Name", "Official_Website"], True),
        (["Наименование", "Сайт"], True),
        (["Bright Company"], False),
        (["Capcom", "capcom.com"], False),
        (["Name", "https://example.com"], False),
    ],
)
def test_a_header_is_recognised_by_known_names_only(row: list[str], expected: bool) -> None:
    assert is_header(row) is expected


@pytest.mark.parametrize(
    ("header", "name", "website"),
    [
        (["Ref", "Firma", "Land", "Stadt", "Branche"], 1, None),
        (["Nr", "Unternehmen", "Webseite"], 1, 2),
        (["Empresa", "Sitio web", "País"], 0, 1),
        (["Nome da empresa", "Cidade", "Site"], 0, 2),
        (["Lp.", "Nazwa firmy", "Strona www"], 1, 2),
        (["Şirket adı", "Web sitesi", "Şehir"], 0, 1),
        (["No", "Nama perusahaan", "Situs web"], 1, 2),
        (["Tên công ty", "Trang web"], 0, 1),
        (["Назва компанії", "Місто"], 0, None),
    ],
)  # fmt: skip
def test_headers_in_other_languages_name_the_company_and_website(
    header: list[str], name: int, website: int | None
) -> None:
    assert is_header(header)
    choice = choose_from_header(header)
    assert (choice.name_index, choice.website_index) == (name, website)


def test_header_choice_prefers_name_labels_over_position() -> None:
    choice = choose_from_header(["id", "Website", "Название компании", "Notes"])
    assert (choice.name_index, choice.website_index) == (2, 1)


def test_a_company_label_beats_a_plain_name_label() -> None:
    choice = choose_from_header(["Name", "Email", "Company Name", "Site"])
    assert (choice.name_index, choice.website_index) == (2, 3)
    assert choose_from_header(["Contact", "GAMING", "Website"]).name_index == 0


def test_headerless_choice_skips_a_numeric_first_column() -> None:
    sample = [["1", "Capcom", "capcom.com"], ["2", "Sega", "sega.com"]]
    choice = choose_from_data(sample, 3)
    assert (choice.name_index, choice.website_index) == (1, 2)
    assert choice.columns == ["Column_1", "Column_2", "Column_3"]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Компания;Сайт\nРога и копыта, ООО;roga.ru\nАльфа, АО;alfa.ru\n", ";"),
        ("a\tb\nAcme, Inc\tacme.com\n", "\t"),
        ("a|b\nc|d\n", "|"),
        ('name,site\n"Acme; Inc",acme.com\n', ","),
        ("Capcom\nSega\n", ","),
        ("a;b\nc;d\ncut-off line without its en", ";"),
    ],
)
def test_delimiter_is_the_one_giving_consistent_columns(text: str, delimiter: str) -> None:
    assert detect_delimiter(text) == delimiter


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Компания;Сайт\nЯндекс;yandex.ru\n".encode("cp1251"), "cp1251"),
        ("Name\nCafé Müller\n".encode("cp1252"), "cp1252"),
        ("Name\nCafé\n".encode(), "utf-8"),
        ("\ufeffName\n".encode(), "utf-8-sig"),
        ("Name\tSite\n".encode("utf-16-le"), "utf-16-le"),
        ("Name\tSite\n".encode("utf-16"), "utf-16"),
        ("Имя\nЁж\n".encode()[:-2], "utf-8"),
    ],
)
def test_encoding_is_detected_from_the_first_bytes(data: bytes, encoding: str) -> None:
    assert detect_encoding(data) == encoding
