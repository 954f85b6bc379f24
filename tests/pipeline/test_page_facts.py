"""Facts extracted from HTML: the sources every later stage relies on."""

from __future__ import annotations

import pytest

from tests.pipeline.fakes.site_farm import ACME_HOME, jsonld, page
from worker.pipeline.stages.description import extractive, looks_like_error
from worker.pipeline.stages.linkedin import company_url, from_site
from worker.pipeline.stages.page.page_facts import extract_facts

pytestmark = pytest.mark.unit


def test_json_ld_organization_wins_over_the_website_node_in_a_graph() -> None:
    facts = extract_facts("https://acme-rockets.com/", ACME_HOME)
    assert facts.organization is not None
    assert facts.organization.name == "Acme Rockets Inc."
    assert facts.organization.description.startswith("Acme Rockets builds reusable")
    assert facts.og_site_name == "Acme Rockets"
    assert facts.title == "Acme Rockets | Reusable launch vehicles"
    assert facts.about_url == "https://acme-rockets.com/about"
    assert facts.socials["twitter"] == ["https://twitter.com/acmerockets"]
    assert "Acme Rockets" in facts.identity_names()


@pytest.mark.parametrize(
    ("base", "links", "about"),
    [
        # The link's text names it, the address does not.
        (
            "https://acme.example/",
            "<a href='/team'>Home</a><a href='/p/17'>Who we are</a>",
            "/p/17",
        ),
        # The address names it, relative to a page below the root.
        (
            "https://acme.example/en/",
            "<a href='./index'>Home</a><a href='company'>Us</a>",
            "/en/company",
        ),
        # The page's own path names it: every link below it qualifies.
        ("https://acme.example/about/", "<a href='team'>Team</a>", "/about/team"),
        # Another site's About page is not this company's.
        ("https://acme.example/", "<a href='https://y.com/about'>About</a>", ""),
        ("https://acme.example/", "<a href='//y.com/about'>About</a>", ""),
        ("https://acme.example/", "<a href='/'>About</a><a href='#about'>About</a>", ""),
    ],
)
def test_the_about_page_is_a_link_of_the_same_site_that_names_it(
    base: str, links: str, about: str
) -> None:
    facts = extract_facts(base, page("X", f"<nav>{links}</nav><p>Text.</p>"))
    assert facts.about_url == (f"https://acme.example{about}" if about else "")


def test_social_profiles_are_found_in_every_spelling_of_their_address() -> None:
    links = (
        "<a href='//www.linkedin.com/company/x-co'>in</a>"
        "<a href='HTTPS://twitter.com/xco'>tw</a>"
        "<a href='/linkedin.com/company/not-a-profile'>relative</a>"
    )
    facts = extract_facts("https://acme.example/", page("X", links))
    assert facts.socials == {
        "linkedin": ["https://www.linkedin.com/company/x-co"],
        "twitter": ["https://twitter.com/xco"],
    }


def test_a_footer_is_read_only_when_the_page_has_no_paragraph_of_its_own() -> None:
    about = "Fernhill Tea blends and packs loose-leaf tea in Nelson for cafes across the country."
    footer = f"<footer><div class='rte'><p>{about}</p></div><p>Copyright</p></footer>"
    shop = page("Shop", '<div class="grid"><a href="/p/1">Item 1</a> 7.90</div>' + footer)
    assert extract_facts("https://fernhill.example/", shop).paragraphs == (about,)
    own = "Real content of the page itself, written as a long enough sentence to count here."
    described = page("Shop", f"<main><p>{own}</p></main>{footer}")
    assert extract_facts("https://fernhill.example/", described).paragraphs == (own,)


def test_a_cover_above_a_main_of_post_titles_is_read() -> None:
    cover = "Brightwater Joinery builds oak staircases and sash windows for old houses in Leeds."
    blog = page(
        "Brightwater",
        f'<section class="cover"><p class="cover-description">{cover}</p></section>'
        '<main><article><h2 class="card-title">News 2025</h2></article></main>',
    )
    facts = extract_facts("https://brightwater.example/", blog)
    assert facts.paragraphs == (cover,)
    assert cover in facts.main_text
    own = "Real content of the page itself, written as a long enough sentence to count here."
    both = page("B", f"<section><p>{cover}</p></section><main><p>{own}</p></main>")
    assert extract_facts("https://brightwater.example/", both).paragraphs == (own,)


def test_main_text_leaves_out_navigation_scripts_and_footers() -> None:
    html = page(
        "X",
        "<nav>Menu Home Products</nav><main><p>" + "Real content. " * 10 + "</p></main>"
        "<script>var tracking = 1;</script><footer>Copyright</footer>",
    )
    facts = extract_facts("https://acme.example/", html)
    assert "Real content." in facts.main_text
    assert "Menu" not in facts.main_text
    assert "tracking" not in facts.main_text
    assert "Copyright" not in facts.main_text


def test_broken_json_ld_is_ignored() -> None:
    html = page("Y", "<p>y</p>", '<script type="application/ld+json">{not json</script>')
    assert extract_facts("https://y.com/", html).organization is None


def test_extractive_description_prefers_json_ld_then_og_then_meta_then_text() -> None:
    acme = extract_facts("https://acme-rockets.com/", ACME_HOME)
    assert extractive([acme]) is not None
    assert extractive([acme]).source == "jsonld"  # type: ignore[union-attr]
    og_only = page("O", "", '<meta property="og:description" content="' + "o" * 40 + ' og">')
    meta_only = page("M", "", '<meta name="description" content="' + "m" * 40 + ' meta">')
    text_only = page("T", "<p>" + "Text only company makes things. " * 4 + "</p>")
    sources = [
        extractive([extract_facts("https://o.com/", html)]).source  # type: ignore[union-attr]
        for html in (og_only, meta_only, text_only)
    ]
    assert sources == ["opengraph", "meta", "page_text"]
    assert extractive([extract_facts("https://n.com/", page("N", "<p>hi</p>"))]) is None


def test_builders_adverts_and_consent_dialogs_are_no_paragraphs_of_the_page() -> None:
    advert = (
        "This site was designed with the Wix.com website builder. Create your website "
        "today. Start Now"
    )
    consent = "We use cookies to give you the best possible experience on our website."
    own = "Ақмола Ұн бидай ұнын тартады және наубайханаларға жеткізеді."
    html = page(
        "Aqmola",
        f'<div id="WIX_ADS"><a href="https://www.wix.com/">{advert}</a></div>'
        f'<div role="dialog" aria-label="Cookie settings"><p>{consent}</p></div>'
        f"<main><p>{own}</p></main>",
    )
    facts = extract_facts("https://aqmola.example/", html)
    assert advert not in facts.main_text
    assert consent not in facts.main_text
    assert all("website builder" not in p for p in facts.paragraphs)
    # Written in a page's paragraph, the builder's words are still no description.
    assert looks_like_error(advert)
    assert looks_like_error("Create your own free website with Jimdo. Sign up now")
    assert not looks_like_error(
        "We build websites for bakeries and cafes, from design to hosting, in Tallinn."
    )


def test_an_app_shell_is_read_from_its_noscript_text() -> None:
    own = (
        "Sejak 2015, Sumber Makmur Pangan yang berkantor pusat di Medan memproduksi kecap "
        "manis dan sambal botolan."
    )
    shell = page(
        "Sumber Makmur",
        f'<div id="app"></div><noscript><div><h1>Sumber Makmur</h1><p>{own}</p></div>'
        '</noscript><script src="/js/app.js"></script>',
    )
    facts = extract_facts("https://sumbermakmur.co.id/", shell)
    assert own in facts.paragraphs
    assert own in facts.main_text
    # A page with words of its own keeps them; a tracking pixel's noscript adds nothing.
    pixel = '<noscript><img src="https://px.example/t.gif"></noscript>'
    plain = extract_facts("https://a.com/", page("A", f"<p>{own}</p>{pixel}"))
    assert plain.paragraphs == (own,)


def test_an_empty_page_that_moves_visitors_on_is_read_at_its_target() -> None:
    refresh = '<meta http-equiv="refresh" content="0; URL=/tr/anasayfa">'
    moved = extract_facts("https://toros.com.tr/", page("", "", refresh))
    assert moved.about_url == "https://toros.com.tr/tr/anasayfa"
    scripted = page("", "<script>window.location.href='/pl/strona-glowna';</script>")
    assert extract_facts("https://baltyk.pl/", scripted).about_url == (
        "https://baltyk.pl/pl/strona-glowna"
    )
    # Sent to another site, the page is no page of the company's own.
    away = '<meta http-equiv="refresh" content="0; URL=https://market.example/d/toros.com.tr">'
    assert extract_facts("https://toros.com.tr/", page("", "", away)).about_url == ""


def test_a_shops_words_in_a_footer_div_are_read_when_nothing_else_is_said() -> None:
    own = "Nusantara Pangan memproduksi kecap manis dan sambal botolan sejak 1987 di Surabaya."
    shop = page(
        "Nusantara",
        '<main><ul><li><a href="/products/1">Kopi 250 g</a> 120,00</li></ul></main>'
        '<footer><div class="footer-block"><div class="footer-block__details-content rte">'
        f"{own}</div></div></footer>",
    )
    assert extract_facts("https://nusantara.co.id/", shop).paragraphs == (own,)


def test_error_texts_are_never_descriptions() -> None:
    assert looks_like_error("404 Not Found - the page you requested does not exist")
    assert looks_like_error("Just a moment... Checking your browser before accessing")
    assert looks_like_error("We use cookies to improve your experience on our website.")
    assert not looks_like_error("Acme Rockets builds reusable launch vehicles for satellites.")
    error_page = page("E", "", '<meta name="description" content="Access denied for this page.">')
    assert extractive([extract_facts("https://e.com/", error_page)]) is None


def test_linkedin_company_urls_are_canonical() -> None:
    assert (
        company_url("https://de.linkedin.com/company/Acme-Rockets/about/?trk=x")
        == "https://www.linkedin.com/company/acme-rockets"
    )
    assert company_url("https://www.linkedin.com/in/some-person") is None
    assert company_url("https://notlinkedin.com/company/acme") is None


def test_linkedin_from_site_prefers_the_page_named_like_the_company() -> None:
    html = page(
        "Z",
        "<a href='https://www.linkedin.com/company/partner-inc'>partner</a>"
        "<a href='https://www.linkedin.com/company/zenith-analytics/'>us</a>",
        jsonld(
            {"@type": "Organization", "name": "Zenith", "sameAs": "https://acme.example/zenith"}
        ),
    )
    facts = extract_facts("https://zenith-analytics.com/", html)
    assert (
        from_site(facts, "Zenith Analytics") == "https://www.linkedin.com/company/zenith-analytics"
    )


def test_text_in_leaf_divs_and_table_cells_is_a_paragraph_and_wrappers_are_not() -> None:
    text = "Lindenhof Feinmechanik builds precision parts for the special machines of Kassel. "
    cell = "Offset and digital printing for publishers and sports clubs since 1987, from Leipzig."
    html = page(
        "Lindenhof",
        f'<div class="wrap"><div class="hero">Lindenhof</div><div class="intro">{text}</div>'
        f"</div><table><tr><td><font size=2>{cell}</font></td></tr></table>",
    )
    facts = extract_facts("https://lindenhof.de/", html)
    assert facts.paragraphs == (text.strip(), cell)
    description = extractive([facts])
    assert description is not None
    assert (description.text, description.source) == (text.strip(), "page_text")


def test_an_app_shell_is_read_from_its_data_script() -> None:
    data = (
        '{"props": {"pageProps": {"company": {"name": "Delorme Imprimerie", "tagline": '
        '"Depuis 2004, Delorme Imprimerie imprime catalogues et etiquettes pour les PME '
        'de la region de Nantes.", "linkedin": "https://www.linkedin.com/company/delorme"}}}}'
    )
    html = (
        "<html><head><title>Delorme Imprimerie</title></head><body><div id=__next></div>"
        f'<script id="__NEXT_DATA__" type="application/json">{data}</script></body></html>'
    )
    facts = extract_facts("https://delorme.fr/", html)
    assert facts.paragraphs[0].startswith("Depuis 2004, Delorme Imprimerie imprime")
    assert facts.socials["linkedin"] == ["https://www.linkedin.com/company/delorme"]
    assert "catalogues" in facts.main_text
    # A page with its own visible text keeps it; its data script adds nothing.
    full = html.replace(
        "<div id=__next></div>", "<main><p>" + "Visible words. " * 20 + "</p></main>"
    )
    assert extract_facts("https://delorme.fr/", full).paragraphs == (
        ("Visible words. " * 20).strip(),
    )


@pytest.mark.parametrize(
    "script",
    [
        'window.__remixContext = {"state": {"loaderData": {"root": {"company": {"summary": '
        '"Since 1983, Aspenridge Seafoods has provided shellfish to restaurants in Cork."}}}}};',
        'window.__staticRouterHydrationData = JSON.parse("{\\"loaderData\\": {\\"home\\": '
        '{\\"description\\": \\"Since 1983, Aspenridge Seafoods has provided shellfish to '
        'restaurants in Cork.\\"}}}");',
        ' self.__PRELOADED_STATE__={"about":"Since 1983, Aspenridge Seafoods has provided '
        'shellfish to restaurants in Cork."}',
    ],
    ids=["remix", "react_router", "redux"],
)
def test_an_app_shell_is_read_from_the_state_its_script_hands_the_app(script: str) -> None:
    html = f"<html><body><div id=root></div><script>{script}</script></body></html>"
    facts = extract_facts("https://aspenridge.ie/", html)
    assert facts.paragraphs == (
        "Since 1983, Aspenridge Seafoods has provided shellfish to restaurants in Cork.",
    )


def test_a_script_that_is_no_state_assignment_is_not_read() -> None:
    html = (
        '<html><body><script>console.log("__x"); window.__cfg = loadConfig({"a": 1});'
        '</script><script>window.__broken = {"about": </script></body></html>'
    )
    assert extract_facts("https://a.ie/", html).paragraphs == ()


def test_a_specific_schema_org_business_type_is_an_organization_and_a_product_is_not() -> None:
    business = {
        "@type": "HomeAndConstructionBusiness",
        "name": "Ostwind Haustechnik",
        "description": "Heizung und Sanitär für Wohnanlagen in Linz.",
        "address": {"@type": "PostalAddress", "addressLocality": "Linz"},
        "alternateName": "Ostwind HT",
    }
    product = {"@type": "Product", "name": "Boiler X", "description": "A boiler.", "logo": "x"}
    facts = extract_facts("https://ostwind.at/", page("Ostwind", "", jsonld([product, business])))
    assert facts.organization is not None
    assert facts.organization.type == "homeandconstructionbusiness"
    assert facts.organization.alternate_names == ("Ostwind HT",)
    lone = extract_facts("https://boiler.at/", page("Boiler", "", jsonld(product)))
    assert lone.organization is None


def test_language_versions_are_read_from_hreflang_links() -> None:
    html = (
        '<html><head><title>Arenal</title><link rel="alternate" hreflang="en" href="/en/">'
        '<link rel="alternate" hreflang="ru" href="https://arenal.es/ru/"></head><body></body></html>'
    )
    facts = extract_facts("https://arenal.es/", html)
    assert facts.alternates == (("en", "https://arenal.es/en/"), ("ru", "https://arenal.es/ru/"))


@pytest.mark.parametrize(
    ("label", "path"),
    [
        ("Über uns", "/ueber-uns"),
        ("Qui sommes-nous", "/qui-sommes-nous"),
        ("Quiénes somos", "/quienes-somos"),
        ("О компании", "/o-kompanii"),
        ("Про компанію", "/pro-kompaniyu"),
        ("Компания туралы", "/kompaniya-turaly"),
        ("会社概要", "/profile"),
        ("关于我们", "/gsjj.html"),
        ("Биз ҳақимизда", "/page/7"),
        ("Rreth nesh", "/page/8"),
        ("ስለ እኛ", "/page/9"),
        ("អំពីយើង", "/page/10"),
        ("हाम्रो बारेमा", "/page/11"),
    ],
)
def test_the_about_page_is_found_in_the_sites_language(label: str, path: str) -> None:
    html = page("X", f'<nav><a href="/">Start</a><a href="{path}">{label}</a></nav>')
    assert extract_facts("https://x.eu/", html).about_url == f"https://x.eu{path}"


def test_an_organization_written_in_microdata_or_rdfa_is_read_like_json_ld() -> None:
    said = "Harbour Glass cuts and fits double glazing for homes and shops in Cobh since 1994."
    micro = page(
        "Harbour Glass",
        '<div itemscope itemtype="https://schema.org/LocalBusiness">'
        f'<meta itemprop="description" content="{said}">'
        '<link itemprop="sameAs" href="https://www.linkedin.com/company/harbour-glass">'
        '<h1 itemprop="name">Harbour Glass</h1><p>Call us</p>'
        '<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
        '<span itemprop="name">Not the company</span></div></div>'
        '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Pane</span>'
        '<meta itemprop="description" content="A product, not the company."></div>',
    )
    facts = extract_facts("https://harbourglass.ie/", micro)
    assert facts.organization is not None
    assert facts.organization.name == "Harbour Glass"
    assert facts.organization.description == said
    assert facts.organization.same_as == ("https://www.linkedin.com/company/harbour-glass",)
    described = extractive([facts])
    assert described is not None
    assert described.text == said
    rdfa = page(
        "Harbour Glass",
        '<div vocab="https://schema.org/" typeof="Organization">'
        f'<h1 property="name">Harbour Glass</h1><p property="description">{said}</p>'
        '<link property="sameAs" href="https://www.linkedin.com/company/harbour-glass"></div>',
    )
    facts = extract_facts("https://harbourglass.ie/", rdfa)
    assert facts.organization is not None
    assert facts.organization.description == said
    assert facts.organization.same_as == ("https://www.linkedin.com/company/harbour-glass",)


def test_a_frameset_is_read_from_its_main_frame_as_from_an_about_page() -> None:
    frameset = (
        "<html><head><title>Brightwater Joinery</title></head><frameset rows='90,*'>"
        "<frame src='/menu.htm'><frame src='main.htm'></frameset></html>"
    )
    facts = extract_facts("https://brightwater.example/", frameset)
    assert facts.about_url == "https://brightwater.example/main.htm"
    elsewhere = page("X", "<iframe src='https://maps.example.com/embed?q=cork'></iframe>")
    assert extract_facts("https://brightwater.example/", elsewhere).about_url == ""


def test_a_cookie_banner_is_no_paragraph_of_the_page() -> None:
    banner = (
        "This website stores cookies on your computer. These cookies are used to collect "
        "information about how you interact with our website and allow us to remember you."
    )
    own = "Brightwater Joinery builds oak staircases and sash windows for old houses in Leeds."
    html = page(
        "Brightwater",
        f'<div id="hs-eu-cookie-confirmation"><p>{banner}</p></div>'
        f'<div class="cc-window cc-banner"><p>{banner}</p></div><div><p>{own}</p></div>'
        '<div class="cookies-grid"><p>Oat cookies, ginger cookies and shortbread, baked '
        "every morning in our own kitchen for cafes across the county.</p></div>",
    )
    facts = extract_facts("https://brightwater.example/", html)
    assert facts.paragraphs[0] == own
    assert all("stores cookies" not in p for p in facts.paragraphs)
    assert any("ginger cookies" in p for p in facts.paragraphs)
    assert looks_like_error(banner)
