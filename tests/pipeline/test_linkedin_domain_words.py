"""LinkedIn pages spelled as the company's own domain spells its name (a row typed
informally, a Mongolian or Belarusian name), searched and then judged under the same
corroboration as every other result; and website searches in Mongolian and Belarusian
Cyrillic for Latin names of companies there."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2
import pytest

from bench.accuracy_web.model import Doc
from bench.accuracy_web.search import API_KEY
from tests.pipeline.fakes.linkedin_results import linkedin_doc, serving
from worker.pipeline.clients.search.serper import SerperSearch
from worker.pipeline.row_place import RowPlace
from worker.pipeline.stages.discovery.queries import website_queries
from worker.pipeline.stages.linkedin import from_search, search_names
from worker.pipeline.stages.page.page_facts import PageFacts, extract_facts


def _page(url: str, title: str, text: str = "") -> PageFacts:
    html = f"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>"
    return extract_facts(url, html, "text/html")


@pytest.mark.unit
@pytest.mark.parametrize(
    ("row", "url", "title", "spelled"),
    [
        # A Latin row typed informally; the domain spells the name the company uses.
        ("Aria Pakhsh", "https://arya-pakhsh.ir/", "آریا پخش", "arya pakhsh"),
        ("Nurlan Lojistik", "https://nurlanlogistics.kz/", "Нурлан Логистик", "nurlan logistics"),
        (
            "Dilijan Tekhnolojis",
            "https://dilijan-technologies.am/",
            "Դիլիջան",
            "dilijan technologies",
        ),
        ("Sarnai Kompani", "https://sarnai-company.mn/", "Сарнай", "sarnai company"),
        # Cyrillic names whose domain writes them in the language's own Latin spelling.
        (
            "Заслаўская Мэбля",
            "https://zaslawskayafurniture.by/",
            "Заслаўская Мэбля",
            "zaslawskaya furniture",
        ),
        ("Сарнай Тээвэр", "https://sarnaitransport.mn/", "Сарнай Тээвэр", "sarnai transport"),
    ],
)
def test_the_domains_spelling_of_the_name_is_searched(
    row: str, url: str, title: str, spelled: str
) -> None:
    assert spelled in search_names(row, [_page(url, title, "Since 2011.")])


@pytest.mark.unit
@pytest.mark.parametrize(
    ("row", "url"),
    [
        ("Aria Pakhsh", "https://best-trucks-online.ir/"),  # the domain spells other words
        ("Nurlan Lojistik", "https://kazcargo.kz/"),
        ("Nurlan Logistics", "https://nurlan-logistics.kz/"),  # the row's name already
        ("Заслаўская Мэбля", "https://minskwood.by/"),
    ],
)
def test_a_domain_that_spells_something_else_adds_no_search(row: str, url: str) -> None:
    names = search_names(row, [_page(url, "Home", "Since 2011.")])
    assert names[0] == row
    assert all(name.replace(" ", "") not in url for name in names[1:])


@pytest.mark.unit
def test_mongolian_and_belarusian_names_are_searched_with_their_trade_in_english_first() -> None:
    assert search_names("Хөх Өндөр Аялал", [])[1] == "khukh undur travel"
    assert search_names("Заслаўская Мэбля", [])[1] == "zaslauskaya furniture"
    # Three readings at most, each a search.
    assert len(search_names("Хөх Өндөр Аялал", [])) <= 4


def _linkedin(slug: str, name: str, place: str) -> Doc:
    return linkedin_doc(
        slug, name, f"{name} | 40 followers on LinkedIn. Truck Transportation · {place}"
    )


@pytest.fixture
def engine() -> Iterator[str]:
    docs = [
        _linkedin("arya-pakhsh", "Arya Pakhsh", "Isfahan, Iran"),
        _linkedin("arya-pakhsh-ca", "Arya Pakhsh", "Toronto, Canada"),
    ]
    with serving(docs) as url:
        yield url


@pytest.mark.unit
async def test_a_page_found_by_the_domains_spelling_still_needs_corroboration(engine: str) -> None:
    async with httpx2.AsyncClient(timeout=10) as client:
        search = SerperSearch(client, engine, API_KEY, 1, 1)
        found = await from_search(
            search, "arya pakhsh", "arya-pakhsh.ir", 8, hints=["Isfahan", "Iran"], where="Iran"
        )
        assert found is not None
        assert found[0].endswith("/arya-pakhsh")
        assert found[1].confidence >= 0.8
        # For a row in Canada's neighbour the only page named so is a namesake's.
        abroad = await from_search(
            search, "arya pakhsh", "arya-pakhsh.ir", 8, hints=["United States"], where="US"
        )
        assert abroad is None or abroad[1].confidence < 0.8


@pytest.mark.unit
@pytest.mark.parametrize(
    ("name", "country", "spelled"),
    [
        ("Sarnai Lojistik", "MN", '"сарнай ложистик"'),
        ("Tenger Erdene", "MN", '"тэнгэр эрдэнэ"'),
        ("Zaslavsky Tekstil", "BY", '"заслаўскі тэкстыль"'),
        ("Rechytsa Dreva", "BY", '"рэчыца дрэва"'),
    ],
)
def test_a_latin_name_is_searched_in_its_countrys_own_cyrillic(
    name: str, country: str, spelled: str
) -> None:
    queries = website_queries(name, RowPlace(country, ""))
    assert any(query.startswith(spelled) for query in queries)
    # Elsewhere the Russian reading alone.
    assert not any(query.startswith(spelled) for query in website_queries(name, RowPlace("KZ")))
