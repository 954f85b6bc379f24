"""LinkedIn search results: accepted only when something beyond the name agrees."""

from __future__ import annotations

import pytest

from worker.pipeline.confidence.linkedin import Hit, held_for_namesake, judge_hit
from worker.pipeline.confidence.verdict import Score, Verdict, verdict

pytestmark = pytest.mark.unit

FLOOR, ACCEPT = 0.62, 0.8
META_SITE = "Meta Corp sells office furniture to startups in Berlin. Desks, chairs, lamps."


def hit(slug: str, title: str, snippet: str = "") -> Hit:
    return Hit(f"https://www.linkedin.com/company/{slug}", title, snippet)


def judge(
    h: Hit, name: str, domain: str | None, site: str = "", hints: list[str] | None = None
) -> Verdict:
    return verdict(judge_hit(h, name, domain, site, hints or []).confidence, FLOOR, ACCEPT)


CORROBORATED = [
    # The domain in the result.
    (
        hit("meta-corp", "Meta Corp | LinkedIn", "Website: https://meta-corp.net. Furniture."),
        "Meta Corp",
        "meta-corp.net",
        "",
        [],
    ),
    (
        hit("acme-rockets", "Acme Rockets - LinkedIn", "acme-rockets.com · 51-200 employees"),
        "Acme Rockets Inc.",
        "acme-rockets.com",
        "",
        [],
    ),
    (
        hit("romashka", "Ромашка | LinkedIn", "Ромашка. romashka.ru. Чай."),
        "ООО Ромашка",
        "romashka.ru",
        "",
        [],
    ),
    # Place and trade agree with the company's own site.
    (
        hit("metacorp-furniture", "Meta Corp | LinkedIn", "Meta Corp, office furniture, Berlin"),
        "Meta Corp",
        "meta-corp.net",
        META_SITE,
        [],
    ),
    # The row's own columns (a country, a city) agree.
    (
        hit("nordlicht", "Nordlicht GmbH | LinkedIn", "Nordlicht GmbH · Hamburg, Germany"),
        "Nordlicht",
        None,
        "",
        ["Germany", "Hamburg"],
    ),
    # The address is the domain's name, which is not the company's name.
    (
        hit("ibm", "International Business Machines | LinkedIn", "IT services"),
        "International Business Machines",
        "ibm.com",
        "",
        [],
    ),
]


@pytest.mark.parametrize(("h", "name", "domain", "site", "hints"), CORROBORATED)
def test_a_result_that_agrees_with_what_is_known_is_accepted(
    h: Hit, name: str, domain: str | None, site: str, hints: list[str]
) -> None:
    assert judge(h, name, domain, site, hints) is Verdict.ACCEPT, judge_hit(
        h, name, domain, site, hints
    )


NAMESAKES = [
    # A namesake in the same trade: trade words shared with the site prove nothing.
    (
        hit(
            "corrie-textiles",
            "Corrie Textiles | LinkedIn",
            "Corrie Textiles | Textile Mill | Porto, Portugal",
        ),
        "Corrie Textiles",
        "corrie-textiles.co.uk",
        "Corrie Textiles weaves wool cloth in Leeds for tailors across England.",
        [],
    ),
    # Named alike, nothing else: "no page" beats a namesake.
    (hit("meta-corp", "Meta Corp | LinkedIn", ""), "Meta Corp", "meta-corp.net", "", []),
    (
        hit("meta-corp-ca", "Meta Corp | LinkedIn", "Meta Corp · video games · Toronto, Canada"),
        "Meta Corp",
        "meta-corp.net",
        META_SITE,
        [],
    ),
    (
        hit("nordlicht-as", "Nordlicht AS | LinkedIn", "Nordlicht AS · Oslo, Norway · fishing"),
        "Nordlicht",
        None,
        "",
        ["Germany", "Hamburg"],
    ),
    # A sibling brand with a similar address.
    (
        hit("other-meta", "Metamorph Studios | LinkedIn", "games"),
        "Meta Corp",
        "meta-corp.net",
        META_SITE,
        [],
    ),
    (
        hit("acme-rockets-toys", "Acme Rocket Toys | LinkedIn", "toy rockets for kids"),
        "Acme Rockets",
        "acme-rockets.com",
        "",
        [],
    ),
    # The family's page in the company's own city: a group is not its member.
    (
        hit("brenner-druck-sa", "Brenner Druck Group - LinkedIn", "Printing · Kiel, Germany"),
        "Brenner Druck",
        "brenner-druck.de",
        "",
        ["Germany", "Kiel"],
    ),
    (
        hit("volga-trans", "Volga Trans Holding | LinkedIn", "Logistics · Samara, Russia"),
        "ООО Volga Trans",
        None,
        "",
        ["Russia", "Samara"],
    ),
    # A down site: nothing to compare with but the domain, which the result does not name.
    (
        hit("broken-server", "Broken Server Co | LinkedIn", "Hosting in Leeds"),
        "Broken Server Co",
        "broken-server.com",
        "",
        [],
    ),
]


@pytest.mark.parametrize(("h", "name", "domain", "site", "hints"), NAMESAKES)
def test_a_namesake_or_a_sibling_brand_is_not_accepted(
    h: Hit, name: str, domain: str | None, site: str, hints: list[str]
) -> None:
    assert judge(h, name, domain, site, hints) is not Verdict.ACCEPT, judge_hit(
        h, name, domain, site, hints
    )


def test_a_group_row_accepts_its_group_page() -> None:
    group = hit("brenner-gruppe", "Brenner Gruppe | LinkedIn", "Holding · Kiel, Germany")
    assert judge(group, "Brenner Gruppe", None, "", ["Germany", "Kiel"]) is Verdict.ACCEPT


def test_a_result_named_otherwise_scores_nothing() -> None:
    score = judge_hit(
        hit("other-meta", "Metamorph Studios | LinkedIn", "meta-corp.net"),
        "Meta Corp",
        "meta-corp.net",
        "",
    )
    assert score.confidence == 0.0


def test_the_evidence_says_what_agreed() -> None:
    h = hit("metacorp-furniture", "Meta Corp | LinkedIn", "Meta Corp, office furniture, Berlin")
    score = judge_hit(h, "Meta Corp", "meta-corp.net", META_SITE)
    assert "the company's site also names: Berlin" in score.describe()
    alone = judge_hit(h, "Meta Corp", "meta-corp.net", "")
    assert "nothing else corroborates it" in alone.describe()


@pytest.mark.parametrize(
    ("snippet", "hints"),
    [
        ("Transportation, Logistics and Storage | Lyon, France", ["United Kingdom", "Bristol"]),
        ("Dental clinics · Madrid, Spain · 11-50 employees", ["GB"]),
        ("Software · Toronto, Ontario, Canada", ["Ireland", "Dublin"]),
        ("Логистика · Москва, Россия", ["Казахстан"]),
    ],
)
def test_a_namesake_placed_in_another_country_than_the_rows_stays_below_the_line(
    snippet: str, hints: list[str]
) -> None:
    hit = Hit("https://www.linkedin.com/company/flintridge", "Flintridge | LinkedIn", snippet)
    site = "Flintridge runs Storage, Logistics and Software for Dental clinics in Toronto."
    score = judge_hit(hit, "Flintridge", "flintridge.co.uk", site, hints)
    assert score.confidence < 0.5
    assert any(e.startswith("places the company in") for e in score.evidence)


@pytest.mark.parametrize(
    ("snippet", "hints"),
    [
        ("Logistics | Lyon, France | flintridge.fr", ["France", "Lyon"]),
        ("Offices in London, United Kingdom and Paris, France", ["United Kingdom"]),
        ("Logistics | Lyon", ["Germany"]),
        ("Logistics | Lyon, France", []),
    ],
)
def test_the_rows_own_country_or_no_country_is_no_conflict(snippet: str, hints: list[str]) -> None:
    hit = Hit("https://www.linkedin.com/company/flintridge", "Flintridge | LinkedIn", snippet)
    score = judge_hit(hit, "Flintridge", "flintridge.fr", "", hints)
    assert not any(e.startswith("places the company in") for e in score.evidence)


def test_a_namesake_in_a_same_named_city_abroad_is_placed_by_its_state() -> None:
    """Cambridge, England is not Cambridge, Massachusetts: the state after the city places
    the result in another country than the row's."""
    abroad = judge_hit(
        hit(
            "oakhaven-brewing", "Oakhaven Brewing | LinkedIn", "Brewing · Cambridge, Massachusetts"
        ),
        "Oakhaven Brewing",
        "oakhaven-brewing.co.uk",
        "",
        ["United Kingdom", "Cambridge"],
    )
    assert abroad.confidence < 0.62
    assert "places the company in United States" in abroad.describe()
    home = judge_hit(
        hit("oakhaven-brewing", "Oakhaven Brewing | LinkedIn", "Brewing · Cambridge, England"),
        "Oakhaven Brewing",
        "oakhaven-brewing.co.uk",
        "",
        ["United Kingdom", "Cambridge"],
    )
    assert home.confidence >= 0.8


def test_a_country_code_and_a_cyrillic_city_agree_with_a_result_in_english() -> None:
    found = judge_hit(
        hit("kama-stroymaterialy-ru", "Kama Stroymaterialy | LinkedIn", "Retail · Kazan, Russia"),
        "ООО «Кама Стройматериалы»",
        "kama-stroymaterialy.ru",
        "",
        ["RU", "Казань"],
    )
    assert found.confidence >= 0.8
    assert "agrees with the row: RU, Казань" in found.describe()


def test_the_rows_line_of_business_alone_does_not_corroborate_a_namesake() -> None:
    """Namesakes are mostly in the same trade (it is often in the name): the industry
    column agreeing is not enough, a place or the domain still has to."""
    namesake = hit(
        "lumikko-rakennus",
        "Lumikko Rakennus - LinkedIn",
        "Lumikko Rakennus | 158 followers on LinkedIn. Construction · Bergen",
    )
    score = judge_hit(namesake, "Lumikko Rakennus", None, "", [], ["Construction"])
    assert verdict(score.confidence, FLOOR, ACCEPT) is not Verdict.ACCEPT, score
    assert "the row's line of business: Construction" in score.evidence
    own = hit(
        "lumikko-rakennus",
        "Lumikko Rakennus - LinkedIn",
        "Lumikko Rakennus | 158 followers on LinkedIn. Construction · Tampere",
    )
    placed = judge_hit(own, "Lumikko Rakennus", None, "", ["Finland", "Tampere"], ["Construction"])
    assert verdict(placed.confidence, FLOOR, ACCEPT) is Verdict.ACCEPT, placed
    assert placed.confidence > judge_hit(own, "Lumikko Rakennus", None, "", ["Tampere"]).confidence


@pytest.mark.parametrize(
    ("name", "slug", "domain"),
    [
        ("Đông Á Thực Phẩm", "dong-a-thuc-pham", "dongathucpham.vn"),
        ("Østervang Revision", "ostervang-revision", "ostervangrevision.dk"),
    ],
)
def test_a_slug_that_is_the_name_without_its_accents_is_only_the_name(
    name: str, slug: str, domain: str
) -> None:
    """Every namesake's page is addressed so: it is no sign of the company's own domain."""
    namesake = hit(slug, f"{name} - LinkedIn", "23 followers on LinkedIn. Accounting · Turku")
    score = judge_hit(namesake, name, domain, "")
    assert not any(e.startswith("its address is the domain's name") for e in score.evidence)
    assert verdict(score.confidence, FLOOR, ACCEPT) is not Verdict.ACCEPT, score


def test_the_names_own_word_spelled_without_accents_is_not_a_shared_place() -> None:
    namesake = hit("granasen-regnskap", "Granåsen Regnskap - LinkedIn", "Accounting · Aalborg")
    site = "Siden 2004 har Granåsen Regnskap holdt til i Bergen."
    score = judge_hit(namesake, "Granasen Regnskap", "granasen-regnskap.no", site)
    assert not any(e.startswith("the company's site also names") for e in score.evidence)
    assert verdict(score.confidence, FLOOR, ACCEPT) is not Verdict.ACCEPT, score


def test_a_page_sharing_only_the_trade_word_of_the_name_gains_nothing_from_the_industry() -> None:
    other = hit(
        "korosviz-gepgyarto",
        "Hegyköz Építő Kft. - LinkedIn",
        "Hegyköz Építő Kft. | 64 followers on LinkedIn. Construction · Szeged",
    )
    score = judge_hit(other, "Kőrösvíz Építő Kft.", None, "", ["Szeged"], ["Construction"])
    assert not any(e.startswith("the row's line of business") for e in score.evidence)
    assert verdict(score.confidence, FLOOR, ACCEPT) is not Verdict.ACCEPT, score


def test_twins_pages_of_one_city_are_held_unless_the_rows_industry_tells_them_apart() -> None:
    accounts = hit("nordvik-partners", "Nordvik Partners", "Nordvik Partners · Accounting · Aarhus")
    cider = hit("nordvik-partners-dk", "Nordvik Partners", "Nordvik Partners · Cider · Aarhus")
    hints = ["Denmark", "Aarhus"]

    def scored(trades: list[str]) -> dict[str, Score]:
        return {
            h.url: judge_hit(h, "Nordvik Partners", None, "", hints, trades)
            for h in (accounts, cider)
        }

    alike = scored([])
    held = held_for_namesake(accounts.url, alike[accounts.url], alike, ACCEPT)
    assert verdict(held.confidence, FLOOR, ACCEPT) is Verdict.REVIEW
    assert f"a namesake's page is as plausible ({cider.url})" in held.evidence
    told = scored(["Accounting"])
    kept = held_for_namesake(accounts.url, told[accounts.url], told, ACCEPT)
    assert kept == told[accounts.url]
    assert verdict(kept.confidence, FLOOR, ACCEPT) is Verdict.ACCEPT


def test_a_sister_companys_slug_is_no_close_name() -> None:
    # The brand's other trade, in a slug whose legal form reads as the row's is left out.
    hit = Hit(
        "https://www.linkedin.com/company/ege-yildizi-gida-san-ve-tic-a-s",
        "Ege Yıldızı Gıda San. ve Tic. A.Ş. | Company Page",
        "Ege Yıldızı Gıda | 11-50 employees on LinkedIn. Food Production. Bursa, Turkey.",
    )
    for name in ("Ege Yıldızı İnşaat Ltd. Şti.", "Ege Yildizi Insaat Ltd Sti"):
        score = judge_hit(hit, name, "egeyildiziinsaat.com.tr", "Bursa", ["Turkey", "Bursa"])
        assert score.confidence == 0.0, score


@pytest.mark.parametrize(
    ("url", "title", "name"),
    [
        (
            "https://www.linkedin.com/company/dameco-cong-ty-co-phan-co-khi-dong-a",
            "DAMECO | LinkedIn",
            "Công ty Cổ phần Cơ khí Đông Á",
        ),
        (
            "https://www.linkedin.com/company/sdt-vn",
            "SONGDA Công ty TNHH Sông Đà Thép | LinkedIn",
            "Công ty TNHH Sông Đà Thép",
        ),
        (
            "https://www.linkedin.com/company/indomaret-pt-indomarco-prismatama",
            "Indomaret | LinkedIn",
            "PT Indomarco Prismatama",
        ),
    ],
)
def test_a_brand_before_the_legal_form_a_name_starts_with_reads_the_name_after_it(
    url: str, title: str, name: str
) -> None:
    # The row's key leaves out the leading legal form; a slug or title writing a brand
    # before it writes the company's full name after it.
    hit = Hit(url, title, "Manufacturing · Da Nang, Vietnam · Jakarta, Indonesia")
    score = judge_hit(hit, name, None, "", ["Vietnam", "Indonesia"])
    assert score.confidence >= 0.8, score
    assert "name match 1.00" in score.evidence[0]


def test_a_brand_before_a_legal_form_does_not_make_another_company_the_name() -> None:
    hit = Hit(
        "https://www.linkedin.com/company/dameco-cong-ty-co-phan-co-khi-dong-a",
        "DAMECO | LinkedIn",
        "Machinery Manufacturing · Da Nang, Vietnam",
    )
    score = judge_hit(hit, "Công ty Cổ phần Cơ khí Miền Nam", None, "", ["Vietnam"])
    assert score.confidence < 0.8, score
