"""Georgian, Armenian, Bengali, Tamil and Persian names read in Latin letters: a list's
Latin name matched to a site in the company's own script, and the reverse."""

from __future__ import annotations

import pytest

from shared.company_keys import name_key
from shared.other_scripts import Script, in_label, readings, script_of, search_readings, similarity
from worker.pipeline.matching import name_similarity

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("native", "script"),
    [
        ("ალაზნის ველი", Script.GEORGIAN),
        ("Սևան Լոգիստիկ", Script.ARMENIAN),
        ("মেঘনা লজিস্টিকস", Script.BENGALI),
        ("யாழ் பனை", Script.TAMIL),
        ("زاگرس نوین", Script.ARABIC),
    ],
)
def test_the_script_is_recognised(native: str, script: Script) -> None:
    assert script_of(native) is script


@pytest.mark.parametrize(
    ("native", "expected"),
    [
        ("მთაწმინდა ტექნოლოჯი", "mtatsminda teknoloji"),  # no ejective apostrophes
        ("Գառնի Տեքս ՍՊԸ", "garni teks"),  # ռ said r, the legal form left out
        ("মেঘনা", "meghona"),  # the inherent vowel said
        ("யாழ் பனை", "yal panai"),
        ("زاگرس نوین", "zagrs nvin"),  # Persian و before a long vowel said v
    ],
)
def test_a_name_is_read_as_written(native: str, expected: str) -> None:
    assert readings(native)[0] == expected


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("Alaznis Veli", "ალაზნის ველი"),
        ("Mtatsminda Technology", "მთაწმინდა ტექნოლოჯი"),
        ("Bazaleti Construction LLC", "შპს ბაზალეთი სამშენებლო"),
        ("Sevan Logistic", "Սևան Լոգիստիկ"),
        ("Dilijan Soft", "Դիլիջան Սոֆթ"),
        ("Garni Tex", "Գառնի Տեքս"),
        ("Meghna Logistics Ltd", "মেঘনা লজিস্টিকস লিমিটেড"),
        ("Yaal Panai", "யாழ் பனை"),
        ("Zagros Novin", "زاگرس نوین"),
        ("Aria Tarabar", "آریا ترابر"),
    ],
)
def test_a_latin_name_matches_its_own_script_name(latin: str, native: str) -> None:
    assert similarity(latin, native) >= 0.9


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("Kakheti Logistics", "რიონი ლოჯისტიკი"),  # only the trade word shared
        ("Ararat Soft", "Դիլիջան Սոֆթ"),
        ("Jamuna Textiles", "মেঘনা টেক্সটাইল"),
        ("Kaveri Traders", "யாழ் பனை"),
        ("Pars Sanat", "زاگرس نوین"),
    ],
)
def test_another_company_does_not_match(latin: str, native: str) -> None:
    assert similarity(latin, native) < 0.8


def test_a_domain_spelling_the_reading_and_search_spellings() -> None:
    assert in_label("ალაზნის ველი", "alaznisveli") >= 0.9
    assert in_label("Սևան Լոգիստիկ", "sevan-logistic") >= 0.9
    assert search_readings("მთაწმინდა ტექნოლოჯი") == [
        "mtatsminda teknoloji",
        "mtatsminda technology",
    ]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("মেঘনা লজিস্টিকস", "মেঘনা লজিস্টিকস"),  # vowel signs are part of the word
        ("யாழ் பனை", "யாழ் பனை"),
        ("ලංකා ටෙක්ස්", "ලංකා ටෙක්ස්"),  # Sinhala
    ],
)
def test_a_name_key_keeps_the_vowel_signs_of_indic_scripts(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("own", "latin"),
    [
        ("Սևան Լոգիստիկ", "Sevan Logistic"),  # `և` normalised to `եւ`, lower-cased
        ("মেঘনা লজিস্টিকস", "Meghna Logistics"),
        ("ალაზნის ველი", "Alaznis Veli"),
    ],
)
def test_names_compared_by_their_keys_match_across_scripts(own: str, latin: str) -> None:
    assert name_similarity(own, latin) >= 0.9
    assert name_similarity(latin, own) >= 0.9


@pytest.mark.parametrize(
    ("typed", "written", "other"),
    [
        ("Hung Thinh Noi That", "Hưng Thịnh Nội Thất", "Hưng Phát Nội Thất"),
        ("Dong A Thuc Pham", "Đông Á Thực Phẩm", "Hoàng Long Thực Phẩm"),
        ("Sao Paulo Cafe", "São Paulo Café", "Santos Café"),
    ],
)
def test_a_latin_name_typed_without_its_marks_matches_it(
    typed: str, written: str, other: str
) -> None:
    assert name_similarity(typed, written) >= 0.9
    assert name_similarity(written, typed) >= 0.9
    assert name_similarity(typed, other) < 0.8
