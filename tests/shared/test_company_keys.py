"""The keys that make two rows the same company: registered domain, else name key."""

from __future__ import annotations

import pytest

from shared.company_keys import clean_text, name_key, named_after_form, registered_domain

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("website", "domain"),
    [
        ("https://www.ea.com/en-gb", "ea.com"),
        ("https://en.bandainamcoent.eu", "bandainamcoent.eu"),
        ("EXAMPLE.COM", "example.com"),
        (" www.example.com ", "example.com"),
        ("example.com:8080", "example.com"),
        ("http://user:secret@example.com:8080/a?b=c#d", "example.com"),
        ("//example.com", "example.com"),
        ("example.com.", "example.com"),
        ("https://example.com./about", "example.com"),
        ("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com"),
        ("ＥＸＡＭＰＬＥ.com", "example.com"),
        ("example。com", "example.com"),
        ("https://shop.example.co.uk/x", "example.co.uk"),
        ("www.sub.example.com.au", "example.com.au"),
        ("https://www.BÜCHER.de/x", "bücher.de"),
        ("xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("https://ПРИМЕР.РФ", "пример.рф"),
        ("192.168.0.1", "192.168.0.1"),
        ("http://192.168.0.1:8080/x", "192.168.0.1"),
        ("１９２.１６８.０.１", "192.168.0.1"),
        ("999.1.1.1", None),
        ("1.2.3", None),
        ("http://[::1]:8080/", None),
        ("co.uk", None),
        ("localhost", None),
        ("not a website", None),
        ("n/a", None),
        ("", None),
        (None, None),
    ],
)
def test_a_website_is_keyed_by_its_registered_domain(
    website: str | None, domain: str | None
) -> None:
    assert registered_domain(website) == domain


def test_name_key_ignores_case_punctuation_and_legal_forms() -> None:
    assert name_key(" ACME, Inc. ") == name_key("Acme") == "acme"
    assert name_key("Capcom Co., Ltd.") == "capcom"
    assert name_key("ООО Ромашка") == "ромашка"
    assert name_key("1&1 Telecommunication SE") == "1 1 telecommunication"
    assert name_key("Ｅｌｅｃｔｒｏｎｉｃ Arts") == "electronic arts"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kaçkar Gıda San. ve Tic. A.Ş.", "kaçkar gıda"),
        ("Anadolu Gıda San. ve Tic. Ltd. Şti.", "anadolu gıda"),
        ("Ozan Tekstil Tic. A.Ş.", "ozan tekstil"),
        ("Cajá Construtora S/A", "cajá construtora"),
        ("Jequitibá Alimentos EIRELI", "jequitibá alimentos"),
        ("PT Nusantara Pangan Tbk", "nusantara pangan"),
        ("Bałtyk & Syn Piekarnia s.c.", "bałtyk syn piekarnia"),
        ("Công ty TNHH Hoàng Long", "hoàng long"),
        ("Công ty Cổ phần Sông Hồng", "sông hồng"),
        ("Bogazici Insaat Ltd Sti", "bogazici insaat"),  # typed without marks
        ("Kackar Gida San Ve Tic A S", "kackar gida"),
    ],
)
def test_legal_forms_cleanco_does_not_know_are_left_out(name: str, key: str) -> None:
    # Two namesakes' shared legal form ("San. ve Tic. A.Ş.") made them look alike.
    assert name_key(name) == key


def test_a_name_that_is_only_a_legal_form_keeps_it_as_its_key() -> None:
    assert name_key("S/A") == "s a"
    assert name_key("Tic") == "tic"
    assert name_key("Inc.") == "inc"


def test_clean_text_folds_width_and_whitespace() -> None:
    assert clean_text("  Ｓｅｇａ \u00a0 Sammy\n") == "Sega Sammy"


def test_clean_text_drops_direction_marks_and_invisible_characters() -> None:
    assert clean_text("\u200fאופק מערכות\u200f") == "אופק מערכות"
    assert clean_text("\u202bשקד\u202c \ufeffmazon\u00ad") == "שקד mazon"
    assert clean_text("मि\u200dत्र") == "मि\u200dत्र"  # a joiner shapes the word: kept


def test_a_turkish_dotted_capital_i_keys_as_i() -> None:
    # `İ` case-folds to `i` and a combining dot; a text writing `İnşaat` must still match.
    assert name_key("Çamlıca İnşaat Ltd. Şti.") == "çamlıca inşaat"
    assert name_key("İSTANBUL GIDA") == name_key("istanbul gida") == "istanbul gida"


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("dameco cong ty co phan co khi dong a", "co khi dong a"),
        ("DAMECO Công ty Cổ phần Cơ khí Đông Á", "Cơ khí Đông Á"),
        ("Indomaret PT Indomarco Prismatama", "Indomarco Prismatama"),
        ("Ромашка ООО Ромашка Плюс", "Ромашка Плюс"),
        ("Công ty Cổ phần Cơ khí Đông Á", ""),  # the form first: the name itself
        ("Acme PT", ""),  # nothing after it
        ("Apt Housing Cooperative", ""),  # a word, not the form
    ],
)
def test_the_name_after_a_leading_legal_form_written_after_a_brand(text: str, after: str) -> None:
    assert named_after_form(text) == after
