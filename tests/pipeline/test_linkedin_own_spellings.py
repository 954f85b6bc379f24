"""LinkedIn pages found by the Latin spelling the company itself chose: its domain's words
when its site cannot be read, its accepted site's domain as a name, and readings of words
that a zero-width joiner shapes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.accuracy_web.model import Doc
from shared.company_keys import name_key
from shared.label_words import label_words
from shared.other_scripts import loose_reading, readings
from shared.rows import PlannedRow
from tests.pipeline.fakes.linkedin_results import linkedin_doc, linkedin_step, serving
from worker.pipeline.confidence.linkedin import Hit, judge_hit
from worker.pipeline.draft import RowDraft
from worker.pipeline.stages.linkedin import search_names
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts


def _page(url: str, title: str, text: str = "") -> PageFacts:
    html = f"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>"
    return extract_facts(url, html, "text/html")


@pytest.mark.unit
def test_a_zero_width_joiner_inside_a_word_keeps_the_word_whole() -> None:
    # Sinhala writes `ප්‍ර` (pra) with a joiner: the key must not cut the word there.
    assert name_key("මහවැලි ප්\u200dරවාහන") == name_key("මහවැලි ප්රවාහන") == "මහවැලි ප්රවාහන"
    page = _page("https://mahaweli-prawahana.lk/", "මහවැලි ප්\u200dරවාහන", "භාණ්ඩ ප්\u200dරවාහනය.")
    assert "mahaweli prawahana" in search_names("Mahaweli Haulage", [page])


@pytest.mark.unit
def test_the_domain_of_a_site_that_cannot_be_read_spells_the_names_latin_words() -> None:
    # No page (down, parked, in doubt): the row's domain gives the vowels a Persian or
    # Tamil name's reading lacks, before the readings that only guess at them.
    assert search_names("سهند صنعت", [], "sahandsanat.ir") == ["سهند صنعت", "sahand sanat"]
    assert search_names("கடல் உணவு", [], "kadalunavu.lk")[1] == "kadal unavu"
    # A domain that spells another name adds nothing.
    assert search_names("سهند صنعت", [], "parsianholding.ir") == ["سهند صنعت"]


@pytest.mark.unit
def test_an_english_row_name_is_searched_as_the_domain_spells_the_sites_own_name() -> None:
    # The row translates the name; the site writes it in Arabic, its domain in Latin.
    page = _page("https://almorgantourism.ae/", "المرجان للسياحة", "رحلات بحرية.")
    assert "al morgan tourism" in search_names("Coral Tourism", [page])
    other = _page("https://coralseatrips.ae/", "المرجان للسياحة", "رحلات بحرية.")
    assert "al morgan tourism" not in search_names("Coral Tourism", [other])


@pytest.mark.unit
@pytest.mark.parametrize(
    ("name", "label", "words"),
    [
        # `y` counts as no consonant: the English trade word places the boundary.
        ("မန္တလေး သယ်ယူပို့ဆောင်ရေး", "mandalaylogistics", "mandalay logistics"),
        ("المرجان للسياحة", "almorgantourism", "al morgan tourism"),
        ("אופק מערכות", "ofekmaarachot", "ofek maarachot"),
    ],
)
def test_a_word_of_the_reading_spelled_letter_for_letter_places_its_boundary(
    name: str, label: str, words: str
) -> None:
    assert label_words(name, label) == words


def _result(name: str, snippet: str, slug: str) -> Hit:
    return Hit(f"https://www.linkedin.com/company/{slug}", f"{name} | LinkedIn", snippet)


@pytest.mark.unit
def test_a_page_named_as_the_accepted_sites_domain_spells_it_names_the_company() -> None:
    row = "الريان لتقنية المعلومات"
    page = _result(
        "Al Rayyan IT",
        "IT Services. Sharjah, United Arab Emirates. alrayyanit.ae",
        "al-rayyan-it-global",
    )
    hints = ["United Arab Emirates", "Sharjah"]
    # Without the site its abbreviated trade (`IT`) leaves the name unmatched.
    assert judge_hit(page, row, "alrayyanit.ae", "", hints).confidence == 0.0
    score = judge_hit(page, row, "alrayyanit.ae", "", hints, site_domain="alrayyanit.ae")
    assert score.confidence >= 0.8
    assert "as the company's domain alrayyanit.ae spells it" in score.describe()


@pytest.mark.unit
def test_a_page_named_as_the_domain_still_needs_corroboration_and_its_own_country() -> None:
    row = "الريان لتقنية المعلومات"
    alone = _result("Al Rayyan IT", "IT Services. 12 followers.", "alrayyanit")
    assert (
        judge_hit(alone, row, "alrayyanit.ae", "", [], site_domain="alrayyanit.ae").confidence < 0.8
    )
    abroad = _result("Al Rayyan IT", "IT Services. Doha, Qatar.", "alrayyanit-qa")
    hints = ["United Arab Emirates", "Sharjah"]
    judged = judge_hit(abroad, row, "alrayyanit.ae", "", hints, site_domain="alrayyanit.ae")
    assert judged.confidence < 0.8
    # A short label is a word other companies' names spell too: no name of its own.
    short = _result("Nova", "Sharjah, United Arab Emirates. nova.ae", "nova")
    assert judge_hit(short, row, "nova.ae", "", hints, site_domain="nova.ae").confidence == 0.0


def _linkedin(slug: str, name: str, place: str) -> Doc:
    return linkedin_doc(slug, name, f"Construction. {place}. 40 followers.")


@pytest.fixture
def engine() -> Iterator[str]:
    docs = [
        _linkedin("sahand-sanat", "Sahand Sanat", "Tabriz, Iran"),
        _linkedin("sahand-sanat-tr", "Sahand Sanat", "Van, Turkey"),
        _linkedin("tabriz-beton", "Tabriz Beton", "Tabriz, Iran"),
        _linkedin("tabriz-sanat", "Tabriz Sanat Industry", "Tabriz, Iran"),
    ]
    with serving(docs) as url:
        yield url


async def _row(engine: str, city: str, country: str) -> RowDraft:
    name = "سهند صنعت"
    row = PlannedRow(
        row=0,
        name=name,
        name_key=name,
        domain="sahandsanat.ir",
        original={"Company": name, "Website": "sahandsanat.ir", "City": city, "Country": country},
    )
    return await linkedin_step(engine, row, f"{city}, {country}")


@pytest.mark.unit
async def test_a_down_or_parked_sites_domain_finds_the_page_its_words_name(engine: str) -> None:
    draft = await _row(engine, "Tabriz", "Iran")
    assert draft.linkedin_url.endswith("/sahand-sanat")
    assert (draft.linkedin_confidence or 0) >= 0.8
    # The namesake elsewhere is still not the row's.
    abroad = await _row(engine, "Shiraz", "Iran")
    assert not abroad.linkedin_url.endswith("/sahand-sanat-tr")


@pytest.mark.unit
def test_a_persian_names_trade_word_is_read_in_english() -> None:
    # Persian writes its names in Arabic letters with trade words of its own.
    assert readings("سهند صنعت") == ("shnd snt", "shnd industry")
    assert loose_reading("دماوند سازه") == "dmaund construction"
    assert loose_reading("سهند") is None  # no trade word: nothing an engine could match


async def _homeless(engine: str, name: str) -> RowDraft:
    row = PlannedRow(
        row=0,
        name=name,
        name_key=name,
        original={"Company": name, "City": "Tabriz", "Country": "Iran"},
    )
    return await linkedin_step(engine, row, "Tabriz, Iran")


@pytest.mark.unit
async def test_a_persian_name_without_a_domain_finds_its_page_by_its_trade_and_place(
    engine: str,
) -> None:
    draft = await _homeless(engine, "سهند صنعت")
    assert draft.linkedin_url.endswith("/sahand-sanat")
    assert (draft.linkedin_confidence or 0) >= 0.8
    # Another company of the town and trade is not taken for it.
    other = await _homeless(engine, "ارس صنعت")
    assert other.linkedin_url == ""
