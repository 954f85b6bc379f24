"""LinkedIn searches for names in other scripts: the readings searched, the site's own
spellings, a domain label split into the reading's words, and an Arabic name that only
its consonants and trade can find, under the usual corroboration."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2
import pytest

from bench.accuracy_web.model import Doc
from bench.accuracy_web.search import API_KEY
from shared.label_words import label_words
from shared.rows import PlannedRow
from tests.pipeline.fakes.linkedin_results import linkedin_doc, linkedin_step, serving
from worker.pipeline.clients.search.serper import SerperSearch
from worker.pipeline.confidence.linkedin import Hit, judge_hit
from worker.pipeline.draft import RowDraft
from worker.pipeline.stages.linkedin import from_search, search_names
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts


def _page(url: str, title: str, text: str = "") -> PageFacts:
    html = f"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>"
    return extract_facts(url, html, "text/html")


@pytest.mark.unit
def test_the_sites_own_latin_name_is_searched_before_a_reading_that_only_guesses_it() -> None:
    page = _page("https://andamanmarine.co.th/", "Home · Andaman Marine")
    names = search_names("อันดามัน มารีน", [page])
    assert names[:2] == ["อันดามัน มารีน", "Andaman Marine"]


@pytest.mark.unit
def test_an_informal_row_name_is_also_searched_by_the_readings_of_the_sites_cyrillic_name() -> None:
    page = _page("https://yolkadekor.ru/", "Ёлка Декор", "Ёлочные игрушки ручной работы.")
    names = search_names("Elka Dekor", [page])
    assert "yolka dekor" in names
    assert "yelka dekor" in names
    hedgehog = _page("https://ezhik-igrushki.ru/", "Ёжик Игрушки", "Деревянные игрушки.")
    assert "ezhik igrushki" in search_names("Yojik Igrushki", [hedgehog])


@pytest.mark.unit
def test_serbian_and_traditional_chinese_names_are_searched_as_their_companies_spell_them() -> None:
    assert search_names("Морава Градња", [])[1] == "morava gradnja"
    assert search_names("永豐茶業", [])[1] == "yung feng tea"
    assert len(search_names("株式会社朝霧電機", [])) == 2


@pytest.mark.unit
def test_a_kazakh_name_is_searched_as_kazakh_companies_spell_it_in_latin_letters() -> None:
    # `қ` is `q` in the spelling Kazakh companies use, `k` in the Russian scheme's.
    assert search_names("Сарыарқа Құрылыс", [])[1:3] == ["saryarqa qurylys", "saryarka kurylys"]
    assert search_names("ТОО «Ақжол Жол»", [])[1:3] == ["aqzhol zhol", "akzhol zhol"]
    # Russian (and Kyrgyz, without `қ`, `ұ`, `і`) names are read as before.
    assert "saryarqa" not in " ".join(search_names("Сарыарка Строй", []))


@pytest.mark.unit
@pytest.mark.parametrize(
    ("name", "label", "words"),
    [
        ("אופק מערכות", "ofekmaarachot", "ofek maarachot"),
        ("المرجان للسياحة", "almorgantourism", "al morgan tourism"),
        ("כרמל הנדסת מים", "carmelhandasatmayim", "carmel handasat mayim"),
        ("الفجر للأغذية", "alnoorfoods", ""),  # another brand
        ("אופק מערכות", "ofek-maarachot", ""),  # its words are already apart
    ],
)
def test_a_label_without_hyphens_is_split_where_the_readings_words_are(
    name: str, label: str, words: str
) -> None:
    assert label_words(name, label) == words


@pytest.mark.unit
def test_a_hebrew_site_on_an_unhyphenated_domain_is_searched_by_its_labels_words() -> None:
    page = _page("https://ofekmaarachot.co.il/", "אופק מערכות", "מערכות ניהול מלאי")
    assert search_names("אופק מערכות", [page]) == ["אופק מערכות", "ofek maarachot"]


def _linkedin(slug: str, name: str, place: str) -> Doc:
    return linkedin_doc(slug, name, f"Food Production. {place}. 87 followers.")


@pytest.fixture
def engine() -> Iterator[str]:
    docs = [
        _linkedin("al-fajr-foods-ae", "Al Fajr Foods", "Sharjah, United Arab Emirates"),
        _linkedin("al-fajr-foods-eg", "Al Fajr Foods", "Cairo, Egypt"),
        _linkedin("fajr-bakeries", "Fajr Bakeries", "Sharjah, United Arab Emirates"),
    ]
    with serving(docs) as url:
        yield url


@pytest.mark.unit
async def test_an_arabic_name_without_a_domain_finds_its_page_by_consonants_and_trade(
    engine: str,
) -> None:
    async with httpx2.AsyncClient(timeout=10) as client:
        search = SerperSearch(client, engine, API_KEY, 1, 1)
        found = await from_search(
            search,
            "fjr foods",
            None,
            8,
            hints=["Sharjah", "United Arab Emirates"],
            where="Sharjah, United Arab Emirates",
            loose_for="الفجر للأغذية",
        )
        assert found is not None
        url, score = found
        assert url.endswith("/al-fajr-foods-ae")
        assert score.confidence >= 0.8
        # The namesake in Egypt, the only page for a row in Egypt's neighbour, is not.
        abroad = await from_search(
            search,
            "fjr foods",
            None,
            8,
            hints=["Jordan"],
            where="Jordan",
            loose_for="الفجر للأغذية",
        )
        assert abroad is None or abroad[1].confidence < 0.8


@pytest.mark.unit
def test_a_renamed_sites_own_name_with_marks_is_searched_though_its_domain_drops_them() -> None:
    page = _page("https://vltavinstrojirny.cz/", "Vltavín Strojírny", "Výroba ozubených kol.")
    assert search_names("Stavomont Brno", [page]) == ["Stavomont Brno", "Vltavín Strojírny"]
    other = _page("https://kovohutebrno.cz/", "Vltavín Strojírny", "Výroba ozubených kol.")
    assert search_names("Stavomont Brno", [other]) == ["Stavomont Brno"]


def _khmer_engine_docs() -> list[Doc]:
    return [
        _linkedin("kampong-thom-samnang", "Kampong Thom Samnang", "Kampong Thom, Cambodia"),
        _linkedin("kampong-cham-samnang", "Kampong Cham Samnang", "Kampong Thom, Cambodia"),
        _linkedin("preah-vihear-foods", "Preah Vihear Foods", "Kampong Thom, Cambodia"),
    ]


async def _row_linkedin(engine: str, name: str, city: str, country: str) -> RowDraft:
    row = PlannedRow(
        row=0,
        name=name,
        name_key=name,
        original={"Company": name, "City": city, "Country": country},
        facts={"industry": "Construction"},
    )
    return await linkedin_step(engine, row, f"{city}, {country}")


@pytest.mark.unit
async def test_a_khmer_name_without_a_site_finds_its_page_by_an_unquoted_reading() -> None:
    # The quoted readings (`kampongthom samnang`, `kampongthom construction`) spell no
    # page's name letter for letter; the reading unquoted, with the row's place, finds the
    # company's page among its town's, and only the one named like the row is taken.
    with serving(_khmer_engine_docs()) as engine:
        draft = await _row_linkedin(engine, "កំពង់ធំ សំណង់", "Kampong Thom", "Cambodia")
        assert draft.linkedin_url.endswith("/kampong-thom-samnang")
        assert (draft.linkedin_confidence or 0) >= 0.8
        # A company of another name in the same town is not taken for it.
        other = await _row_linkedin(engine, "ព្រះវិហារ សំណង់", "Kampong Thom", "Cambodia")
        assert other.linkedin_url == ""


@pytest.mark.unit
def test_a_page_titled_with_linkedins_tagline_or_named_by_its_slug_matches_a_reading() -> None:
    hit = Hit(
        "https://www.linkedin.com/company/np-indore",
        "Narmada Pharma on LinkedIn: Pharmaceutical Manufacturing",
        "Pharmaceutical Manufacturing · Indore, India.",
    )
    assert judge_hit(hit, "नर्मदा फार्मा", None, "", ["India", "Indore"]).confidence >= 0.8
    # The slug spells the name in Latin letters when the title gives another.
    slugged = Hit(
        "https://www.linkedin.com/company/narmada-pharma",
        "NPL | LinkedIn",
        "Pharmaceutical Manufacturing · Indore, India.",
    )
    assert judge_hit(slugged, "नर्मदा फार्मा", None, "", ["India", "Indore"]).confidence >= 0.8
