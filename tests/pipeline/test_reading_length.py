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
