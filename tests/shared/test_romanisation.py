"""Japanese and Chinese names read in Latin letters, and Kazakh Latin spellings folded."""

from __future__ import annotations

import pytest

from shared.romanisation import (
    has_cjk,
    reading_key,
    readings,
    search_reading,
    search_readings,
    strip_forms,
)
from shared.transliteration import fold, skeleton, to_kazakh

pytestmark = pytest.mark.unit


def test_a_japanese_name_is_read_in_hepburn_without_its_legal_form() -> None:
    found = readings("株式会社北斗精工")
    assert [r.text for r in found] == ["hokuto seikou"]
    assert all(r.japanese for r in found)


def test_a_chinese_name_is_read_in_pinyin_and_with_its_trade_words_translated() -> None:
    found = [r.text for r in readings("华瑞精密机械有限公司")]
    assert found == ["huaruijingmijixie", "huarui precision machinery"]


def test_kanji_alone_are_read_both_ways() -> None:
    found = readings("恒通包装")
    assert {r.japanese for r in found} == {True, False}
    assert "hengtong packaging" in [r.text for r in found]


def test_a_name_without_cjk_letters_has_no_reading() -> None:
    assert readings("Hokuto Seiko") == ()
    assert not has_cjk("Hokuto Seiko")
    assert has_cjk("ひかり物流")


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("株式会社北斗精工", "北斗精工"),
        ("北斗精工株式会社", "北斗精工"),
        ("(株)北斗精工", "北斗精工"),
        ("株 北斗精工", "北斗精工"),
        ("鸿升纺织股份有限公司", "鸿升纺织"),
        ("鸿升纺织集团", "鸿升纺织"),
    ],
)
def test_legal_forms_are_no_part_of_the_name(name: str, bare: str) -> None:
    assert strip_forms(name) == bare


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Hokuto Seikō", "hokuto seikou"),
        ("Hokutoseiko", "Hokuto Seiko"),
        ("Ohno", "Ōno"),
        ("Shimbashi", "shinbashi"),
        ("Nihon Peinto", "nippon peinto"),
        ("Tuji", "tsuji"),
    ],
)
def test_hepburn_variants_share_a_key(left: str, right: str) -> None:
    assert reading_key(left, japanese=True) == reading_key(right, japanese=True)


def test_pinyin_keys_ignore_spaces_but_keep_syllables() -> None:
    assert reading_key("Hua Rui") == reading_key("Huarui") == "huarui"
    assert reading_key("zhuang") == "zhuang"  # no Hepburn folding of pinyin


def test_searches_use_the_reading_of_the_language_the_country_suggests() -> None:
    assert search_reading("株式会社北斗精工") == "hokuto seiko"
    assert search_reading("恒通包装", japanese=False) == "hengtong packaging"
    assert search_reading("Hokuto Seiko") is None


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Saryarqa Agro", "Сарыарқа Агро"),
        ("Sarıarqa", "Сарыарқа"),
        ("Qūrylys Servis", "Құрылыс Сервис"),
        ("Şañyraq", "Шаңырақ"),
        ("Shanyrak", "Шаңырақ"),
        ("Älem", "Әлем"),
        ("Jol", "Жол"),
    ],
)
def test_kazakh_latin_and_informal_spellings_share_a_skeleton(latin: str, cyrillic: str) -> None:
    assert fold(latin) == skeleton(cyrillic)


def test_a_name_in_the_2021_kazakh_alphabet_is_read_back_in_kazakh_cyrillic() -> None:
    assert to_kazakh("Saryarqa Agro") == "сарыарқа агро"
    assert to_kazakh("Şañyraq Qūrylys") == "шаңырақ құрылыс"
    assert to_kazakh("Saryarka Agro") is None  # informal: read the Russian way instead


def test_traditional_characters_are_also_read_in_wade_giles() -> None:
    found = readings("永豐茶業")
    assert [r.text for r in found if r.wade_giles] == ["yung feng cha yeh", "yung feng tea"]
    assert not any(r.wade_giles for r in readings("华瑞精密机械有限公司"))  # simplified
    assert search_readings("永豐茶業", japanese=False) == ["yung feng tea", "yongfeng tea"]
    # Kanji alone may be Japanese: its reading stays beside Wade-Giles.
    assert search_readings("朝霧電機") == ["chao wu electric", "asagiri denki"]
    assert search_readings("株式会社北斗精工") == ["hokuto seiko"]


def test_a_kanji_word_is_also_read_the_other_ways_the_dictionary_knows() -> None:
    found = [r.text for r in readings("株式会社紅葉電機")]
    assert found[0] == "kouyou denki"
    assert "momiji denki" in found
    assert len(found) <= 2 + 2  # the reading, its trade in English, two others at most
    assert search_readings("株式会社紅葉電機") == ["koyo denki", "momiji denki"]
    assert search_readings("株式会社朝霧電機") == ["asagiri denki"]  # one reading only
