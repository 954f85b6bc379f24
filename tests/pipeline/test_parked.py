"""Parked and for-sale domains: the labelled corpus, and each signal on its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worker.pipeline.stages.page.page_facts import extract_facts
from worker.pipeline.stages.page.parked import judge, parking_reason
from worker.pipeline.stages.page.parked import redirects as parked_redirects
from worker.pipeline.stages.page.parked import signals as parked_signals
from worker.pipeline.stages.page.parked.signals import Landing, Signal

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).parent / "parked_corpus"
LABELS = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))


def landing(
    url: str, body: str, title: str = "", head: str = "", redirects: tuple[str, ...] = ()
) -> Landing:
    html = f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    return Landing(url, extract_facts(url, html), redirects)


def names(found: Signal | None) -> str:
    return found.name if found else ""


FILLER = "<p>" + "We repair bicycles, sell spare parts and run weekend courses. " * 40 + "</p>"


def test_the_corpus_is_large_and_varied_enough() -> None:
    parked = [label for label in LABELS if label["parked"]]
    ordinary = [label for label in LABELS if not label["parked"]]
    assert len(parked) >= 25
    assert len(ordinary) >= 25
    assert len({label["style"] for label in LABELS}) == len(LABELS)


@pytest.mark.parametrize("label", LABELS, ids=[label["file"] for label in LABELS])
def test_every_corpus_page_gets_its_label(label: dict[str, object]) -> None:
    url = str(label["url"])
    html = (CORPUS / str(label["file"])).read_text(encoding="utf-8")
    redirects = tuple(str(hop) for hop in label["redirects"])  # type: ignore[attr-defined]
    verdict = judge(url, extract_facts(url, html), redirects)
    assert verdict.parked is label["parked"], verdict


def test_a_parked_verdict_gives_its_reasons_strongest_first() -> None:
    page = landing(
        "https://kettleworks.io/",
        "<h1>kettleworks.io</h1><p>This domain is for sale.</p>",
        title="kettleworks.io",
    )
    reason = parking_reason(page.url, page.facts)
    assert reason is not None
    assert reason.startswith("parked domain page: says the domain is for sale")
    assert "the title is just the domain name" in reason
    assert "almost no content" in reason


def test_shape_alone_never_makes_a_page_parked() -> None:
    page = landing(
        "https://quillstone.com/", "<h1>quillstone.com</h1><p>Call us.</p>", "quillstone.com"
    )
    verdict = judge(page.url, page.facts)
    assert verdict.score >= 1.0
    assert not verdict.parked
    assert parking_reason(page.url, page.facts) is None


def test_one_domain_sentence_on_a_rich_page_is_not_enough() -> None:
    body = "<h1>Spokes</h1><p>You can list your domain for sale with our partners.</p>" + FILLER
    page = landing("https://spokes.com/", body, "Spokes bicycle workshop")
    assert parked_signals.sale_wording(page) is not None
    assert not judge(page.url, page.facts).parked


def test_landing_on_a_marketplace_after_a_redirect_is_decisive() -> None:
    page = landing(
        "https://sedo.com/search/details/?domain=vantage-grid.com",
        FILLER,
        redirects=("https://vantage-grid.com/",),
    )
    assert names(parked_redirects.landed_on_marketplace(page)) == "marketplace_redirect"
    assert judge(page.url, page.facts, page.redirects).parked


def test_a_marketplace_own_site_is_not_parked_on_its_own_domain() -> None:
    direct = landing("https://www.godaddy.com/", FILLER, "GoDaddy")
    assert parked_redirects.landed_on_marketplace(direct) is None
    sibling = landing("https://dan.com/", FILLER, redirects=("https://dan.me/",))
    assert parked_redirects.landed_on_marketplace(sibling) is None


def test_a_marketplace_listing_given_as_the_website_is_parked() -> None:
    body = "<h1>kettleworks.io</h1><p>This domain name is for sale. Buy now.</p>"
    page = landing("https://dan.com/buy-domain/kettleworks.io", body, "kettleworks.io | Dan")
    assert names(parked_redirects.landed_on_marketplace(page)) == "marketplace_listing"
    assert judge(page.url, page.facts).parked
    home = landing("https://dan.com/", body, "Dan.com")
    assert parked_redirects.landed_on_marketplace(home) is None


def test_a_redirect_to_a_ww1_lander_of_the_same_domain_counts() -> None:
    page = landing(
        "http://ww1.copperleaf-media.com/",
        "<p>ads</p>",
        redirects=("https://copperleaf-media.com/",),
    )
    assert names(parked_redirects.landed_on_marketplace(page)) == "lander_redirect"


def test_a_redirect_to_a_page_named_after_the_given_domain_on_an_unknown_broker_counts() -> None:
    body = (
        "<h1>brightwell-tools.fi is available</h1><p>Make an offer or buy it now.</p>"
        "<form><input name=offer><button>Offer</button></form>"
    )
    page = landing(
        "https://www.quillmart-exchange.com/d/brightwell-tools.fi/",
        body,
        "brightwell-tools.fi | Quillmart",
        redirects=("http://www.brightwell-tools.fi/",),
    )
    assert names(parked_redirects.landed_on_marketplace(page)) == "redirect_about_domain"
    assert judge(page.url, page.facts, page.redirects).parked
    on_a_broker = landing(
        "https://names-for-sale.example/brightwell-tools.fi",
        "<p>Available.</p>",
        redirects=("https://brightwell-tools.fi/",),
    )
    assert names(parked_redirects.landed_on_marketplace(on_a_broker)) == "listing_redirect"


def test_a_listing_headed_by_the_given_domain_after_a_redirect_is_parked() -> None:
    # A broker's page about the old domain: no sale words it knows, but its headline is
    # the domain the visitor came from.
    body = (
        "<h1>tidewater-crafts.co.id</h1><p>This premium name is available now. Instant "
        "checkout, payment plans, free transfer assistance.</p><a href=/checkout>Buy</a>"
    )
    page = landing(
        "https://www.brightname-exchange.example/d/tidewater-crafts.co.id/",
        body,
        "tidewater-crafts.co.id is available | Brightname",
        redirects=("https://tidewater-crafts.co.id/",),
    )
    assert names(parked_signals.headline_is_domain(page)) == "headline_is_domain"
    assert judge(page.url, page.facts, page.redirects).parked
    # Not reached by a redirect, the same headline names another domain.
    direct = landing("https://www.brightname-exchange.example/d/x/", body)
    assert parked_signals.headline_is_domain(direct) is None


def test_a_company_that_moved_is_not_a_page_about_its_old_domain() -> None:
    moved = landing(
        "https://northgate-tools.fi/?ref=brightwell-tools.fi",
        FILLER,
        "Northgate Tools",
        redirects=("https://brightwell-tools.fi/",),
    )
    assert parked_redirects.landed_on_marketplace(moved) is None
    assert not judge(moved.url, moved.facts, moved.redirects).parked


TO_SEDO = '<meta http-equiv="refresh" content="0;url=https://sedo.com/x?domain=a.com">'
TO_DAN = "<script>window.location.href = 'https://dan.com/buy-domain/a.com';</script>"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (TO_SEDO, "", "marketplace_refresh"),
        ("", TO_DAN, "marketplace_refresh"),
        ("", '<script>window.location.replace("/lander")</script>', "lander_refresh"),
        ("", '<script>location.assign("https://a.com/?domain=a.com")</script>', "lander_refresh"),
        ("", '<script>location.href = "/login?next=https://a.com/app";</script>', ""),
        ("", '<script>location.href = "/parking/";</script>', ""),
        ('<meta http-equiv="refresh" content="0; url=/en/">', "", ""),
        ("", '<script>window.location.href = "/en/dashboard";</script>', ""),
        # Brokers and parking services the host list does not know: the target names the
        # domain at a selling address, or on a host whose name says it sells domains.
        (
            '<meta http-equiv="refresh" content="0;url=https://x-exchange.io/buy/a.com">',
            "",
            "listing_refresh",
        ),
        ("", "<script>location.href='https://newname.com/'</script>", ""),
        ("", "<script>location.href='https://domainhub.io/'</script>", ""),
    ],
)
def test_script_and_meta_refresh_redirects(head: str, body: str, expected: str) -> None:
    page = landing("https://a.com/", body, head=head)
    assert names(parked_redirects.script_redirect(page)) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("top.location.assign(`https://names-parking.net/?s=a.com`)", "listing_refresh"),
        ("document.location = 'https://domainhub.io/p/a.com'", "listing_refresh"),
        ("location.href='https://newname.com/?from=a.com'", "domain_page_refresh"),
        ("location.href='https://domainhub.io/listing/other.com'", "domain_page_refresh"),
        ("location.href='https://newname.com/'", ""),
        ("location.href='https://domainhub.io/'", ""),
    ],
)
def test_script_redirects_to_unknown_brokers(script: str, expected: str) -> None:
    page = landing("https://a.com/", f"<script>{script}</script>")
    assert names(parked_redirects.script_redirect(page)) == expected


def test_a_company_that_moved_is_not_parked_by_its_script_redirect() -> None:
    body = (
        "<p>Oldmill Coffee is now Millstone Roasters.</p><script>location.href="
        "'https://millstone.com/?from=oldmill.com'</script>"
    )
    page = landing("https://oldmill.com/", body, title="Oldmill Coffee is now Millstone")
    assert not judge(page.url, page.facts).parked


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Domänen {d} är till salu. Lämna ett bud.", "sv"),
        ("Tato doména je na prodej.", "cs"),
        ("Το όνομα τομέα {d} διατίθεται προς πώληση.", "el"),
        ("הדומיין {d} עומד למכירה.", "he"),
        ("اسم النطاق {d} معروض للبيع.", "ar"),
        ("โดเมน {d} พร้อมขาย", "th"),
        ("이 도메인은 판매 중입니다.", "ko"),
        ("Tên miền {d} đang được rao bán.", "vi"),
        ("Ez a domain eladó!", "hu"),
        ("Sie möchten {d} erwerben? Senden Sie uns Ihren Preisvorschlag.", "de"),
        ("Ce nom de domaine a expiré. Renouvelez-le.", "fr"),
        ("Die Registrierung von {d} ist abgelaufen. Verlängern Sie jetzt.", "de"),
        ("Rejestracja {d} wygasła.", "pl"),
        ("The registration has expired and is in its grace period. Registrant: renew it.", "en"),
        ("Domeen {d} on müügil. Ootame pakkumisi.", "et"),
        ("Domēns {d} ir pārdošanā.", "lv"),
        ("Kikoa {d} kinauzwa. Wasiliana nasi.", "sw"),
        ("{d} domeni satılır. Təklif göndərin.", "az"),
        ("{d} domeni sotuvda. Taklif yuboring.", "uz"),
        ("የድር ስም {d} ለሽያጭ ቀርቧል።", "am"),
        ("ដែន {d} កំពុងលក់។", "km"),
    ],
)
def test_sale_and_expiry_notices_in_many_languages_park_a_bare_page(text: str, lang: str) -> None:
    domain = "brightmill.com"
    body = f"<h1>{domain}</h1><p>{text.format(d=domain)}</p>"
    page = landing(f"https://{domain}/", body, title=domain)
    verdict = judge(page.url, page.facts)
    assert verdict.parked, (lang, verdict)


@pytest.mark.parametrize(
    "text",
    [
        "Bilar till salu: Volvo V60, 189 000 kr. Vi köper din bil.",
        "דירות למכירה ולהשכרה בחיפה. השאירו פרטים ונחזור אליכם.",
        "Activăm în domeniul imobiliar: apartamente de vânzare în Cluj.",
        "Domain kaufen ab 0,99 €. Abgelaufene Domains verlängern Sie in der Karenzzeit.",
        "Has your policy expired? Renew it now: every policy has a grace period.",
    ],
)
def test_selling_and_renewal_words_of_a_named_company_do_not_park_it(text: str) -> None:
    page = landing("https://lindqvist.se/", f"<h1>Lindqvist</h1><p>{text}</p>", title="Lindqvist")
    assert not judge(page.url, page.facts).parked


def test_a_marketplace_listing_in_a_frame_is_decisive() -> None:
    frame = "<iframe src='https://www.afternic.com/forsale/harbourline.net'></iframe>"
    page = landing("https://harbourline.net/", frame)
    assert names(parked_redirects.marketplace_frame(page)) == "marketplace_frame"
    assert judge(page.url, page.facts).parked
    maps = landing("https://cafe.no/", "<iframe src='https://www.google.com/maps/embed'></iframe>")
    assert parked_redirects.marketplace_frame(maps) is None


@pytest.mark.parametrize(
    ("href", "expected", "centric"),
    [
        ("https://www.afternic.com/forsale/pinecrest.com?traffic=1", "listing_link", True),
        ("https://sedo.com/search/details/?domain=pinecrest.com", "listing_link", True),
        ("https://www.hugedomains.com/domain_profile.cfm?d=other", "marketplace_link", True),
        ("https://porkbun.com/", "registrar_link", False),
        ("https://example.org/pinecrest.com", "", False),
    ],
)
def test_links_to_marketplaces(href: str, expected: str, centric: bool) -> None:
    page = landing("https://pinecrest.com/", f"<a href='{href}'>link</a>")
    found = parked_signals.marketplace_links(page)
    assert names(found) == expected
    assert (found.domain_centric if found else False) is centric


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<script src="https://www.parkingcrew.net/assets/js3.js"></script>', "parking_script"),
        ('<script src="https://www.google.com/adsense/domains/caf.js"></script>', "parking_script"),
        ("<script>var pageOptions = {'pubId': 'dp-sedo81_3ph'};</script>", "parking_script"),
        ('<script src="/static/js/main.js"></script><script>var x = 1;</script>', ""),
    ],
)
def test_parking_scripts(head: str, expected: str) -> None:
    page = landing("https://a.com/", "", head=head)
    assert names(parked_signals.parking_scripts(page)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "This domain may be for sale",
        "Buy this domain",
        "Make an offer on this domain",
        "Diese Domain steht zum Verkauf",
        "Ce nom de domaine est à vendre",
        "Este dominio está a la venta",
        "Questo dominio è in vendita",
        "Este domínio está à venda",
        "Deze domeinnaam is te koop",
        "Этот домен продаётся",
        "Ta domena jest na sprzedaż",
        "Bu alan adı satılıktır",
        "このドメインは販売中です",
        "该域名正在出售",
    ],
)
def test_sale_wording_in_the_major_languages(text: str) -> None:
    page = landing("https://a.com/", f"<p>{text}</p>")
    assert names(parked_signals.sale_wording(page)) == "sale_wording"


@pytest.mark.parametrize(
    "text",
    ["Homes for sale and for lease", "Bikes for sale. Make an offer!", "Wohnungen zu verkaufen"],
)
def test_ordinary_selling_words_are_weak_and_not_about_the_domain(text: str) -> None:
    page = landing("https://a.com/", f"<p>{text}</p>")
    assert parked_signals.sale_wording(page) is None
    found = parked_signals.selling_words(page)
    assert found is not None
    assert not found.domain_centric
    assert found.weight < 0.5


def test_parking_wording() -> None:
    page = landing("https://a.com/", "<p>This Web page is parked FREE, courtesy of GoDaddy.</p>")
    assert names(parked_signals.parking_wording(page)) == "parking_wording"
    assert parked_signals.parking_wording(landing("https://a.com/", "<p>Park here.</p>")) is None


def test_the_own_domain_beside_a_sale_word_in_any_script() -> None:
    page = landing("https://zentrova.com/", "<p>Zentrova.com is available for purchase.</p>")
    assert names(parked_signals.own_domain_for_sale(page)) == "domain_named_for_sale"
    idn = landing(
        "https://xn--mhlbach-feinkost-jzb.de/", "<p>mühlbach-feinkost.de jetzt kaufen</p>"
    )
    assert names(parked_signals.own_domain_for_sale(idn)) == "domain_named_for_sale"
    other = landing("https://zentrova.com/", "<p>Write to hello@zentrova.com about our tea.</p>")
    assert parked_signals.own_domain_for_sale(other) is None


def test_title_and_headline_that_are_just_the_domain() -> None:
    page = landing("https://www.quartzline.co/", "<h1>QuartzLine.co</h1>", "www.quartzline.co")
    assert names(parked_signals.title_is_domain(page)) == "title_is_domain"
    assert names(parked_signals.headline_is_domain(page)) == "headline_is_domain"
    named = landing("https://quartzline.co/", "<h1>QuartzLine</h1>", "QuartzLine | Quartz tiles")
    assert parked_signals.title_is_domain(named) is None
    assert parked_signals.headline_is_domain(named) is None


def test_offer_forms() -> None:
    form = "<form><input name='offer_amount'><input name='email'></form>"
    assert names(parked_signals.offer_form(landing("https://a.com/", form))) == "offer_form"
    search = "<form><input name='q' placeholder='Search'></form>"
    assert parked_signals.offer_form(landing("https://a.com/", search)) is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("", "almost_no_content"),
        ("<p>" + "word " * 30 + "</p>", "little_content"),
        ("<p>" + "word " * 100 + "</p>", ""),
        ("<p>" + "word " * 200 + "</p>", "some_content"),
        (FILLER, "substantial_content"),
        (FILLER * 3, "long_content"),
    ],
)
def test_content_amount(body: str, expected: str) -> None:
    found = parked_signals.content_amount(landing("https://a.com/", body))
    assert names(found) == expected
    if found and expected in ("some_content", "substantial_content", "long_content"):
        assert found.weight < 0


@pytest.mark.parametrize(
    "offer",
    [
        "Own {d} today! Lease to own from $137/month.",
        "{d} - payment plans available, or buy it outright.",
        "Pay for www.{d} in 12 monthly installments.",
        "This domain can be yours from €49 per month.",
        "{d}: ab 89 € pro Monat im Mietkauf.",
        "{d} en location-vente, 36 mensualités.",
        "{d}: pago a plazos sin intereses.",
        "{d} в рассрочку, от 3 900 руб. в месяц.",
        "{d} 分割払い 月額 9,800円",
        "{d} 支持分期付款",
    ],
)
def test_the_domain_offered_on_monthly_terms_is_a_domain_centric_signal(offer: str) -> None:
    page = landing("https://harbourline.com/", f"<p>{offer.format(d='harbourline.com')}</p>")
    found = parked_signals.domain_financing(page)
    assert found is not None
    assert found.domain_centric


@pytest.mark.parametrize(
    "offer",
    [
        "Excavators: lease to own from $137/month. Mail sales@harbourline.com.",
        "Phones in 24 monthly installments, see harbourline.com/shop.",
        "Leasing ab 189 € pro Monat, Finanzierung in Raten.",
        "Rent-to-own sofas with small monthly payments at shop.harbourline.com today.",
        "Harbourline: Spezialtechnik in рассрочку, от 45 000 руб. в месяц.",
    ],
)
def test_monthly_terms_for_products_or_beside_an_address_are_not(offer: str) -> None:
    page = landing("https://harbourline.com/", f"<p>{offer}</p>")
    assert parked_signals.domain_financing(page) is None
