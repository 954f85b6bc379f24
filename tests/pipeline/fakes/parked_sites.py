"""Parked and for-sale domains in the site farm, served from the labelled corpus, and the
search results that offer one of them beside the company's real site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

CORPUS = Path(__file__).parent.parent / "parked_corpus"


def _corpus(name: str) -> Callable[[Request], Response]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return lambda _request: HTMLResponse(text)


KETTLEWORKS_HOME = (
    "<!doctype html><html><head><title>Kettleworks | Coffee roasters in Leeds</title>"
    '<meta property="og:site_name" content="Kettleworks">'
    '<meta name="description" content="Kettleworks roasts single-origin coffee in Leeds '
    'and sells it to cafes across Yorkshire."></head><body><main><p>Kettleworks roasts '
    "single-origin coffee in Leeds and delivers it fresh to cafes and offices across "
    "Yorkshire every week.</p></main></body></html>"
)

PARKED_SITES: dict[str, dict[str, Callable[[Request], Response]]] = {
    "tidewater-dental.com": {"/": _corpus("parked/godaddy_parked_free.html")},
    "vantage-grid.com": {
        "/": lambda _r: RedirectResponse(
            "https://sedo.com/search/details/?domain=vantage-grid.com", 302
        )
    },
    "sedo.com": {"/search/details/": _corpus("parked/sedo_marketplace_landing.html")},
    "kettleworks.io": {"/": _corpus("parked/dan_buy_now_en.html")},
    "kettleworks-roasters.com": {"/": lambda _r: HTMLResponse(KETTLEWORKS_HOME)},
}

# query substring -> (url, title, snippet), as in the search fake's index
PARKED_SEARCH: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        '"kettleworks" official website',
        [
            ("https://kettleworks.io/", "kettleworks.io is for sale", ""),
            ("https://kettleworks-roasters.com/", "Kettleworks | Coffee roasters", ""),
        ],
    ),
    (
        '"lumen parked co" official website',
        [("https://kettleworks.io/", "kettleworks.io is for sale", "")],
    ),
]
