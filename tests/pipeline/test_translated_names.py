"""A Latin name rendered in English (`Terelj Tours`) for a company whose site writes its
name in its own language (`Тэрэлж Аялал`, travel): matched by its brand read alike and its
trade translated, and searched in the company's language when nothing else is found. A
shared trade alone never matches, nor the same brand in another trade."""

from __future__ import annotations

import pytest

from tests.pipeline.conftest import Server
from tests.pipeline.fakes.search import SearchState
from worker.pipeline.clients.fetch.fetcher import Fetcher
from worker.pipeline.clients.search.provider import SearchProvider
from worker.pipeline.matching import domain_similarity, name_similarity
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.queries import translated_queries
from worker.pipeline.stages.discovery.website_search import WebsiteDiscovery

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("english", "own"),
    [
        ("Terelj Tours", "Тэрэлж Аялал"),  # Mongolian, `аялал` travel
        ("Terelj Tours", "Terelj Ayalal"),  # the company's own Latin spelling
        ("Vanni Transport", "வன்னி போக்குவரத்து"),  # Tamil
        ("Yatana Soft", "ရတနာ ဆော့ဖ်ဝဲ"),  # Burmese, Yadana: stops voiced either way
        ("Sigiriya Transport", "සිගිරි ප්‍රවාහන"),  # Sinhala, an English ending on the place
        ("Baikal Tours", "Байкал Туризм"),
        ("Karadeniz Construction", "Karadeniz İnşaat"),
        ("Huayuan Construction", "华远建设"),
        ("Hanbit Construction", "한빛건설"),
        # Persian: its trade word read in English, the article no part of the brand
        ("Alborz Transport", "البرز ترابر"),
    ],
)
def test_an_english_rendering_matches_its_companys_own_name(english: str, own: str) -> None:
    assert name_similarity(english, own) >= 0.9


@pytest.mark.parametrize(
    ("english", "own"),
    [
        ("Galil Transport", "גליל הובלות"),  # Hebrew: its consonants alone
        ("Sepehr Software", "سپهر نرم‌افزار"),
        ("Epirus Software", "Ήπειρος Λογισμική"),  # Greek read as English spells its places
        ("Bukhara Construction", "Бухоро Қурилиш"),  # Uzbek: consonants alike, letters mostly
    ],
)
def test_a_rendering_read_by_consonants_is_a_close_match(english: str, own: str) -> None:
    assert 0.8 <= name_similarity(english, own) < 0.9


@pytest.mark.parametrize(
    ("english", "own"),
    [
        ("Gobi Tours", "Тэрэлж Аялал"),  # the same trade, another brand
        ("Terelj Construction", "Тэрэлж Аялал"),  # the same brand, another trade
        ("Pireus Software", "Ήπειρος Λογισμική"),  # the same consonants in another order
        ("Epirus Software", "Πειραιάς Λογισμική"),
        ("Rubel Transport", "ארבל הובלות"),  # consonants alike, the first vowel not written
        ("Tarlaj Tours", "Тэрэлж Аялал"),  # consonants alike, letters not
        ("Haifa Software", "חיפה הובלות"),
        ("Acme Tours", "Acme Travel"),  # English synonyms are no translation
    ],
)
def test_a_shared_trade_or_brand_alone_is_no_match(english: str, own: str) -> None:
    assert name_similarity(english, own) < 0.8


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("Sigiriya Transport", "sigiri-prawahana.lk"),
        ("Arbel Construction", "arbelbniya.co.il"),
        ("Terelj Tours", "terelj-ayalal.mn"),
        ("Khiva Tours", "xiva-turizm.uz"),  # Uzbek Latin `x` for `kh`
    ],
)
def test_a_domain_spelling_the_brand_and_the_translated_trade_matches(
    name: str, domain: str
) -> None:
    assert domain_similarity(name, domain) >= 0.85


def test_a_domain_of_another_brand_in_the_trade_does_not_match() -> None:
    assert domain_similarity("Terelj Tours", "gobi-ayalal.mn") < 0.75


@pytest.mark.parametrize(
    ("name", "country", "queries"),
    [
        ("Terelj Tours", "MN", ["тэрэлж аялал", "terelj ayalal"]),
        ("Arbel Construction", "IL", ["arbel בנייה", "arbel bniya"]),
        ("Vanni Transport", "LK", [
            "vanni ප්\u200dරවාහන", "vanni prawahana", "vanni போக்குவரத்து", "vanni pokkuvarathu",
        ]),
        ("Terelj Tours", "DE", []),  # a country writing Latin letters and English names
        ("Terelj", "MN", []),  # no trade word to translate
        ("Тэрэлж Аялал", "MN", []),  # already in its own language
        ("Terelj Tours", None, []),
    ],
)  # fmt: skip
def test_the_brand_and_the_translated_trade_are_searched_for_rows_of_other_languages(
    name: str, country: str | None, queries: list[str]
) -> None:
    assert translated_queries(name, RowPlace(country) if country else None) == queries


async def test_a_site_writing_its_name_only_in_its_language_is_found_by_the_translated_trade(
    farm_serper: SearchProvider, farm_fetcher: Fetcher, search_server: Server[SearchState]
) -> None:
    found = await WebsiteDiscovery(farm_serper, farm_fetcher, 8, 4, 0.62).discover(
        "Khongor Tours", "", RowPlace("MN", "Ulaanbaatar")
    )
    assert found.best is not None, found.reason
    assert found.best.url == "https://khongor-ayalal.mn/"
    assert found.best.confidence >= 0.8
    assert "хонгор аялал" in search_server.state.queries


@pytest.mark.parametrize("name", ["Khongor Software", "Bayan Tours"])
async def test_the_same_brand_in_another_trade_or_another_brand_is_not_taken(
    name: str,
    farm_serper: SearchProvider,
    farm_fetcher: Fetcher,
    search_server: Server[SearchState],
) -> None:
    found = await WebsiteDiscovery(farm_serper, farm_fetcher, 8, 4, 0.62).discover(
        name, "", RowPlace("MN", "Ulaanbaatar")
    )
    assert found.best is None
    assert found.considered  # the translated search found the three sites, none of them its own
