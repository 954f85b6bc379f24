"""Japanese companies listed by an English name their sites write only in the logo's `alt`:
`Hoshizora Metal Works`, whose whole name finds only a profile, and `Kirameki Transport`,
whose whole name finds only another company's site; each found by its first word beside
a namesake with that word in another trade."""

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
    "kirameki-tr.jp": {
        "/": _html(_site(
            "Kirameki Transport", "株式会社きらめき運送",
            "株式会社きらめき運送は仙台を拠点に関西一円の貨物輸送と倉庫保管を行っております。",
        ))
    },
    "fujiyama-unso.jp": {
        "/": _html(_site(
            "Fujiyama Unso", "富士山運送株式会社",
            "富士山運送株式会社は静岡県内の引越しと貨物輸送を行っております。",
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
    (
        '"kirameki transport" official website',
        [("https://fujiyama-unso.jp/", "富士山運送株式会社", "Transport · Shizuoka")],
    ),
    (
        '"kirameki" official website',
        [
            ("https://hoshizora-shinkin.jp/", "星空信用金庫", "大阪の信用金庫"),
            ("https://kirameki-tr.jp/", "株式会社きらめき運送｜ホーム", "貨物輸送"),
        ],
    ),
]
