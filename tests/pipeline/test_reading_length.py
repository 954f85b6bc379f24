"""Paragraph length is measured in what a text says, not in characters of its script."""

from __future__ import annotations

import pytest

from shared.company_keys import clean_text
from worker.pipeline.stages.page.page_facts import MIN_PARAGRAPH, extract_facts
from worker.pipeline.stages.page.reading_length import reading_length

pytestmark = pytest.mark.unit

SHORT_CJK = [
    "はやて工業は大阪の会社です。金属加工と溶接の専門会社です。",  # 29 characters
    "さくら精機は名古屋の会社です。精密部品の製造と販売を行っています。",
    "みどり食品は仙台の会社です。地元の野菜を使った食品を製造しています。",
    "我们是一家位于上海的软件公司，专注于物流行业的数据分析。",
    "本公司成立於二〇一〇年，專注於台灣本地的茶葉種植與銷售。",
    "우리 회사는 부산에서 선박 부품을 설계하고 제조합니다. 1995년에 설립되었습니다.",
    "ＡＢＣ精工は部品の製造と販売を行う会社です。創業は一九八〇年。",
]


@pytest.mark.parametrize("paragraph", SHORT_CJK)
def test_a_short_cjk_paragraph_is_kept(paragraph: str) -> None:
    assert len(paragraph) < MIN_PARAGRAPH
    facts = extract_facts("https://example.jp/", f"<html><body><p>{paragraph}</p></body></html>")
    assert facts.paragraphs == (clean_text(paragraph),)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Contact us",
        "We make parts. Call us today for a quote on steel work.",
        "Мы делаем детали. Звоните нам по будням с утра до вечера.",
        "お問い合わせはこちら。",
        "会社概要｜アクセス｜採用情報",
        "주소: 부산시 해운대구",
    ],
)
def test_a_short_paragraph_in_any_script_is_still_dropped(paragraph: str) -> None:
    facts = extract_facts("https://example.jp/", f"<html><body><p>{paragraph}</p></body></html>")
    assert facts.paragraphs == ()


def test_latin_and_cyrillic_count_one_each_and_wide_characters_more() -> None:
    assert reading_length("Acme Ltd") == 8
    assert reading_length("Ромашка") == 7
    assert reading_length("精密部品") == 12
    assert reading_length("부산") == 5
    assert reading_length("ＡＢＣ") == 9
    assert reading_length("Acme 精密") == 11


def test_hebrew_and_arabic_letters_count_for_more_than_one_latin_letter() -> None:
    assert reading_length("שקד מזון") == pytest.approx(7 * 1.35 + 1)
    assert reading_length("النخيل") == pytest.approx(6 * 1.35)
    assert reading_length("2015") == 4


@pytest.mark.parametrize(
    "paragraph",
    [
        "שקד מזון פועלת מאז 2015 בחיפה ועוסקת בחטיפי שקדים ואגוזים ללא תוספת סוכר.",
        "\u200fגפן תעשיות\u200f פועלת מאז 1989 בנתניה ועוסקת בייצור אריזות פלסטיק.",
        "النخيل للتجارة تعمل منذ 2009 في دبي في تجارة التمور والمواد الغذائية بالجملة.",
    ],
)
def test_a_one_sentence_introduction_in_hebrew_or_arabic_is_a_paragraph(paragraph: str) -> None:
    html = (
        f'<html dir="rtl"><body><p>{paragraph}</p><p>חיפה, ישראל · +972 73 624707</p></body></html>'
    )
    facts = extract_facts("https://example.co.il/", html)
    assert facts.paragraphs == (clean_text(paragraph),)
    assert "\u200f" not in facts.paragraphs[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Od roku 1996 nabízí Hora Stavby (Brno) stavby rodinných domů na klíč.",
        "HMT i Göteborg har sedan 1988 arbetat med marinteknik och service.",
        "አዋሽ ኮንስትራክሽን ከ1995 ጀምሮ በአዳማ የመኖሪያ ቤቶችን ይገነባል።",
        "សុខា ដឹកជញ្ជូន ដឹកទំនិញពីកំពង់ផែ ទៅភ្នំពេញ តាំងពីឆ្នាំ 2001។",
    ],
)
def test_a_small_sites_one_sentence_introduction_is_read_when_it_has_no_paragraph(
    sentence: str,
) -> None:
    assert len(sentence) < MIN_PARAGRAPH
    html = (
        f"<html><body><h2>O firmě</h2><p>{sentence}</p><p>Brno, Česko · +420 55 719843</p>"
        "<p>© 2026 Hora Stavby s.r.o. Všechna práva vyhrazena, all rights reserved.</p>"
        "</body></html>"
    )
    assert extract_facts("https://example.cz/", html).paragraphs == (sentence,)
    longer = f"<p>{'We build family houses in Brno and the region around it. ' * 2}</p>"
    with_paragraph = html.replace("<h2>", longer + "<h2>")
    assert sentence not in extract_facts("https://example.cz/", with_paragraph).paragraphs


def _small_site(title: str, sentence: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{sentence}</p>"
        "<p>Көкшетау · +7 71 6223365</p></body></html>"
    )


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("Бурабай Ет", "2001 жылы құрылған Бурабай Ет (Көкшетау) сиыр етін өңдейді."),
        ("Home | Tatra Pivo", "Tatra Pivo vaří od roku 1994 ležák v Popradu."),
    ],
)
def test_a_short_sentence_naming_the_sites_own_name_introduces_it(
    title: str, sentence: str
) -> None:
    # Shorter than an unnamed introduction must be: it says who the site's owner is.
    assert len(sentence) < 60
    assert extract_facts("https://example.kz/", _small_site(title, sentence)).paragraphs == (
        sentence,
    )
    # The same sentence on a site of another name is a caption, not its introduction.
    other = _small_site("Qazaq Agro", sentence)
    assert extract_facts("https://example.kz/", other).paragraphs == ()
    # A title word any sentence may hold (`Home`) names nothing.
    home = _small_site("Home", "Welcome home: our new store opened in 2020.")
    assert extract_facts("https://example.kz/", home).paragraphs == ()
