"""Korean, Greek, Arabic, Hebrew, Thai and Devanagari names read in Latin letters, and
informal Russian spellings read back into Cyrillic."""

from __future__ import annotations

import pytest

from shared.company_keys import name_key, plain_name
from shared.informal_cyrillic import informal_readings
from shared.other_scripts import (
    Script,
    in_label,
    loose_reading,
    readings,
    script_of,
    search_readings,
    similarity,
    trade_reading,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("native", "expected"),
    [
        ("한빛정밀", "hanbit jeongmil"),  # final ㅊ said t, words split at the trade
        ("대양물류", "daeyang mullyu"),  # ㄹ after ㄹ is l
        ("Δρυάδα Ξυλουργική", "dryada xylourgiki"),  # ου is ou
        ("Ευκλείδης Ναυτική", "efkleidis naftiki"),  # ευ, αυ before voiceless letters
        ("Ευρώπη Αύρα", "evropi avra"),  # and before voiced ones
        ("नर्मदा फार्मा", "narmada pharma"),  # the unwritten a said
        ('אופק מערכות בע"מ', "ofk mrchot"),  # the legal form left out
        ("አዋሽ ኮንስትራክሽን", "awash konstrakshn"),  # Ge'ez syllables, the glottal stop unwritten
        ("សុខា ដឹកជញ្ជូន", "sokha doekchonhchoun"),  # a consonant's own vowel said
    ],
)
def test_a_name_is_read_as_written(native: str, expected: str) -> None:
    assert readings(native)[0] == expected


@pytest.mark.parametrize(
    ("native", "expected"),
    [
        ("កំពង់ចាម", "kampongcham"),  # an a-series consonant says a, the bantoc closes
        ("ភ្នំពេញ", "phnompenh"),  # an o-series consonant says o, with the nikahit om
        ("សៀមរាប", "siemreap"),  # a final ប is p, an o-series ា is ea
        ("ប៉ៃលិន", "pailin"),  # the musikatoan makes ប a p
        ("កោះកុង", "kohkong"),  # ោ is o, the reahmuk after a vowel h
        ("ដឹកជញ្ជូន", "doekchonhchoun"),  # ក closes the syllable of the vowel before it
        ("ស្ទឹងត្រែង", "stoengtraeng"),
    ],
)
def test_khmer_is_read_as_its_names_are_spelled(native: str, expected: str) -> None:
    assert readings(native)[0] == expected


def test_a_khmer_final_cluster_says_its_first_consonant() -> None:
    # `ជ្រ`: the subscript consonant closing a word is not said, one before a vowel is.
    assert readings("ពេជ្រ ទន្លេ")[0] == "pech tonle"
    assert similarity("Kampong Thom Construction", "កំពង់ធំ សំណង់") >= 0.9
    assert similarity("Kampong Cham", "កំពង់សោម") < 0.8  # another town of the same word


def test_trade_words_are_also_read_in_english() -> None:
    assert readings("누리바이오")[:2] == ("nuri baio", "nuri bio")
    assert readings("النخيل للتجارة")[:2] == ("nkhil tjara", "nkhil trading")
    assert trade_reading("النخيل للتجارة") == "nkhil trading"


def test_an_arabic_jim_is_also_read_as_egypt_says_it() -> None:
    assert "mrgan tourism" in readings("المرجان للسياحة")
    assert similarity("Al Morgan Tourism", "المرجان للسياحة") >= 0.9
    assert similarity("Al Marwa Tours", "المرجان للسياحة") < 0.8
    assert trade_reading("المرجان") is None  # a reading with `g` is no trade in English


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("Hanbit Jeongmil", "한빛정밀"),
        ("Hanbit Precision Co., Ltd.", "(주)한빛정밀"),
        ("Asteras Yfasmata S.A.", "Αστέρας Υφάσματα Α.Ε."),
        ("Al Nakheel Trading LLC", "النخيل للتجارة"),
        ("El-Rayyan Contracting", "الريان للمقاولات"),
        ("Carmel Handasat Mayim", "כרמל הנדסת מים"),
        ("Andaman Marine", "อันดามัน มารีน"),
        ("Surya Textiles", "सूर्या टेक्सटाइल्स"),
        ("Awash Construction", "አዋሽ ኮንስትራክሽን"),
        ("Awash Konstrakshn PLC", "አዋሽ ኮንስትራክሽን"),
        ("Sokha Logistics", "សុខា ដឹកជញ្ជូន"),
        ("Gorkha Tea", "गोरखा चिया"),  # Nepali trade words, in Devanagari
        ("Pokhara Coffee Pvt. Ltd.", "पोखरा कफी"),
    ],
)
def test_a_latin_name_matches_its_own_script_name(latin: str, native: str) -> None:
    assert similarity(latin, native) >= 0.9


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("Golan Industries", "동원산업"),  # only the trade word shared
        ("Al Noor Foods", "الفجر للأغذية"),  # another brand, the same trade
        ("Daesang", "효성"),
        ("Ganga Agro", "गोदरेज"),
        ("Abay Trading", "አዋሽ ኮንስትራክሽን"),
        ("Sokha Construction", "សុខា ដឹកជញ្ជូន"),  # the same brand, another trade
        ("Everest Coffee", "पोखरा कफी"),
    ],
)
def test_another_company_does_not_match(latin: str, native: str) -> None:
    assert similarity(latin, native) < 0.8


def test_a_romanised_domain_spells_the_name() -> None:
    assert in_label("한빛정밀", "hanbitjeongmil") >= 0.9
    assert in_label("النخيل للتجارة", "al-nakheel-trading") >= 0.9
    assert in_label("النخيل للتجارة", "alreemfoods") < 0.8


def test_the_script_is_told_by_the_letters() -> None:
    assert script_of("Αστέρας") is Script.GREEK
    assert script_of("ไทย") is Script.THAI
    assert script_of("Hanbit") is None
    assert script_of("አዋሽ") is Script.ETHIOPIC
    assert script_of("សុខា") is Script.KHMER


def test_arabic_and_hebrew_readings_are_not_searched_without_vowels() -> None:
    assert search_readings("النخيل للتجارة") == []
    assert search_readings("누리바이오") == ["nuri baio", "nuri bio"]


def test_a_name_key_keeps_vowel_signs_inside_words() -> None:
    assert name_key("नर्मदा फार्मा") == "नर्मदा फार्मा"
    assert plain_name("नर्मदा फार्मा") == "नर्मदा फार्मा"
    assert name_key("ไทยรุ่งเรือง อุตสาหกรรม") == "ไทยรุ่งเรือง อุตสาหกรรม"


@pytest.mark.parametrize(
    ("informal", "expected"),
    [
        ("Jemchujina Yuga", ["Жемчужина Юга", "Zhemchuzhina Yuga"]),
        ("Schit Bezopasnost", ["Щит Безопасность", "Shchit Bezopasnost"]),
    ],
)
def test_informal_russian_spellings_are_read_back(informal: str, expected: list[str]) -> None:
    assert informal_readings(informal) == expected


def test_names_without_informal_spellings_have_no_other_reading() -> None:
    assert informal_readings("Rostelecom") == []
    assert informal_readings("Most") == []
    assert informal_readings("Яндекс") == []


def test_an_abugidas_final_b_and_p_are_one_letter_to_its_consonants() -> None:
    # `ម្ហូប` read `mhoup`, written Mhob: Khmer says a final `ប` as p and spells it either way.
    assert similarity("Tonle Sap Mhob", "តូនលេសាប ម្ហូប") >= 0.9
    assert similarity("Tonle Sap Mhom", "តូនលេសាប ម្ហូប") < 0.9


def test_a_trade_word_spelled_as_its_language_borrowed_it_is_the_trade_word() -> None:
    # `ጨርቃጨርቅ` is textile; the company writes the loan `Tekstayl`.
    assert similarity("Lalibela Tekstayl", "ላሊበላ ጨርቃጨርቅ") >= 0.9
    # The brand still has to agree.
    assert similarity("Gondar Tekstayl", "ላሊበላ ጨርቃጨርቅ") < 0.8


def test_a_loose_reading_is_the_reading_with_its_trade_in_english() -> None:
    assert loose_reading("ភ្នំពេញ ដឹកជញ្ជូន") == "phnompenh logistics"
    assert loose_reading("नर्मदा फार्मा") == "narmada pharma"
    assert loose_reading("Αστέρας Υφάσματα") == "asteras yfasmata"
    assert loose_reading("النخيل للتجارة") == "nkhil trading"
    assert loose_reading("المرجان") is None


@pytest.mark.parametrize(
    ("native", "expected"),
    [
        ("सूर्य रोशनी", "surya rosani"),  # a final cluster keeps its vowel
        ("विद्यालय", "vidyalaya"),  # and so does -alaya
        ("राष्ट्रीय", "rastriya"),  # and -iya
        ("संजय", "sanjay"),  # a final consonant alone does not
        ("आयुर्वेद", "ayurved"),
    ],
)
def test_a_devanagari_words_final_vowel_is_said_where_names_spell_it(
    native: str, expected: str
) -> None:
    assert readings(native)[0] == expected


@pytest.mark.parametrize(
    ("native", "expected"),
    [
        ("මහනුවර", "mahanuwara"),  # each consonant says its `a`, the last one too; `ව` w
        ("වත්තල", "wattala"),  # the virama (al-lakuna) silences it
        ("ප්‍රවාහන", "prawahana"),  # a cluster joined by the zero-width joiner
        ("ປາກເຊ", "pakxe"),  # Lao: `ເ` written before its consonant, said after it
        ("ໂພນສະຫວັນ", "phonsahvan"),
        ("ດອກໄມ້", "dokmai"),  # `ອ` within a word is `o`
        ("ອາຫານ", "ahan"),  # `ອ` carrying the first vowel is unsaid
    ],
)
def test_sinhala_and_lao_are_read_as_their_names_are_spelled(native: str, expected: str) -> None:
    assert script_of(native) is not None
    assert readings(native)[0] == expected


def test_a_latin_name_matches_its_sinhala_or_lao_name_and_not_another() -> None:
    assert similarity("Wattala Kurundu", "වත්තල කුරුඳු") >= 0.9
    assert similarity("Pakxe Kafe", "ປາກເຊ ກາເຟ") >= 0.9
    assert similarity("Kolamba Kurundu", "වත්තල කුරුඳු") < 0.8
    assert similarity("Phonsavan Kafe", "ປາກເຊ ກາເຟ") < 0.8


def test_a_wineries_hebrew_trade_word_is_read_in_english() -> None:
    assert similarity("Golan Wines", "גולן יינות") >= 0.8
    assert similarity("Golan Foods", "גולן יינות") < 0.8


def test_an_arabic_kitchen_makers_trade_word_is_read_in_english() -> None:
    assert similarity("Al Nakheel Kitchens", "النخيل للمطابخ") >= 0.8
    assert similarity("Al Nakheel Tourism", "النخيل للمطابخ") < 0.8


@pytest.mark.parametrize(
    ("native", "expected"),
    [
        ("မြစ်ကြီးနား", "myitkyina"),  # `ြ` y, `စ်` it, a stop after a stop stays voiceless
        ("ရန်ကုန်", "yangon"),  # `ရ` y; `ကုန်` gon, voiced after a nasal
        ("မန္တလေး", "mandale"),  # a stacked `န္` closes the syllable before it
        ("ရွှေ", "shwe"),  # `ရွှ` shw
        ("အောင်", "aung"),  # `ောင်` aung
        ("ကျော်", "kyaw"),  # `ျ` y
        ("အင်းလေး", "inle"),  # `အ` carries the vowel; tone marks are not written
        ("မော်လမြိုင်", "mawlamyaing"),  # `ော်` aw, `ိုင်` aing
        ("ပုသိမ်", "puthein"),  # `သ` th, `ိမ်` ein
        ("ဟင်္သာတ", "hinthada"),  # kinzi `င်္` closes `ဟ` with ng
        ("ရှမ်း", "shan"),  # `ရှ` sh, `မ်` an
        ("လက်ဖက်", "lahpet"),  # said unlike its letters, spelled as companies write it
    ],
)
def test_burmese_is_read_by_syllables_as_its_names_are_spelled(native: str, expected: str) -> None:
    assert script_of(native) is not None
    assert readings(native)[0] == expected


def test_a_latin_name_matches_its_burmese_name_and_not_another() -> None:
    assert similarity("Myitkyina Tea", "မြစ်ကြီးနား လက်ဖက်") >= 0.9
    assert similarity("Yangon Trading", "ရန်ကုန် ကုန်သွယ်ရေး") >= 0.9
    assert similarity("Mandalay Coffee", "မန္တလေး ကော်ဖီ") >= 0.9
    assert similarity("Mandalay Trading", "ရန်ကုန် ကုန်သွယ်ရေး") < 0.8
    assert similarity("Yangon Coffee", "မြစ်ကြီးနား လက်ဖက်") < 0.8
