"""Company names across Cyrillic and Latin: romanising, folding and matching."""

from __future__ import annotations

import pytest

from shared.transliteration import (
    latin_readings,
    other_script,
    skeleton,
    to_cyrillic,
    to_latin,
    to_ukrainian,
    unmix,
)
from worker.pipeline.matching import domain_similarity, mentions_name, name_similarity

pytestmark = pytest.mark.unit

# A Cyrillic name and the Latin name the company uses, in many spelling styles.
SAME_COMPANY = [
    ("Яндекс", "Yandex"), ("Лаборатория Касперского", "Kaspersky Lab"),
    ("Ростелеком", "Rostelecom"), ("ПАО Сбербанк", "Sberbank"), ("Газпром нефть", "Gazprom Neft"),
    ("Лукойл", "LUKOIL"), ("ООО Мегафон", "MegaFon"), ("Тинькофф Банк", "Tinkoff Bank"),
    ("Аэрофлот", "Aeroflot"), ("Северсталь", "Severstal"), ("Хабр", "Habr"), ("Циан", "CIAN"),
    ("Авито", "Avito"), ("ВкусВилл", "VkusVill"), ("Пятёрочка", "Pyaterochka"),
    ("Ситимобил", "Citymobil"), ("Роснефть", "Rosneft"), ("Сургутнефтегаз", "Surgutneftegas"),
    ("Новатэк", "Novatek"), ("Полюс", "Polyus"), ("Фосагро", "PhosAgro"), ("Евраз", "Evraz"),
    ("Уралкалий", "Uralkali"), ("Ростех", "Rostec"), ("Камаз", "KAMAZ"),
    ("Детский мир", "Detsky Mir"), ("Спортмастер", "Sportmaster"), ("Связной", "Svyaznoy"),
    ("Совкомбанк", "Sovcombank"), ("Ингосстрах", "Ingosstrakh"), ("Фармстандарт", "Pharmstandard"),
    ("Черкизово", "Cherkizovo"), ("Мираторг", "Miratorg"), ("Кинопоиск", "KinoPoisk"),
    ("Скайэнг", "Skyeng"), ("Позитив Текнолоджиз", "Positive Technologies"),
    ("Жуковский завод", "Zhukovsky Zavod"), ("Щёлково Агрохим", "Shchelkovo Agrohim"),
    ("Хлебный дом", "Khlebny Dom"), ("АО «Юлмарт»", "Ulmart"),
]  # fmt: skip
OTHER_COMPANY = [
    ("Яндекс", "Sberbank"), ("Лаборатория Касперского", "Positive Technologies"),
    ("Ростелеком", "Rosneft"), ("Лукойл", "Lenta"), ("Мегафон", "Magnit"), ("Авито", "Ozon"),
    ("Северсталь", "Severgroup Logistics"), ("Циан", "Cherkizovo"), ("Хабр", "Habib Bank"),
    ("Газпром", "Gazelle Motors"), ("Камаз", "Kazan Helicopters"), ("Евраз", "Euronet"),
]  # fmt: skip


@pytest.mark.parametrize(("cyrillic", "latin"), SAME_COMPANY)
def test_a_name_matches_its_spelling_in_the_other_script(cyrillic: str, latin: str) -> None:
    assert name_similarity(cyrillic, latin) >= 0.75
    assert name_similarity(latin, cyrillic) == name_similarity(cyrillic, latin)


@pytest.mark.parametrize(("cyrillic", "latin"), OTHER_COMPANY)
def test_other_companies_do_not_match_across_scripts(cyrillic: str, latin: str) -> None:
    assert name_similarity(cyrillic, latin) < 0.62


@pytest.mark.parametrize(
    ("name", "domain"),
    [("Яндекс", "yandex.ru"), ("Ростелеком", "rostelecom.ru"), ("ООО Лукойл", "lukoil.com"),
     ("Касперский", "kaspersky.com"), ("Циан", "cian.ru")],
)  # fmt: skip
def test_a_cyrillic_name_matches_its_latin_domain(name: str, domain: str) -> None:
    assert domain_similarity(name, domain) >= 0.9
    assert domain_similarity(name, "sberbank.ru") < 0.6


@pytest.mark.parametrize(
    ("spellings"),
    [
        ("Яндекс", "Yandex", "Jandeks", "Yandeks"),
        ("Ростелеком", "Rostelecom", "Rostelekom"),
        ("Хабр", "Habr", "Khabr"),
        ("Циан", "Cian", "Tsian"),
        ("Лукойл", "Lukoil", "Lukojl", "Lukoyl"),
        ("Жуковский", "Zhukovsky", "Zhukovskiy", "Zhukovskij"),
    ],
)
def test_spellings_of_one_name_share_a_skeleton(spellings: tuple[str, ...]) -> None:
    assert len({skeleton(spelling) for spelling in spellings}) == 1


def test_romanising_and_reading_back() -> None:
    assert to_latin("Лаборатория Касперского") == "Laboratoriya Kaspersky"
    assert to_latin("Acme") == "Acme"
    assert to_cyrillic("Rostelecom") == "Ростелеком"
    assert to_cyrillic("Yandex") == "Яндекс"
    assert to_cyrillic("Kaspersky Lab") == "Касперский Лаб"
    assert to_cyrillic("Taymyr Poligrafiya") == "Таймыр Полиграфия"
    assert to_cyrillic("Berezka Stroymaterialy") == "Березка Стройматериалы"
    assert to_cyrillic("Tolstoy") == "Толстой"


def test_ukrainian_and_kazakh_names_are_romanised_by_their_own_letters() -> None:
    assert to_latin("Верховина Меблі") == "Verkhovyna Mebli"
    assert to_latin("Горлиця Логістик") == "Horlytsya Lohistyk"
    assert to_latin("Сарыарқа Құрылыс") == "Saryarka Kurylys"
    assert to_latin("Жұлдыз Сервис") == "Zhuldyz Servis"
    # A Russian name stays in the Russian scheme.
    assert to_latin("Ромашка Логистика") == "Romashka Logistika"
    assert skeleton("Верховина Меблі") == skeleton("Verkhovyna Mebli")
    assert to_ukrainian("Dnister Bud") == "Дністер Буд"
    assert to_ukrainian("Horlytsya Lohistyk") == "Горлиця Логістик"


def test_latin_names_with_letters_outside_ascii_are_read_without_failing() -> None:
    # Turkish dotless and dotted i pair with ASCII I and i when case is ignored.
    assert to_cyrillic("Yıldırım Tekstil") == "Йилдирим Текстил"
    assert to_cyrillic("İzmir Gıda") == "Измир Гида"
    assert other_script("Kızılırmak") == "Кизилирмак"


def test_look_alike_letters_of_the_other_script_inside_a_word_are_read_as_its_own() -> None:
    assert unmix("Т\u0065хнопарк") == "Технопарк"  # a Latin e typed into a Cyrillic word
    assert unmix("Yand\u0435x") == "Yandex"  # a Cyrillic е in a Latin one
    assert unmix("Яндекс Yandex") == "Яндекс Yandex"  # words in two scripts are both kept
    assert unmix("Р\u0072огресс") == "Р\u0072огресс"  # r has no Cyrillic look-alike


def test_the_other_script_only_for_a_name_in_one_script() -> None:
    assert other_script("Яндекс") == "Yandeks"
    assert other_script("Habr") == "Хабр"
    assert other_script("Yandex Яндекс") is None
    assert other_script("1234") is None


def test_a_page_naming_the_company_in_the_other_script_mentions_it() -> None:
    assert mentions_name("Яндекс", "Welcome to Yandex, the search engine")
    assert mentions_name("ООО «Ростелеком»", "Rostelecom is a telecom operator")
    assert mentions_name("Rostelecom", "ПАО Ростелеком: связь для всех")
    assert not mentions_name("Яндекс", "Welcome to Sberbank online")
    assert not mentions_name("Лукойл", "Rosneft and Gazprom")


def test_serbian_and_macedonian_are_read_into_their_own_latin_alphabets() -> None:
    assert to_latin("Морава Градња") == "Morava Gradnja"
    assert to_latin("Ђорђевић и Џаковић") == "Đorđević i Džaković"
    assert to_latin("Ќерамика Скопје") == "Kjeramika Skopje"
    assert skeleton("Морава Градња") == skeleton("Morava Gradnja")
    assert skeleton("Ђорђе") == skeleton("Djordje")
    assert to_latin("Москва") == "Moskva"  # Russian stays Russian


def test_a_name_with_yo_is_read_both_ways_companies_spell_it() -> None:
    assert latin_readings("Ёлка Декор") == ["Yelka Dekor", "Yolka Dekor", "Elka Dekor"]
    assert latin_readings("Евраз") == ["Yevraz", "Evraz"]
    assert latin_readings("Москва") == ["Moskva"]
