"""A Japanese company listed by an English name its site writes only in its logo's `alt`,
and a namesake with the same first word in another trade: search by the whole name finds
only a profile, search by its first word finds both sites."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response


def _site(logo_alt: str, native: str, text: str) -> str:
    return (
        f'<!doctype html><html lang="ja"><head><title>{native}｜ホーム</title></head><body>'
        f'<header><a href="/"><img class="site-logo" src="/img/logo.svg" alt="{logo_alt}"></a>'
        f"<span>{native}</span></header><main><p>{text}</p></main>"
        f"<footer>大阪 © 2025 {native}</footer></body></html>"
    )


def _html(text: str) -> Callable[[Request], Response]:
    return lambda _request: HTMLResponse(text)


MARK_SITES: dict[str, dict[str, Callable[[Request], Response]]] = {
    "hoshizora-mw.jp": {
        "/": _html(_site(
            "Hoshizora Metal Works", "株式会社星空工業",
            "株式会社星空工業は1987年の設立以来、大阪を拠点に金属部品のプレス加工を行っております。",
        ))
    },
    "hoshizora-shinkin.jp": {
        "/": _html(_site(
            "Hoshizora Shinkin Bank", "星空信用金庫",
            "星空信用金庫は大阪の中小企業と地域の皆様の資金繰りを支えます。",
        ))
    },
}  # fmt: skip
MARK_INDEX: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        '"hoshizora metal works" official website',
        [
            (
                "https://www.linkedin.com/company/hoshizora-metal-works",
                "Hoshizora Metal Works | LinkedIn",
                "Hoshizora Metal Works · Machinery Manufacturing · Osaka, Japan",
            )
        ],
    ),
    (
        '"hoshizora" official website',
        [
            ("https://hoshizora-shinkin.jp/", "星空信用金庫", "大阪の信用金庫"),
            ("https://hoshizora-mw.jp/", "株式会社星空工業｜ホーム", "金属部品のプレス加工"),
        ],
    ),
]
