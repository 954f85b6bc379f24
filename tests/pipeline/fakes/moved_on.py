"""Companies whose site's root page is empty and moves its visitors on to the language's
home (a zero-second meta refresh, or a script setting `location.href`): the company's
words are only on the page it moves to."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response


def _html(text: str) -> Callable[[Request], Response]:
    return lambda _request: HTMLResponse(text)


def _home(title: str, text: str) -> Callable[[Request], Response]:
    return _html(
        f"<!doctype html><html><head><title>{title}</title></head><body><header>{title}"
        f"</header><main><p>{text}</p></main><footer>© 2025 {title}</footer></body></html>"
    )


_REFRESH = (
    '<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; URL=/pl/strona'
    '-glowna"></head><body></body></html>'
)
_SCRIPT = (
    "<html><head><meta charset=\"utf-8\"><script>window.location.href='/pt/inicio';</script>"
    "</head><body></body></html>"
)

MOVED_SITES: dict[str, dict[str, Callable[[Request], Response]]] = {
    "wierzbowy-mlyn.pl": {
        "/": _html(_REFRESH),
        "/pl/strona-glowna": _home(
            "Wierzbowy Młyn Piekarnia",
            "Od 1991 roku Wierzbowy Młyn Piekarnia z Torunia wypieka chleb na zakwasie i "
            "bułki dla sklepów w całym województwie.",
        ),
    },
    "ipe-roxo-alimentos.com.br": {
        "/": _html(_SCRIPT),
        "/pt/inicio": _home(
            "Ipê Roxo Alimentos",
            "Com sede em Londrina, a Ipê Roxo Alimentos produz pães, bolos e biscoitos para "
            "padarias e mercados do Paraná desde 2004.",
        ),
    },
}
MOVED_INDEX: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        '"wierzbowy młyn piekarnia"',
        [("https://wierzbowy-mlyn.pl/", "wierzbowy-mlyn.pl", "Piekarnia w Toruniu")],
    ),
    (
        '"ipê roxo alimentos"',
        [("https://ipe-roxo-alimentos.com.br/", "ipe-roxo-alimentos.com.br", "Alimentos")],
    ),
]
