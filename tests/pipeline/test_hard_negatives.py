"""Two companies whose names read almost alike across scripts stay below a close match:
a brand read by its consonants must begin as its own letters say (`ארבל` Arbel is no
`Rubel`), a brand that begins with another sound is another brand (`नर्मदा` Narmada is no
`Armada`), and a trade word shared by a reading with its trade in English does not carry
two brands (`Орхон Барилга`, orkhon construction, is no `Rukhan Construction`). The same
companies' own renderings keep their scores."""

from __future__ import annotations

import pytest

from shared.name_onsets import Onset, first_sound, latin_onset, own_onset, same_first_sound
from worker.pipeline.matching import domain_similarity, name_similarity

pytestmark = pytest.mark.unit

# The line at which a candidate is accepted, and the one below which it is not even held
# for review.
CLOSE = 0.8
REVIEW = 0.62


@pytest.mark.parametrize(
    ("latin", "own"),
    [
        ("Rubel Construction", "ארבל בנייה"),  # Arbel: `א` writes its first vowel
        ("Ron Software", "אורן תוכנה"),  # Oren
        ("Salam Trading", "الإسلام للتجارة"),  # Islam
        ("Aslam Printing", "السلام للطباعة"),  # Salam
        ("Mina Tourism", "أمين للسياحة"),  # Amin
        ("Rabia Contracting", "العربية للمقاولات"),  # Arabia: a name of trade words
        ("Rukhan Construction", "Орхон Барилга"),  # Orkhon, Mongolian
        ("Rural Construction", "Урал Строй"),  # Ural
        ("Nipro Construction", "Дніпро Будівництво"),  # Dnipro
        ("Araz Fish", "Тараз Балық"),  # Taraz, Kazakh
        ("Koka Printing", "Ока Печать"),  # Oka
        ("Hongda Construction", "華遠建設"),  # Huayuan
        ("Armada Transport", "नर्मदा परिवहन"),  # Narmada
        ("Avery Textiles", "कावेरी वस्त्र"),  # Kaveri
        ("Asiam Transport", "สยาม ขนส่ง"),  # Siam
        ("Abago Transport", "ပဲခူး ပို့ဆောင်ရေး"),  # Bago
        ("Utaisi Wine", "ქუთაისი ღვინო"),  # Kutaisi
        ("Rarat Wine", "Արարատ Գինի"),  # Ararat
        ("Onder Coffee", "ጎንደር ቡና"),  # Gondar
        ("Rames Transport", "Ερμής Μεταφορές"),  # Ermis
    ],
)
def test_another_company_of_the_trade_whose_brand_reads_almost_alike_is_no_close_match(
    latin: str, own: str
) -> None:
    assert name_similarity(latin, own) < CLOSE
    assert name_similarity(own, latin) < CLOSE


@pytest.mark.parametrize(
    ("latin", "own"),
    [
        ("Rubel Construction", "ארבל בנייה"),
        ("Rukhan Construction", "Орхон Барилга"),
        ("Hongda Construction", "華遠建設"),
        ("Armada Transport", "नर्मदा परिवहन"),
        ("Araz Fish", "Тараз Балық"),
    ],
)
def test_the_plainest_of_them_is_not_even_held_for_review(latin: str, own: str) -> None:
    assert name_similarity(latin, own) < REVIEW


@pytest.mark.parametrize(
    ("latin", "own", "least"),
    [
        ("Arbel Construction", "ארבל בנייה", 0.85),
        ("Elbit Systems", "אלביט מערכות", 0.7),  # a Hebrew `El` is no Arabic article
        ("Al-Futtaim", "الفطيم", 0.85),  # an Arabic one is
        ("Al Baraka Investment", "البركة للاستثمار", 0.85),
        ("Orkhon Construction", "Орхон Барилга", 0.9),
        ("Huayuan Construction", "華遠建設", 0.9),
        ("Narmada Transport", "नर्मदा परिवहन", 0.9),
        ("Kutaisi Wine", "ქუთაისი ღვინო", 0.9),
        ("Ural Construction", "Урал Строй", 0.9),
        ("Horizont", "Гарызонт", 0.7),  # Belarusian `г` is an `h`
        ("Kaspersky Lab", "Лаборатория Касперского", 0.7),  # words in another order
        ("Rigla", "Аптека Ригла", 0.8),  # the trade written first
        ("I-Teco", "Ай-Теко", 0.9),
        ("Ōsaka Gasu K.K.", "株式会社大阪瓦斯", 0.9),
        ("Coway", "코웨이", 0.7),
        ("Siam Makro", "สยามแม็คโคร", 0.7),
        ("Pigasos Ilektroniki", "Αρχική · Πήγασος Ηλεκτρονική", 0.8),  # a title's `Home ·`
        ("Home · Andaman Marine", "อันดามัน มารีน", 0.8),
        ("Al-Ofok Transport LLC", "الرئيسية · الأفق للنقل", 0.6),
    ],
)
def test_the_companys_own_renderings_keep_their_scores(latin: str, own: str, least: float) -> None:
    assert name_similarity(latin, own) >= least


def test_abjad_letters_say_how_a_word_begins() -> None:
    assert own_onset("ארבל") is Onset.VOWEL
    assert own_onset("العربية") is Onset.VOWEL  # the article aside, `ع`
    assert own_onset("السلام") is Onset.CONSONANT
    assert own_onset("ישראל") is Onset.EITHER  # `י`: Israel, or Yisrael
    assert latin_onset("Al-Nakheel") is Onset.CONSONANT
    assert latin_onset("Elbit", article=False) is Onset.VOWEL
    assert latin_onset("Snapp") is Onset.EITHER  # Persian writes `اسنپ`


def test_first_sounds_are_compared_by_class() -> None:
    assert same_first_sound("Dacheng", "tiancheng")  # voiced or not
    assert same_first_sound("Hellenic", "ellinika")  # an `h` says nothing
    assert same_first_sound("Khangai", "hangai")
    assert not same_first_sound("Armada", "narmada")
    assert not same_first_sound("Rural", "ural")
    assert first_sound("Ōsaka") == "v"


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("Armada Transport", "narmada.in"),  # a letter more before the brand
        ("Тараз Балық", "araz.kz"),  # the brand from its second letter
        ("Ural Construction", "rural.ru"),
        ("Enisei Stroi", "nisei.ru"),
    ],
)
def test_a_domain_spelling_the_brand_shifted_by_a_letter_is_another_companys(
    name: str, domain: str
) -> None:
    assert domain_similarity(name, domain) < REVIEW


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("Narmada Transport", "getnarmada.in"),  # a prefix, the brand whole
        ("Bandai Namco", "namco.co.jp"),  # a later word
        ("Тараз Балық", "taraz.kz"),
        ("Ёжик", "yozhik.ru"),
        ("Эльдорадо", "eldorado.ru"),
        ("Østervang Revision", "ostervangrevision.dk"),  # a letter of its own, read as `o`
    ],
)
def test_a_domain_spelling_the_brand_whole_still_matches(name: str, domain: str) -> None:
    assert domain_similarity(name, domain) >= CLOSE
