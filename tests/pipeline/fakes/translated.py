"""Mongolian companies whose sites write their names only in Mongolian (`Хонгор Аялал`,
travel), listed in English (`Khongor Tours`): no search for the English name finds them;
beside them a company of the same brand in another trade and one of another brand in the
same trade."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response


def _site(native: str, text: str) -> str:
    return (
        f'<!doctype html><html lang="mn"><head><title>{native}</title>'
        f'<meta property="og:site_name" content="{native}"></head><body>'
        f"<header><span>{native}</span></header><main><p>{text}</p></main>"
        f"<footer>Улаанбаатар © 2025 {native}</footer></body></html>"
    )


def _html(text: str) -> Callable[[Request], Response]:
    return lambda _request: HTMLResponse(text)


TRANSLATED_SITES: dict[str, dict[str, Callable[[Request], Response]]] = {
    "khongor-ayalal.mn": {
        "/": _html(_site(
            "Хонгор Аялал",
            "Хонгор Аялал 2004 оноос хойш Улаанбаатар хотод аялал жуулчлалын үйлчилгээ үзүүлдэг.",
        ))
    },
    "khongor-barilga.mn": {
        "/": _html(_site(
            "Хонгор Барилга", "Хонгор Барилга орон сууц, агуулах барьдаг.",
        ))
    },
    "altai-ayalal.mn": {
        "/": _html(_site(
            "Алтай Аялал", "Алтай Аялал Баян-Өлгий аймагт аялал зохион байгуулдаг.",
        ))
    },
}  # fmt: skip
_RESULTS = [
    ("https://khongor-barilga.mn/", "Хонгор Барилга", "орон сууц, агуулах"),
    ("https://altai-ayalal.mn/", "Алтай Аялал", "аялал зохион байгуулдаг"),
    ("https://khongor-ayalal.mn/", "Хонгор Аялал", "аялал жуулчлалын үйлчилгээ"),
]
# The searches of `Khongor Tours`, `Khongor Software` and `Bayan Tours` in Mongolian.
TRANSLATED_INDEX: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("хонгор аялал", _RESULTS),
    ("khongor ayalal", _RESULTS),
    ("хонгор софт", _RESULTS),
    ("баян аялал", _RESULTS),
]
