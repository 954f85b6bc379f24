"""Descriptions of pages that render nothing on the server (islands, app state written as
code or as an unkeyed array), of OpenGraph written with `name=`, and About pages named in
the site's own language."""

from __future__ import annotations

import html as markup
import json

import pytest

from shared.company_keys import clean_text
from tests.pipeline.fakes.site_farm import page
from worker.pipeline.stages.description import extractive
from worker.pipeline.stages.page.page_facts import extract_facts

pytestmark = pytest.mark.unit

TEXT = "Since 1983, Aspenridge Seafoods has provided shellfish to restaurants in Cork and Kerry."


def _shell(body: str, head: str = "") -> str:
    return f"<html><head><title>Aspenridge</title>{head}</head><body>{body}</body></html>"


def test_an_astro_island_is_read_from_its_props() -> None:
    props = {"hero": [0, {"heading": [0, "Aspenridge"], "intro": [0, TEXT]}],
             "links": [1, [[0, "https://www.linkedin.com/company/aspenridge"]]]}  # fmt: skip
    island = markup.escape(json.dumps(props))
    body = f'<astro-island uid="a1" component-url="/_astro/Hero.js" props="{island}" ssr="">'
    facts = extract_facts("https://aspenridge.ie/", _shell(body + "</astro-island>"))
    assert facts.paragraphs == (TEXT,)
    assert facts.socials["linkedin"] == ["https://www.linkedin.com/company/aspenridge"]


@pytest.mark.parametrize(
    "script",
    [
        # Vue's server state: the text under a key that does not say what it is.
        'window.__INITIAL_STATE__={"home": {"blocks": [{"type": "lead", "text": "'
        + TEXT
        + '"}]}, "site": {"brand": "Aspenridge"}}',
        # Nuxt 2: the state is a function call, its strings the call's arguments.
        'window.__NUXT__=(function(a,b){return {data:[{page:{body:a,brand:b}}]}}("'
        + TEXT
        + '","Aspenridge"));',
        # Next's streamed payload: JSON inside a string literal.
        'self.__next_f.push([1,"5:[\\"$\\",\\"p\\",null,{\\"children\\":\\"' + TEXT + '\\"}]\\n"])',
    ],
    ids=["vue", "nuxt2", "next_stream"],
)
def test_an_app_shell_is_read_from_prose_in_its_state(script: str) -> None:
    facts = extract_facts(
        "https://aspenridge.ie/", _shell(f"<div id=app></div><script>{script}</script>")
    )
    assert facts.paragraphs == (TEXT,)
    description = extractive([facts])
    assert description is not None
    assert description.text == TEXT


def test_a_nuxt3_payload_array_is_read_for_prose_and_not_for_code() -> None:
    payload = json.dumps([{"data": 1}, "Aspenridge", TEXT, "function(a){return a.b=1;}" * 4])
    body = f'<div id=__nuxt></div><script type="application/json" id="__NUXT_DATA__">{payload}'
    facts = extract_facts("https://aspenridge.ie/", _shell(body + "</script>"))
    assert facts.paragraphs == (TEXT,)


def test_prose_in_state_is_not_read_when_the_page_renders_its_own_text() -> None:
    visible = "Visible words about shellfish. " * 10
    script = '<script>window.__INITIAL_STATE__={"x": {"text": "' + TEXT + '"}}</script>'
    facts = extract_facts(
        "https://aspenridge.ie/", _shell(f"<main><p>{visible}</p></main>{script}")
    )
    assert facts.paragraphs == (visible.strip(),)


def test_opengraph_written_with_name_and_a_twitter_card_count() -> None:
    head = (
        f'<meta name="og:description" content="{TEXT}"><meta name="og:title" content="Aspenridge">'
    )
    facts = extract_facts("https://aspenridge.ie/", _shell("<img src=a.jpg>", head))
    assert (facts.og_description, facts.og_title) == (TEXT, "Aspenridge")
    description = extractive([facts])
    assert description is not None
    assert description.source == "opengraph"
    card = f'<meta name="twitter:description" content="{TEXT}">'
    assert extract_facts("https://a.ie/", _shell("", card)).og_description == TEXT


@pytest.mark.parametrize(
    ("label", "path"),
    [
        ("Tietoa meistä", "/tietoa-meista"),
        ("Rólunk", "/rolunk"),
        ("Despre noi", "/despre-noi"),
        ("Giới thiệu", "/gioi-thieu"),
        ("Tentang Kami", "/tentang-kami"),
        ("Om os", "/om-os"),
        ("O nama", "/o-nama"),
        ("O nás", "/o-nas"),
        ("Apie mus", "/apie-mus"),
        ("Σχετικά με εμάς", "/sxetika"),
        ("Пра нас", "/page-2"),
        ("Бидний тухай", "/page-3"),
        ("ჩვენს შესახებ", "/page-4"),
        ("Մեր մասին", "/page-5"),
        ("درباره ما", "/page-6"),
        ("আমাদের সম্পর্কে", "/page-7"),
        ("எங்களைப் பற்றி", "/page-8"),
        ("हमारे बारे में", "/page-9"),
        ("Kontakt", "/par-mums"),
    ],
)
def test_the_about_page_is_found_in_more_languages(label: str, path: str) -> None:
    html = page("X", f'<nav><a href="/">Start</a><a href="{path}">{label}</a></nav>')
    assert extract_facts("https://x.eu/", html).about_url == f"https://x.eu{path}"


def test_a_link_named_like_no_about_page_is_not_one() -> None:
    html = page("X", '<nav><a href="/">Start</a><a href="/produkty">Produkty</a></nav>')
    assert extract_facts("https://x.eu/", html).about_url == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Od 2017. Dravska Gradnja iz Splita gradi stambene zgrade i urede.",
        "Sevan Logistic՝ բեռնափոխադրումներ Հայաստանից Վրաստան։ Երևան, 2011 թվականից։",
    ],
)
def test_a_one_sentence_introduction_in_app_state_is_read(sentence: str) -> None:
    script = 'window.__INITIAL_STATE__={"blocks": [{"text": "' + sentence + '"}]}'
    facts = extract_facts("https://a.hr/", _shell(f"<div id=app></div><script>{script}</script>"))
    assert facts.paragraphs == (clean_text(sentence),)
    slogan = 'window.__INITIAL_STATE__={"blocks": [{"text": "Quality you can trust"}]}'
    assert extract_facts("https://a.hr/", _shell(f"<script>{slogan}</script>")).paragraphs == ()


def test_sveltekit_is_read_from_its_fetched_responses_and_its_start_script() -> None:
    body = json.dumps({"status": 200, "body": json.dumps({"page": {"text": TEXT}})})
    fetched = f'<script type="application/json" data-sveltekit-fetched>{body}</script>'
    facts = extract_facts("https://aspenridge.ie/", _shell(f"<div></div>{fetched}"))
    assert facts.paragraphs == (TEXT,)
    start = (
        "<script>{ __sveltekit_1x2 = { base: new URL('.', location).pathname.slice(0, -1) };"
        'kit.start(app, element, { node_ids: [0, 2], data: [null,{type:"data",data:{hero:'
        f'{{lead:"{TEXT}"}}}},uses:{{}}}}] }}); }}</script>'
    )
    assert extract_facts("https://aspenridge.ie/", _shell(start)).paragraphs == (TEXT,)
