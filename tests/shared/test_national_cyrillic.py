"""Mongolian and Belarusian names: read in Latin letters as their companies spell them,
matched to those spellings and to no other company's, and Latin names spelled back in the
language's own Cyrillic for searches."""

from __future__ import annotations

import pytest

from shared.national_cyrillic import language_of, readings
from shared.national_spellers import cyrillic_spelling, uzbek_cyrillic
from shared.transliteration import latin_readings
from worker.pipeline.matching import domain_similarity, name_similarity
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.queries import website_queries


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Өргөө Зочид Буудал", "mn"),
        ("Үүлэн Тээвэр", "mn"),
        ("Сэлэнгэ Барилга", "mn"),  # no letter of its own: the trade word tells
        ("Ложистик Сервис", "mn"),
        ("Рэчыцкі Хлеб", "be"),  # `і` beside `ы`, `э`, without `и`
        ("Бабруйская Мэбля", "be"),  # the trade word tells
        ("Маладзечна Аўта", "be"),  # `ў`
        ("Қазақ Тұрмыс", None),  # Kazakh
        ("Ысык-Көл Туризм Бирикмеси ң", None),  # Kyrgyz `ң`
        ("Дніпро Інвест", None),  # Ukrainian `и`
        ("Ромашка", None),
        ("Волга Логистик", None),  # Russian spells it with `г`
        ("Альфа Банк", None),  # trade words Russian writes alike tell nothing
        ("Тур Групп", None),
        ("Уральский Завод Сталь", None),
        ("Ёлка Медиа Дизайн", None),
    ],
)
def test_the_language_is_told_by_its_letters_or_its_trade_words(
    text: str, language: str | None
) -> None:
    assert language_of(text) == language


@pytest.mark.unit
@pytest.mark.parametrize(
    ("cyrillic", "spelled"),
    [
        ("Өргөө Тээвэр", "urguu transport"),  # `ө` as `u`, the trade in English
        ("Өргөө Тээвэр", "orgoo teever"),  # MNS 5217 without its marks
        ("Жаргалан Хүнс", "jargalan foods"),  # `ж` as `j`
        ("Сайхан Говь Барилга", "saikhan govi barilga"),  # `й` and the soft sign as `i`
        ("Номгон Ноолуур ХХК", "nomgon cashmere"),  # the legal form left out
        ("Далай Ээж Хүнс", "dalai eej khuns"),
        ("Далай Ээж Хүнс", "dalai eej foods"),
        ("Гомельскі Тэкстыль", "homielski tekstyl"),  # national: `г` as `h`, soft `е` as `ie`
        ("Гомельскі Тэкстыль", "homyelski tekstyl"),  # BGN/PCGN
        ("Гомельскі Тэкстыль", "gomelski tekstyl"),  # as the Russian form is spelled
        ("Гомельскі Тэкстыль", "homielski textile"),
        ("Маладзечна Аўта", "maladziechna auto"),
        ("Ляхавіцкі Лён", "liakhavitski lion"),
        ("Заслаўская Мэбля", "zaslawskaya meblya"),  # BGN `ў` as `w`
        ("Заслаўская Мэбля", "zaslauskaya meblia"),  # `я` after a vowel as `ya`
    ],
)
def test_each_languages_own_spellings_are_among_the_readings(cyrillic: str, spelled: str) -> None:
    assert spelled in readings(cyrillic)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Өргөө Тээвэр", "Urguu Transport"),
        ("Өргөө Тээвэр", "Orgoo Teever LLC"),
        ("Хөх Өндөр Аялал", "Khukh Undur Travel"),
        ("Хөх Өндөр Аялал", "Hoh Ondor Ayalal"),
        ("Сайхан Говь Барилга", "Saikhan Govi Construction"),
        ("Тэмүүлэл Даатгал", "Temuulel Insurance"),
        ("Жаргалан Хүнс", "Jargalan Foods"),
        ("Үүрийн Гэгээ Хэвлэл", "Uuriin Gegee Printing"),
        ("Рэчыцкі Хлеб", "Rechytski Khlieb"),
        ("Рэчыцкі Хлеб", "Rechitsky Hleb"),
        ("Гомельскі Тэкстыль", "Homielski Textile"),
        ("Заслаўская Мэбля", "Zaslawskaya Furniture"),
        ("Заслаўская Мэбля", "Zaslavskaya Mebel"),
        ("Ляхавіцкі Лён", "Liakhavitski Lion"),
        ("Маладзечна Аўта", "Maladziechna Auto"),
        ("Ашмянская Агра", "Ashmianskaja Agro"),
        ("Бярэзіна Тэкстыль", "Biarezina Textile"),
    ],
)
def test_a_name_matches_the_latin_name_its_company_uses(cyrillic: str, latin: str) -> None:
    assert name_similarity(cyrillic, latin) >= 0.9
    assert name_similarity(latin, cyrillic) >= 0.9


@pytest.mark.unit
@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Өргөө Тээвэр", "Urguu Trading"),  # the same brand in another trade
        ("Хөх Өндөр Аялал", "Khukh Tenger Travel"),
        ("Сайхан Говь Барилга", "Tsagaan Nuur Construction"),
        ("Тэмүүлэл Даатгал", "Tenger Insurance"),
        ("Рэчыцкі Хлеб", "Grodno Khleb"),
        ("Заслаўская Мэбля", "Zaslawskaya Textile"),
        ("Ляхавіцкі Лён", "Lyakhovichi Dairy"),
        ("Маладзечна Аўта", "Mazyr Auto"),
    ],
)
def test_another_companys_name_does_not_match(cyrillic: str, latin: str) -> None:
    assert name_similarity(cyrillic, latin) < 0.8


@pytest.mark.unit
def test_the_readings_reach_name_matching_domains_and_searches_beside_the_russian_one() -> None:
    found = latin_readings("Хөх Өндөр Аялал")
    assert found[0] == "Khokh Ondor Ayalal"  # the Russian scheme's, as before
    assert "khukh undur travel" in found
    assert domain_similarity("Заслаўская Мэбля", "zaslawskaya-furniture.by") >= 0.9
    assert domain_similarity("Сайхан Говь Барилга", "saikhangoviconstruction.mn") >= 0.9
    # A Russian name gets no reading of these languages.
    assert latin_readings("Волга Логистик") == ["Volga Logistik"]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("latin", "country", "cyrillic"),
    [
        ("tenger erdene", "MN", "тэнгэр эрдэнэ"),  # `e` as `э`
        ("jargalan suljee", "MN", "жаргалан сүлжээ"),  # `j` as `ж`, `u` of a front word
        ("tumen delgur", "MN", "түмэн дэлгүр"),  # a front word's `u` as `ү`
        ("saikhan govi", "MN", "сайхан говь"),  # `ai`, and a final `i` as the soft sign
        ("ulzii khishig", "MN", "улзий хишиг"),
        ("zaslavsky tekstil", "BY", "заслаўскі тэкстыль"),  # `v` as `ў`, `-sky` as `-скі`
        ("gomelsky dreva", "BY", "гомелскі дрэва"),  # `e` after `р` as `э`
        ("vitsebsk", "BY", "віцебск"),
        ("maladziechna auto", "BY", "маладзечна аўто"),
        ("elektra tekhnika", "BY", "электра тэхніка"),  # `e` at a word's start as `э`
        ("rechytsa", "BY", "рэчыца"),
    ],
)
def test_a_latin_name_is_spelled_in_the_languages_own_cyrillic(
    latin: str, country: str, cyrillic: str
) -> None:
    assert cyrillic_spelling(latin, country) == cyrillic


@pytest.mark.unit
def test_only_latin_names_of_companies_in_mongolia_and_belarus_are_spelled() -> None:
    assert cyrillic_spelling("volga logistik", "RU") is None
    assert cyrillic_spelling("tenger", None) is None
    assert cyrillic_spelling("тэнгэр", "MN") is None
    assert cyrillic_spelling("2024", "BY") is None


@pytest.mark.unit
@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Samarqand Ipak", "самарқанд ипак"),
        ("Oʻzbekiston Temir Yoʻllari", "ўзбекистон темир йўллари"),  # oʻ, and y before it
        ("Qo‘qon Yog‘", "қўқон ёғ"),  # the apostrophes people type
        ("Xorazm Ekspo", "хоразм экспо"),  # x, and e at a word's start
    ],
)
def test_an_uzbek_latin_name_is_spelled_in_uzbek_cyrillic(latin: str, cyrillic: str) -> None:
    assert uzbek_cyrillic(latin, "UZ") == cyrillic


@pytest.mark.unit
def test_only_an_uzbek_name_in_uzbekistan_is_spelled_in_uzbek_cyrillic() -> None:
    assert uzbek_cyrillic("Caspian Trade House", "UZ") is None  # no letter of Uzbek's own
    assert uzbek_cyrillic("Samarqand Ipak", "KZ") is None
    assert uzbek_cyrillic("Самарқанд Ипак", "UZ") is None


@pytest.mark.unit
def test_an_uzbek_latin_name_is_searched_in_uzbek_cyrillic_too() -> None:
    queries = website_queries("Namangan Qurilish", RowPlace(country="UZ", city="Namangan"))
    assert '"наманган қурилиш" official website Namangan Uzbekistan' in queries
