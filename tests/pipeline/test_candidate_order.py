"""Which of the search's hits are fetched as candidate websites, and in which order."""

from __future__ import annotations

import pytest

from worker.pipeline.stages.discovery.website_search import _likeliest

pytestmark = pytest.mark.unit


def homepages(*domains: str) -> dict[str, str]:
    return {domain: f"https://{domain}/" for domain in domains}


@pytest.mark.parametrize(
    ("name", "hits", "first"),
    [
        (
            "Emberfield Security",
            (
                "bizindex.net",
                "firmaregister.net",
                "companyfacts.org",
                "emberfieldsecurity.ca",
                "emberfieldsecurity.ie",
            ),
            ["https://emberfieldsecurity.ca/", "https://emberfieldsecurity.ie/"],
        ),
        (
            "Ivorine Technical Bakery",
            ("yellowpages.fr", "itb-3-solar.com", "itb-bakery-3.fr"),
            ["https://itb-bakery-3.fr/"],
        ),
        ("Яндекс", ("spravka.ru", "yandex.ru"), ["https://yandex.ru/"]),
    ],
)
def test_sites_whose_domain_spells_the_name_come_first_in_search_order(
    name: str, hits: tuple[str, ...], first: list[str]
) -> None:
    ordered = _likeliest(name, homepages(*hits))
    assert ordered[: len(first)] == first
    assert sorted(ordered) == sorted(homepages(*hits).values())


def test_a_rebranded_site_under_another_name_is_still_fetched_after_them() -> None:
    ordered = _likeliest("Yellowknife Security", homepages("goldcrest-us.com", "yellowknife.ca"))
    assert ordered == ["https://yellowknife.ca/", "https://goldcrest-us.com/"]
