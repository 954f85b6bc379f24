"""Website confidence from page evidence, over many page templates and wordings."""

from __future__ import annotations

import json

import pytest

from worker.pipeline.confidence.verdict import Verdict, verdict
from worker.pipeline.confidence.website import PARENT_CAP, WebsiteSource, website_score
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts

pytestmark = pytest.mark.unit

FLOOR, ACCEPT = 0.62, 0.8
SEARCH, GIVEN, REDIRECT = WebsiteSource.SEARCH, WebsiteSource.GIVEN, WebsiteSource.REDIRECT


def page(url: str, title: str, body: str = "", head: str = "") -> PageFacts:
    html = f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    return extract_facts(url, html, "text/html")


def og(site_name: str) -> str:
    return f'<meta property="og:site_name" content="{site_name}">'


def ld(**organization: object) -> str:
    data = {"@context": "https://schema.org", "@type": "Organization", **organization}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def judged(name: str, facts: PageFacts, source: WebsiteSource = SEARCH) -> Verdict:
    return verdict(website_score(name, facts, source).confidence, FLOOR, ACCEPT)


OWN_SITES = [
    ("ООО Ромашка", page("https://romashka.ru/", "Ромашка — чай с собственных полей")),
    (
        "Zenith Analytics",
        page("https://zenith-analytics.com/", "Home", head=og("Zenith Analytics")),
    ),
    (
        "Acme Rockets Inc.",
        page(
            "https://acme-rockets.com/", "Acme Rockets | Launch", head=ld(name="Acme Rockets Inc.")
        ),
    ),
    ("Blue Widgets", page("https://bluewidgets.de/", "Blue Widgets — widgets for factories")),
    ("Kettle & Co", page("https://kettleandco.co.uk/", "Kettle & Co: tea rooms in York")),
    ("Nordlicht GmbH", page("https://nordlicht.de/", "Startseite", head=og("Nordlicht"))),
    ("Bandai Namco", page("https://bandainamcoent.eu/", "Bandai Namco Entertainment Europe")),
    (
        "Helios Labs",
        page(
            "https://helioslabs.io/",
            "Welcome",
            head=ld(name="Helios Labs", legalName="Helios Labs Ltd"),
        ),
    ),
    # Titled in its own script; the headline gives its English name in brackets.
    (
        "Kiso Kensetsu Co., Ltd.",
        page(
            "https://kiso-kensetsu.co.jp/",
            "株式会社木曽建設",
            body="<h1>株式会社木曽建設 (Kiso Kensetsu Co., Ltd.)</h1><p>住宅の設計・施工。</p>",
        ),
    ),
]


@pytest.mark.parametrize(("name", "facts"), OWN_SITES)
def test_a_site_that_names_itself_like_the_company_is_accepted(name: str, facts: PageFacts) -> None:
    assert judged(name, facts) is Verdict.ACCEPT, website_score(name, facts, SEARCH)


DOUBTFUL = [
    # Named like the company in the title, on a domain that says nothing of the name.
    ("Orbit Software", page("https://os-digital.net/", "Orbit Software")),
    ("ООО Ромашка", page("https://vasilek-tea.ru/", "Ромашка — чай с собственных полей")),
    ("Kettle & Co", page("https://yorkteas.co.uk/", "Kettle & Co: tea rooms in York")),
    # The name appears in the text only, on a site with a matching domain.
    ("Nimbus Print", page("https://nimbusprint.com/", "Welcome", "<p>Nimbus Print is here.</p>")),
]


@pytest.mark.parametrize(("name", "facts"), DOUBTFUL)
def test_a_site_with_one_piece_of_evidence_is_for_review(name: str, facts: PageFacts) -> None:
    assert judged(name, facts) is Verdict.REVIEW, website_score(name, facts, SEARCH)


OTHERS = [
    ("Zenith Analytics", page("https://zenith-tours.com/", "Zenith Tours | Travel agency")),
    ("Nowhere Widgets", page("https://megacorp.com/", "MegaCorp | Enterprise software")),
    ("Acme Rockets", page("https://acmerockets.net/", "Home", head=og("Rocket Parts Direct"))),
    (
        "Helios Labs",
        page("https://sunny.io/", "Sunny", "<p>Our partners: Helios Labs.</p>", og("Sunny Energy")),
    ),
    ("Delta Logistics", page("https://example-news.com/", "News", "<p>Markets closed higher.</p>")),
]


@pytest.mark.parametrize(("name", "facts"), OTHERS)
def test_a_site_of_someone_else_is_rejected(name: str, facts: PageFacts) -> None:
    assert judged(name, facts) is Verdict.REJECT, website_score(name, facts, SEARCH)


REBRANDED = [
    page(
        "https://newbrand.io/",
        "NewBrand — cloud backups",
        "<p>NewBrand (formerly OldBrand) keeps backups.</p>",
    ),
    page(
        "https://newbrand.io/",
        "Home",
        "<p>Backups.</p>",
        og("NewBrand") + ld(name="NewBrand", alternateName="OldBrand"),
    ),
    page(
        "https://newbrand.io/",
        "NewBrand",
        "<p>OldBrand is now NewBrand: same team, new name.</p>",
        og("NewBrand"),
    ),
    page(
        "https://newbrand.io/",
        "NewBrand",
        "<p>OldBrand ist jetzt NewBrand, ehemals OldBrand.</p>",
        og("NewBrand"),
    ),
]


@pytest.mark.parametrize("facts", REBRANDED)
def test_a_renamed_company_is_accepted_with_evidence_linking_the_names(facts: PageFacts) -> None:
    assert judged("OldBrand", facts) is Verdict.ACCEPT, website_score("OldBrand", facts, SEARCH)
    assert judged("OldBrand", facts, REDIRECT) is Verdict.ACCEPT


@pytest.mark.parametrize(
    "note",
    ["Formerly trading as OldBrand.", "Aiemmin OldBrand Oy.", "Sebelumnya bernama OldBrand."],
)
def test_a_rename_said_in_the_footer_links_the_names(note: str) -> None:
    body = (
        "<main><p>NewBrand installs solar mini-grids for clinics and schools.</p></main>"
        f"<footer><p>{note}</p><div>Lagos</div></footer>"
    )
    facts = page("https://newbrand.io/", "NewBrand", body)
    assert "OldBrand" not in facts.main_text
    assert judged("OldBrand", facts, REDIRECT) is Verdict.ACCEPT
    plain = page("https://newbrand.io/", "NewBrand", body.replace(note, "Lagos office."))
    assert judged("OldBrand", plain, REDIRECT) is Verdict.REJECT


def test_the_same_new_brand_without_evidence_is_not_the_company() -> None:
    facts = page("https://newbrand.io/", "NewBrand", "<p>Customers: OldBrand.</p>", og("NewBrand"))
    assert judged("OldBrand", facts) is Verdict.REJECT
    assert judged("OldBrand", facts, REDIRECT) is Verdict.REJECT


def test_a_subsidiary_prefers_its_own_site_over_its_group() -> None:
    group = page(
        "https://acme-group.com/",
        "Acme Group",
        "<p>Our companies: Acme Robotics, Acme Logistics and Acme Energy.</p>",
        og("Acme Group"),
    )
    own = page("https://acme-robotics.com/", "Acme Robotics | Industrial arms")
    parent = website_score("Acme Robotics", group, SEARCH)
    child = website_score("Acme Robotics", own, SEARCH)
    assert parent.confidence <= PARENT_CAP < ACCEPT
    assert child.confidence > parent.confidence
    assert "part of its group" in parent.describe()


def test_a_given_site_is_sure_when_it_names_the_company() -> None:
    named = page("https://acme-rockets.com/", "Acme Rockets", head=og("Acme Rockets"))
    silent = page("https://acme-rockets.com/", "Home", "<p>Welcome.</p>")
    other = page("https://acme-rockets.com/", "Home", head=og("Zebra Foods"))
    assert website_score("Acme Rockets", named, GIVEN).confidence >= 0.95
    assert judged("Acme Rockets", silent, GIVEN) is Verdict.ACCEPT
    assert judged("Acme Rockets", other, GIVEN) is not Verdict.ACCEPT
    unread = website_score("Acme Rockets", None, GIVEN)
    assert unread.confidence == 0.8
    assert unread.evidence == ("given in the input",)


def test_more_agreeing_evidence_never_lowers_confidence() -> None:
    bare = page("https://zenith-analytics.com/", "Zenith Analytics")
    linked = page(
        "https://zenith-analytics.com/",
        "Zenith Analytics",
        "<a href='https://www.linkedin.com/company/zenith-analytics'>in</a>",
        og("Zenith Analytics"),
    )
    first = website_score("Zenith Analytics", bare, SEARCH)
    second = website_score("Zenith Analytics", linked, SEARCH)
    assert second.confidence > first.confidence
    assert "links a profile named like the company" in second.describe()


def test_context_terms_found_on_the_page_add_confidence() -> None:
    facts = page("https://orbitsw.net/", "Orbit Software", "<p>Game engines and launchers.</p>")
    without = website_score("Orbit Software", facts, SEARCH)
    with_terms = website_score("Orbit Software", facts, SEARCH, ["game", "launchers"])
    assert with_terms.confidence > without.confidence
    assert "context terms 2/2" in with_terms.describe()


NAMELESS = [
    page("https://nemunelis-statyba.lt/", "nemunelis-statyba.lt", "<h1>nemunelis-statyba.lt</h1>"),
    page("https://www.kaarna-rakennus.fi/", "www.kaarna-rakennus.fi", "<div id=pk></div>"),
    page(
        "https://kaarnarakennus.fi/",
        "kaarnarakennus.fi",
        "<h2>kaarnarakennus.fi</h2><p>This domain has been reserved. Coming soon.</p>",
    ),
]


@pytest.mark.parametrize("facts", NAMELESS, ids=lambda facts: facts.url)
def test_a_page_naming_nothing_but_its_domain_goes_to_review_even_when_given(
    facts: PageFacts,
) -> None:
    name = "Kaarna Rakennus" if "kaarna" in facts.url else "Nemunėlis Statyba"
    for source in (GIVEN, SEARCH):
        score = website_score(name, facts, source, url=facts.url)
        assert verdict(score.confidence, FLOOR, ACCEPT) is not Verdict.ACCEPT, score
        assert "the page names nothing but its domain" in score.evidence


def test_a_page_titled_with_its_domain_that_names_the_company_is_accepted() -> None:
    facts = page(
        "https://kaarnarakennus.fi/",
        "kaarnarakennus.fi",
        "<h1>Kaarna Rakennus</h1><p>Kaarna Rakennus rakentaa omakotitaloja Oulussa.</p>",
    )
    score = website_score("Kaarna Rakennus", facts, GIVEN, url=facts.url)
    assert verdict(score.confidence, FLOOR, ACCEPT) is Verdict.ACCEPT, score
    titled = page("https://kaarnarakennus.fi/", "kaarnarakennus.fi", "<p>Talot ja remontit.</p>")
    mentioned = website_score("Kaarna Rakennus", titled, GIVEN, url=titled.url)
    assert "the page names nothing but its domain" in mentioned.evidence
