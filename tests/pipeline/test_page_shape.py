"""Page shape: words, headline, scripts, redirects, links and form fields of a page."""

from __future__ import annotations

import re

import pytest

from worker.pipeline.stages.page.page_facts import extract_facts

pytestmark = pytest.mark.unit


def test_shape_counts_visible_words_and_keeps_scripts_apart() -> None:
    html = (
        "<html><head><title>T</title><script src='/a.js'></script>"
        "<script>var greeting = 'hidden words here';</script><style>p{}</style></head>"
        "<body><header>Menu</header><h2>Second</h2><h1>First headline</h1>"
        "<p>one two three</p><footer>four</footer></body></html>"
    )
    shape = extract_facts("https://a.com/x/", html).shape
    assert shape.words == 8  # Menu, Second, First, headline, one, two, three, four
    assert "hidden" not in shape.text
    assert shape.headline == "First headline"
    assert shape.script_sources == ("https://a.com/a.js",)
    assert "greeting" in shape.inline_scripts


@pytest.mark.parametrize(
    "text",
    [
        "Acme © 2024 – all rights reserved, “quoted” words’ ends",
        "Ромашка: поставки — оптом и в розницу; №1 в регионе",
        "café naïve façade Straße ½ ³ ١٢ x\u0301y zero\u200bwidth under_score",
        "Zahlen 1.234,56 € / 12 % ± 3 – ok",
    ],
)
def test_words_are_counted_as_runs_of_word_characters_in_any_script(text: str) -> None:
    shape = extract_facts("https://a.com/", f"<p>{text}</p>").shape
    assert shape.words == len(re.findall(r"\w+", shape.text)) > 5


def test_chinese_and_japanese_text_counts_two_characters_a_word() -> None:
    shape = extract_facts("https://a.cn/", "<p>该域名正在出售</p>").shape
    assert shape.words == 4


def test_redirect_targets_from_meta_refresh_and_scripts() -> None:
    html = (
        '<html><head><meta http-equiv="Refresh" content="5; URL=\'/next\'">'
        "<script>window.location.href = 'https://b.com/x';"
        'location.replace("/lander");</script></head><body></body></html>'
    )
    shape = extract_facts("https://a.com/", html).shape
    assert shape.redirect_targets == (
        "https://a.com/next",
        "https://b.com/x",
        "https://a.com/lander",
    )


def test_links_off_the_page_and_form_fields() -> None:
    html = (
        "<body><a href='/about'>About</a><a href='mailto:x@a.com'>mail</a>"
        "<a href='https://sedo.com/x'>Sedo</a><a href='//dan.com/y'>Dan</a>"
        "<form><input name='Offer' placeholder='Your offer'><button id='send'>Go</button></form>"
        "</body>"
    )
    shape = extract_facts("https://a.com/", html).shape
    assert shape.links == ("https://sedo.com/x", "//dan.com/y")
    assert shape.form_fields == ("offer", "your offer", "send")


def test_frames_and_iframes() -> None:
    html = "<body><iframe src='/map'></iframe><iframe></iframe></body>"
    assert extract_facts("https://a.com/", html).shape.frames == ("https://a.com/map",)


def test_a_page_that_is_no_html_has_an_empty_shape() -> None:
    shape = extract_facts("https://a.com/f.pdf", "%PDF", "application/pdf").shape
    assert (shape.words, shape.text, shape.links) == (0, "", ())
