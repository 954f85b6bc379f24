"""A quote counts only when it is on the page it names, whatever the model's typography."""

from __future__ import annotations

import pytest

from worker.pipeline.stages.qualification.quotes import PageText

pytestmark = pytest.mark.unit

PAGE = PageText(
    "About us\nWe don’t run our own data centres —\n  we rent   capacity in 3 regions. "
    "Founded in 2015."
)


@pytest.mark.parametrize(
    "quote",
    [
        "We don’t run our own data centres — we rent capacity in 3 regions.",
        "we DON'T run our own data centres - we rent capacity",
        '"We don\'t run our own data centres"',
        "…we rent capacity in 3 regions…",
        "about us we don't run",
    ],
)
def test_retyped_quotes_of_the_page_are_found(quote: str) -> None:
    assert PAGE.holds(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "We run our own data centres in 3 regions.",
        "we rent capacity in 4 regions",
        "Founded",  # too short to prove anything
        "",
    ],
)
def test_other_or_too_short_text_is_not_found(quote: str) -> None:
    assert not PAGE.holds(quote)
