"""Companies listed under another name than their site's: translations (the site's
Russian version, or a search result, names both) and a renamed company whose old domain is
gone (its new site names the old address, or says nothing of it). Also a company whose
only LinkedIn candidate is doubtful (a close name, one agreeing cell): left for review."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response


def _page(title: str, body: str, head: str = "", lang: str = "en") -> Callable[[Request], Response]:
    html = (
        f'<!doctype html><html lang="{lang}"><head><title>{title}</title>{head}</head>'
        f"<body><main>{body}</main></body></html>"
    )
    return lambda _request: HTMLResponse(html)


_VERSIONS = (
    '<link rel="alternate" hreflang="en" href="https://golden-ear.com/">'
    '<link rel="alternate" hreflang="ru" href="https://golden-ear.com/ru/">'
)

RENAMED_SITES: dict[str, dict[str, Callable[[Request], Response]]] = {
    "golden-ear.com": {
        "/": _page(
            "Golden Ear Bakery",
            "<p>Golden Ear Bakery bakes rye bread and gingerbread for shops in Kazan.</p>",
            _VERSIONS,
        ),
        "/ru/": _page(
            "Золотой Колос",
            "<p>«Золотой Колос» печёт ржаной хлеб и пряники для магазинов Казани.</p>",
            _VERSIONS,
            "ru",
        ),
    },
    "white-sail.com": {
        "/": _page(
            "Home | White Sail Travel",
            "<p>White Sail Travel runs sailing holidays on the Caspian from Aktau.</p>",
        ),
    },
    "green-valley-farms.com": {
        "/": _page(
            "Green Valley Farms",
            "<p>Green Valley Farms grows apples and pears near Almaty.</p>",
        ),
    },
    "helioval.es": {
        "/": _page(
            "Helioval Energía",
            "<p>Helioval Energía diseña instalaciones solares para naves industriales. "
            "Clientes de olivares-ingenieria.es: seguimos aquí, con el mismo equipo.</p>",
            lang="es",
        ),
    },
    "bizlist.net": {
        "/": _page(
            "bizlist.net - company directory",
            "<p>Search millions of company profiles: addresses, phones and filings.</p>",
        ),
    },
    "tidewater-tools.no": {
        "/": _page(
            "Tidewater Tools",
            "<p>Tidewater Tools forges hand tools for shipyards, boatyards and boatbuilders "
            "along the coast.</p>",
            '<meta property="og:site_name" content="Tidewater Tools">',
        ),
    },
    "quantly.co.uk": {
        "/": _page(
            "Quantly Insights",
            "<p>Quantly Insights builds forecasting dashboards for retail chains.</p>",
        ),
    },
}

RENAMED_INDEX: list[tuple[str, list[tuple[str, str, str]]]] = [
    ('"золотой колос" official website', [("https://golden-ear.com/ru/", "Золотой Колос", "")]),
    (
        '"белый парус" official website',
        [("https://white-sail.com/", "Белый Парус (White Sail Travel) — sailing", "")],
    ),
    (
        '"зелёная долина" official website',
        [("https://green-valley-farms.com/", "Green Valley Farms", "")],
    ),
    (
        '"olivares ingenieria" official website',
        [("https://helioval.es/", "Helioval Energía - instalaciones solares", "")],
    ),
    ('"dunmore analytics" official website', [("https://quantly.co.uk/", "Quantly Insights", "")]),
    (
        'site:linkedin.com/company "tidewater tools"',
        [
            (
                "https://www.linkedin.com/company/tidewater-toolworks",
                "Tidewater Toolworks | LinkedIn",
                "Hand tools · Bergen, Norway",
            )
        ],
    ),
    # A directory's listing names the company beside the directory's own name.
    (
        '"penrose legal" official website',
        [
            (
                "https://www.bizlist.net/company/penrose-legal-12",
                "Penrose Legal - Leeds | bizlist.net",
                "Penrose Legal, Leeds: address, phone, directors and filings.",
            )
        ],
    ),
]
