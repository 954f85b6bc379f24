"""Companies that only a row's country or script tells apart: two `Nordlicht`s, one in
Germany and one in France, and `Северный Ветер`, whose own site is in Latin letters."""

from __future__ import annotations

import json
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response


def _site(lang: str, title: str, body: str, country: str, locality: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": title,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": locality,
            "addressCountry": country,
        },
    }
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title}</title>'
        f'<meta property="og:site_name" content="{title}">'
        f'<script type="application/ld+json">{json.dumps(data)}</script></head>'
        f"<body><main>{body}</main></body></html>"
    )


def _html(text: str) -> Callable[[Request], Response]:
    return lambda _request: HTMLResponse(text)


NAMESAKE_SITES: dict[str, dict[str, Callable[[Request], Response]]] = {
    "nordlicht-leuchten.de": {
        "/": _html(_site(
            "de", "Nordlicht",
            "<p>Nordlicht fertigt Leuchten für Büros und Schulen in Hamburg, seit 1987. "
            "Telefon +49 40 1234 5678.</p>",
            "DE", "Hamburg",
        ))
    },
    "nordlicht-studio.fr": {
        "/": _html(_site(
            "fr", "Nordlicht",
            "<p>Nordlicht est un studio de design graphique à Lyon, fondé en 2009. "
            "Téléphone +33 4 12 34 56 78.</p>",
            "FR", "Lyon",
        ))
    },
    "severny-veter.com": {
        "/": _html(_site(
            "en", "Severny Veter",
            "<p>Severny Veter builds and services wind turbines for farms and villages in "
            "the north of Russia, from its works in Arkhangelsk.</p>",
            "RU", "Arkhangelsk",
        ))
    },
}  # fmt: skip

# query substring -> (url, title, snippet); the French namesake ranks first.
NAMESAKE_INDEX: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        '"nordlicht" official website',
        [
            ("https://nordlicht-studio.fr/", "Nordlicht - studio de design", "Lyon"),
            ("https://nordlicht-leuchten.de/", "Nordlicht - Leuchten", "Hamburg"),
        ],
    ),
    # Only the Latin spelling of the name finds the company's site.
    (
        '"severny veter" official website',
        [
            ("https://ru.wikipedia.org/wiki/Veter", "Ветер - Википедия", ""),
            ("https://severny-veter.com/", "Severny Veter - wind turbines", ""),
        ],
    ),
]
