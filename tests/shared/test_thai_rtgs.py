"""Thai words read in RTGS, as Thai companies and places spell themselves."""

from __future__ import annotations

import pytest

from shared.other_scripts import in_label, readings, similarity
from shared.thai_rtgs import rtgs_word

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("thai", "latin"),
    [
        ("เจริญ", "charoen"),  # the first letter's unwritten a, the leading vowel the second's
        ("ผล", "phon"),  # no vowel written between two consonants: o
        ("อันดามัน", "andaman"),  # a carrier อ unsaid
        ("ทะเลทอง", "thalethong"),  # อ as the vowel o between consonants
        ("บ้านสวน", "bansuan"),  # ว between consonants is ua, tone marks unsaid
        ("ฟู้ดส์", "fut"),  # a letter under the thanthakhat unsaid, ด closing is t
        ("เซรามิก", "seramik"),
        ("บางจาก", "bangchak"),
        ("ขอนแก่น", "khonkaen"),
        ("ภูเก็ต", "phuket"),
        ("กรุงเทพ", "krungthep"),  # a cluster
        ("เชียงใหม่", "chiangmai"),  # เ-ีย ia, ห before a sonorant unsaid
        ("สุโขทัย", "sukhothai"),
        ("ไทย", "thai"),  # ย after ai not said again
        ("มิตรผล", "mitphon"),  # ร after a closing consonant unsaid
        ("นคร", "nakhon"),  # a closing ร after a bare consonant: on
        ("เมือง", "mueang"),
        ("ตัว", "tua"),
        ("ลำปาง", "lampang"),
        ("Siam", "Siam"),  # Latin letters kept
    ],
)
def test_thai_words_are_read_in_rtgs(thai: str, latin: str) -> None:
    assert rtgs_word(thai) == latin


def test_a_thai_name_matches_its_companys_rtgs_spelling_and_domain() -> None:
    assert readings("เจริญผล โลจิสติกส์")[:2] == ("charoenphon lochittik", "charoenphon logistics")
    assert similarity("Charoenphon Logistics", "เจริญผล โลจิสติกส์") >= 0.9
    assert in_label("เจริญผล โลจิสติกส์", "charoenphonlogistics") >= 0.9
    assert similarity("Ban Suan Ceramic", "บ้านสวน เซรามิก") >= 0.9


def test_another_thai_company_does_not_match() -> None:
    assert similarity("Charoen Pokphand Foods", "เจริญผล โลจิสติกส์") < 0.8
    assert similarity("Ban Chang Ceramic", "บ้านสวน เซรามิก") < 0.8
    assert in_label("เจริญผล โลจิสติกส์", "siamlogistics") < 0.8
