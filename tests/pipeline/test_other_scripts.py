"""Names across scripts: Japanese and Chinese sites for romanised or English names,
Kazakh Latin names of Cyrillic sites, and the marks a site shows its Latin name in."""

from __future__ import annotations

import pytest

from worker.pipeline.confidence.website import WebsiteSource, website_score
from worker.pipeline.matching import domain_similarity, name_similarity
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.queries import website_queries
from worker.pipeline.stages.linkedin import search_names
from worker.pipeline.stages.page.brand_marks import mark_naming, marks, scripts_differ
from worker.pipeline.stages.page.page_facts import extract_facts

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("Hokuto Seiko Co., Ltd.", "株式会社北斗精工"),
        ("Hokuto Seiko", "北斗精工株式会社"),
        ("Owada Seika", "大和田製菓"),
        ("Hikari Logistics", "ひかり物流"),
        ("Huarui Precision Machinery", "华瑞精密机械有限公司"),
        ("Hua Rui Jing Mi Ji Xie", "华瑞精密机械有限公司"),
        ("Saryarqa Agro", "Сарыарқа Агро"),
        ("Shanyrak Kurylys", "ЖШС «Шаңырақ Құрылыс»"),
    ],
)
def test_a_name_matches_its_reading_in_the_other_script(latin: str, native: str) -> None:
    assert name_similarity(latin, native) >= 0.9
    assert name_similarity(native, latin) >= 0.9


@pytest.mark.parametrize(
    ("latin", "native"),
    [
        ("Chitose Kensetsu", "東雲建設"),
        ("Sakura Foods", "さくら精機"),
        ("Hengtong Packaging", "华瑞精密机械有限公司"),
        ("Jinding Electronics", "宏达电子"),
    ],
)
def test_another_company_of_the_same_trade_does_not_match(latin: str, native: str) -> None:
    assert name_similarity(latin, native) < 0.8


def test_a_romanised_domain_spells_a_cjk_name() -> None:
    assert domain_similarity("株式会社北斗精工", "hokutoseiko.jp") >= 0.9
    assert domain_similarity("华瑞精密机械有限公司", "huarui.com.cn") >= 0.9
    assert domain_similarity("华瑞精密机械有限公司", "hengtong.cn") < 0.5


def test_searches_for_other_script_companies_also_use_the_readings_and_the_domain_form() -> None:
    japan = RowPlace(country="JP", city="Osaka")
    assert website_queries("Hokuto Seiko Co., Ltd.", japan)[1] == (
        '"hokutoseiko" official website Osaka Japan'
    )
    reading = website_queries("株式会社北斗精工", japan)[1]
    assert reading == '"hokuto seiko" official website Osaka Japan'
    kazakhstan = RowPlace(country="KZ")
    queries = website_queries("Saryarqa Agro", kazakhstan)
    assert '"сарыарқа агро" official website Kazakhstan' in queries
    assert website_queries("Acme Rockets", RowPlace(country="DE")) == [
        '"Acme Rockets" official website Germany'
    ]


_JAPANESE_SITE = (
    "<html><head><title>株式会社北斗精工｜精密部品</title></head><body>"
    '<header><a href="/"><img src="/img/hokuto-seiko-logo_white.png" alt=""></a></header>'
    "<main><p>北斗精工は大阪で精密金属部品の切削加工を手がけております。創業以来、品質第一。</p>"
    '<div class="partners"><a href="https://partner.example"><img src="/p/a.png" '
    'alt="Acme Rockets"></a></div></main>'
    "<footer>Copyright © 2025 Hokuto Seiko Co., Ltd. All rights reserved.</footer>"
    "</body></html>"
)


def test_a_site_s_logo_file_and_copyright_line_give_its_latin_name() -> None:
    assert marks(_JAPANESE_SITE) == ["hokuto seiko", "Hokuto Seiko Co., Ltd"]


def test_a_partner_s_logo_is_not_the_site_s_name() -> None:
    facts = extract_facts("https://example.jp/", _JAPANESE_SITE, "text/html")
    assert mark_naming("Acme Rockets", facts, _JAPANESE_SITE) == ""


def test_an_english_name_in_the_logo_lifts_a_japanese_site_above_the_line() -> None:
    facts = extract_facts("https://hokuto.example.jp/", _JAPANESE_SITE, "text/html")
    name = "Hokuto Precision Parts"  # an English name no reading gives
    assert scripts_differ(name, facts)
    plain = website_score(name, facts, WebsiteSource.SEARCH)
    linked = mark_naming("Hokuto Seiko", facts, _JAPANESE_SITE)
    assert linked == "the site's logo or copyright line names it 'hokuto seiko'"
    lifted = website_score("Hokuto Seiko", facts, WebsiteSource.SEARCH, linked=linked)
    assert plain.confidence < 0.8 <= lifted.confidence


def test_marks_are_not_read_when_name_and_page_share_a_script() -> None:
    html = "<html><head><title>Acme Rockets</title></head><body><p>Hi</p></body></html>"
    facts = extract_facts("https://acme.example/", html, "text/html")
    assert not scripts_differ("Acme Rockets", facts)
    assert mark_naming("Acme Rockets", facts, html) == ""


def test_domain_forms_of_japanese_names_drop_long_vowels_and_marks() -> None:
    japan = RowPlace(country="JP")
    assert '"futabaunso" official website Japan' in website_queries("Futaba Unsou", japan)
    assert '"asukaseisakusho" official website Japan' in website_queries("Asuka Seisakushō", japan)


def test_linkedin_is_also_searched_by_the_usual_latin_spelling_of_a_name() -> None:
    assert search_names("株式会社朝霧電機", []) == ["株式会社朝霧電機", "asagiri denki"]
    assert search_names("Aqjol Qūrylys", [])[1] == "akzhol kurylys"
    assert search_names("Kızılırmak Lojistik", [])[1] == "kizilirmak lojistik"
    assert search_names("Qualcomm Inc", []) == ["Qualcomm Inc"]  # English, not Kazakh


def test_a_dotless_i_reads_as_i_and_kazakh_latin_names_match_informal_domains() -> None:
    assert name_similarity("Kızılırmak Lojistik", "Kizilirmak Lojistik") == 1.0
    assert domain_similarity("Aqjol Qūrylys", "akzholkurylys.kz") >= 0.9
