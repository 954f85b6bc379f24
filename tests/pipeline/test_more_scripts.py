"""Korean, Greek, Arabic, Hebrew, Thai and Hindi names across scripts in searches and
matching, and informally spelled Russian names."""

from __future__ import annotations

import pytest

from worker.pipeline.confidence.website import WebsiteSource, website_score
from worker.pipeline.matching import domain_similarity, name_similarity
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.queries import website_queries
from worker.pipeline.stages.linkedin import search_names
from worker.pipeline.stages.page.page_facts import extract_facts

pytestmark = pytest.mark.unit


def test_a_hangul_name_is_also_searched_without_the_latin_place_and_by_its_readings() -> None:
    queries = website_queries("누리바이오", RowPlace(country="KR", city="Gwangju"))
    assert queries == [
        '"누리바이오" official website Gwangju South Korea',
        '"nuri baio" official website Gwangju South Korea',
        '"nuri bio" official website Gwangju South Korea',
        '"누리바이오" official website',
    ]


def test_an_arabic_name_is_searched_by_its_trade_in_english_not_a_vowelless_reading() -> None:
    queries = website_queries("الريان للمقاولات", RowPlace(country="EG"))
    assert queries[-1] == "rian contracting Egypt"
    assert not any("rian mqaulat" in query for query in queries)


def test_a_latin_name_in_a_country_of_another_script_is_searched_as_its_domain() -> None:
    queries = website_queries("Al Shorouk Trading", RowPlace(country="AE", city="Dubai"))
    assert queries[1:] == [
        '"al shorouk trading" official website',
        '"alshorouktrading" official website',
        '"alshorouk trading" official website',
        '"elshorouk trading" official website',
    ]
    thai = website_queries("Ban Suan Ceramic", RowPlace(country="TH", city="Khorat"))
    assert '"bansuan ceramic" official website' in thai
    indian = website_queries("Shivam Engineering Pvt Ltd", RowPlace(country="IN", city="Surat"))
    assert '"shivam engineering" official website' in indian
    assert website_queries("Acme Rockets", RowPlace(country="DE")) == [
        '"Acme Rockets" official website Germany'
    ]


def test_an_informal_russian_spelling_is_searched_as_written_in_cyrillic() -> None:
    queries = website_queries("Jemchujina Yuga", RowPlace(country="RU"))
    assert '"жемчужина юга" official website Russia' in queries
    assert '"zhemchuzhina yuga" official website Russia' in queries


_GREEK_SITE = (
    '<html lang="el"><head><title>Αστέρας Υφάσματα | Αρχική</title></head><body>'
    "<main><p>Η Αστέρας Υφάσματα κατασκευάζει βαμβακερά υφάσματα για ξενοδοχεία από το 1998."
    "</p></main><footer>Πάτρα</footer></body></html>"
)


def test_a_romanised_name_finds_its_site_written_in_greek() -> None:
    facts = extract_facts("https://asteras-yfasmata.gr/", _GREEK_SITE, "text/html")
    score = website_score("Asteras Yfasmata", facts, WebsiteSource.SEARCH)
    assert score.confidence >= 0.8
    other = website_score("Olympos Trofima", facts, WebsiteSource.SEARCH)
    assert other.confidence < 0.5


@pytest.mark.parametrize(
    ("name", "domain"),
    [("한빛정밀", "hanbitjeongmil.co.kr"), ("النخيل للتجارة", "al-nakheel-trading.ae"),
     ("नर्मदा फार्मा", "narmada-pharma.in")],
)  # fmt: skip
def test_a_romanised_domain_spells_an_own_script_name(name: str, domain: str) -> None:
    assert domain_similarity(name, domain) >= 0.9


def test_names_in_different_scripts_of_different_companies_do_not_match() -> None:
    assert name_similarity("الصقر للصناعات المعدنية", "Al Nakheel Trading") < 0.5
    assert name_similarity("한빛정밀", "Saerom Soft") < 0.5
    assert name_similarity("Αστέρας Υφάσματα", "Asteras Yfasmata") >= 0.9


def test_linkedin_is_searched_by_the_reading_of_an_own_script_name() -> None:
    assert search_names("(주)한빛정밀", []) == [
        "(주)한빛정밀",
        "hanbit jeongmil",
        "hanbit precision",
    ]
    russian = extract_facts(
        "https://shchuka-rybprom.ru/",
        "<html><head><title>Щука Рыбпром</title></head><body><p>Рыба.</p></body></html>",
        "text/html",
    )
    assert search_names("Schuka Rybprom", [russian])[:2] == ["Schuka Rybprom", "Shchuka Rybprom"]


def test_a_wade_giles_name_matches_its_traditional_characters() -> None:
    assert name_similarity("永豐茶業", "Yung Feng Tea") >= 0.9
    assert domain_similarity("永豐茶業", "yungfengtea.com.tw") >= 0.9
    assert name_similarity("永豐茶業", "Yung Fong Textiles") < 0.8


def test_a_kanji_name_matches_the_reading_its_company_chose() -> None:
    assert name_similarity("株式会社紅葉電機", "Momiji Denki") >= 0.9
    assert domain_similarity("株式会社紅葉電機", "momiji-denki.co.jp") >= 0.9
    assert name_similarity("株式会社紅葉電機", "Sakura Denki") < 0.8


def test_a_russian_name_with_yo_or_a_leading_ye_matches_each_way_it_is_spelled() -> None:
    assert name_similarity("Yojik Igrushki", "Ёжик Игрушки") >= 0.95
    assert name_similarity("Ezhik Igrushki", "Ёжик Игрушки") >= 0.95
    assert domain_similarity("Ёлка Декор", "yolkadekor.ru") >= 0.95
    assert name_similarity("Yolka Dekor", "Ёжик Игрушки") < 0.6
