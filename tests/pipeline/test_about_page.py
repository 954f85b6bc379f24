"""The About page is fetched only when the row needs more than the homepage gives."""

from __future__ import annotations

import pytest

from shared.rows import InputRow
from tests.pipeline.conftest import MakeSettings, session_context
from tests.pipeline.fakes.site_farm import SERVED
from tests.pipeline.test_pipeline import run_chunk

pytestmark = pytest.mark.unit

ROWS = [
    # A homepage with a usable description (JSON-LD, meta) but little text besides.
    InputRow(row=0, name="Acme Rockets Inc.", website="acme-rockets.com"),
    # A homepage that says nothing usable of the company; its About page does.
    InputRow(row=1, name="Plain Text Co", website="plain-text-co.com"),
]


def about_requests() -> dict[str, int]:
    return {
        "acme": SERVED[("acme-rockets.com", "/about")],
        "plain": SERVED[("plain-text-co.com", "/about-us")],
    }


async def test_without_a_model_a_described_homepage_is_enough(
    make_settings: MakeSettings,
) -> None:
    before = about_requests()
    results = await run_chunk(make_settings(), session_context(), ROWS)
    after = about_requests()
    assert after["acme"] == before["acme"]
    assert after["plain"] == before["plain"] + 1
    assert results[0].description_source == "jsonld"
    assert results[1].description_source == "page_text"
    assert results[1].sources == [
        "https://plain-text-co.com/",
        "https://plain-text-co.com/about-us",
    ]


async def test_a_model_gets_the_about_page_of_a_homepage_with_little_text(
    make_settings: MakeSettings,
) -> None:
    before = about_requests()
    await run_chunk(make_settings(llm=True), session_context(), ROWS)
    after = about_requests()
    assert after["acme"] == before["acme"] + 1
    assert after["plain"] == before["plain"] + 1
