"""Two names of one trade with different brands (`Kalayaan Trucking Services`, `Banaue
Trucking Services`) are two companies: neither the name nor the domain makes them close."""

from __future__ import annotations

import pytest

from worker.pipeline.matching import (
    OTHER_BRAND_MATCH,
    domain_similarity,
    name_similarity,
    other_brand,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Kalayaan Trucking Services Inc.", "Banaue Trucking Services Inc."),
        ("Kaçkar Gıda San. ve Tic. A.Ş.", "Gökçeada Gıda San. ve Tic. A.Ş."),
        ("North Star Logistics", "South Star Logistics"),
        ("Sông Hồng Vận Tải", "Thiên Phúc Vận Tải"),
        ("Hegyköz Építő", "Kőrösvíz Építő"),
    ],
)
def test_another_brand_before_the_same_trade_words_is_not_a_close_match(
    name: str, other: str
) -> None:
    assert name_similarity(name, other) <= OTHER_BRAND_MATCH


@pytest.mark.parametrize(
    ("name", "other", "at_least"),
    [
        ("Thien Phuc Van Tai", "Thiên Phúc Vận Tải", 0.9),  # typed without its marks
        ("Kachkar Gida", "Kaçkar Gıda", 0.9),
        ("Hewlett Packard Enterprise", "HP Enterprise", 0.8),  # initials
        ("Acme Trucking", "Acme & Sons Trucking", 0.9),  # a brand word more
        ("Acme Trucking Services", "Trucking Services", 0.9),  # the brand left out
        ("Kalayaan Trucking Services Inc.", "KALAYAAN TRUCKING SERVICES", 1.0),
    ],
)
def test_the_same_brand_written_otherwise_still_matches(
    name: str, other: str, at_least: float
) -> None:
    assert name_similarity(name, other) >= at_least


def test_other_brand_needs_shared_words_at_one_end_and_unrelated_ones_at_the_other() -> None:
    assert other_brand("banaue trucking", "kalayaan trucking")
    assert other_brand("acme trucking", "acme logistics")
    assert not other_brand("acme trucking", "acme trucking logistics")
    assert not other_brand("trucking", "kalayaan trucking")  # nothing before on one side
    assert not other_brand("grupo bimbo", "bimbo bakeries")


def test_a_domain_spelling_another_brand_before_the_trade_is_not_the_names() -> None:
    name = "Kalayaan Trucking Services Inc."
    assert domain_similarity(name, "banauetruckingservices.com.ph") < 0.75
    assert domain_similarity(name, "kalayaantruckingservices.com.ph") == 1.0
    assert domain_similarity(name, "kts.com.ph") >= 0.9  # initials
    assert domain_similarity("Grupo Bimbo", "bimbo.com") == 1.0


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Ege Yıldızı İnşaat Ltd. Şti.", "Ege Yıldızı Gıda San. ve Tic. A.Ş."),
        ("Bintang Timur Pangan Tbk", "Bintang Timur Konstruksi Tbk"),
        ("Al Nakheel Contracting", "Al Nakheel Trading"),
    ],
)
def test_the_same_brand_before_another_trade_is_not_a_close_match(name: str, other: str) -> None:
    assert name_similarity(name, other) <= OTHER_BRAND_MATCH


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Acme Trucking Services", "Acme Services"),  # a trade word more
        ("Caspian Trade House", "Caspian Trading House"),  # the trade written otherwise
        ("Siemens Energy", "Siemens"),
    ],
)
def test_the_same_brand_and_trade_written_otherwise_still_matches(name: str, other: str) -> None:
    assert name_similarity(name, other) >= 0.8


def test_a_name_typed_without_its_marks_is_held_to_its_brand_too() -> None:
    # Read without marks, `Ege Yildizi Insaat` and `Ege Yıldızı Gıda` share the brand
    # letter for letter and still name two trades.
    assert name_similarity("Ege Yildizi Insaat", "Ege Yıldızı Gıda San. ve Tic. A.Ş.") <= 0.6
    assert name_similarity("Thien Phuc Van Tai", "Sông Hồng Vận Tải") <= 0.6


def test_one_trade_word_written_longer_is_the_same_trade() -> None:
    assert not other_brand("tidewater tools", "tidewater toolworks")
    assert not other_brand("caspian trade house", "caspian trading house")
    assert other_brand("ege yildizi insaat", "ege yildizi gida")


def test_a_turkish_dotted_capital_i_typed_without_marks_reads_the_same() -> None:
    # `İ` lower-cases to `i` with a combining dot: still a Latin letter.
    assert name_similarity("Bogazici Insaat Ltd Sti", "Boğaziçi İnşaat Ltd. Şti.") >= 0.85


def test_a_domain_spelling_the_brand_without_its_marks_is_the_brands() -> None:
    assert domain_similarity("Pão & Cia Alimentos EIRELI", "pao-cia-alimentos.com.br") >= 0.9
    assert domain_similarity("Jequitibá Alimentos EIRELI", "jequitiba-alimentos.com.br") >= 0.9


def test_a_turkish_name_with_a_dotted_capital_i_is_mentioned_where_written() -> None:
    from worker.pipeline.matching import mentions_name

    assert mentions_name("Çamlıca İnşaat Ltd. Şti.", "Eski unvanı: Çamlıca İnşaat Ltd. Şti.")
