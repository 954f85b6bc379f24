"""Serper-compatible and SearXNG-compatible search APIs over one canned index."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.pipeline.fakes.marks import MARK_INDEX
from tests.pipeline.fakes.moved_on import MOVED_INDEX
from tests.pipeline.fakes.namesakes import NAMESAKE_INDEX
from tests.pipeline.fakes.parked_sites import PARKED_SEARCH
from tests.pipeline.fakes.renamed import RENAMED_INDEX
from tests.pipeline.fakes.translated import TRANSLATED_INDEX

API_KEY = "serper-test-key"

# query substring -> (url, title, snippet)
INDEX: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        'site:linkedin.com/company "meta corp"',
        [
            (
                "https://www.linkedin.com/company/metacorp-furniture",
                "Meta Corp | LinkedIn",
                "Meta Corp, office furniture, Berlin",
            ),
            (
                "https://www.linkedin.com/company/other-meta",
                "Metamorph Studios | LinkedIn",
                "games",
            ),
        ],
    ),
    (
        'site:linkedin.com/company "quiet harbor"',
        [
            (
                "https://www.linkedin.com/company/quiet-harbor",
                "Quiet Harbor | LinkedIn",
                "Quiet Harbor · Yoga studio · Sydney, Australia",
            )
        ],
    ),
    (
        'site:linkedin.com/company "broken server co"',
        [
            (
                "https://www.linkedin.com/company/broken-server-co",
                "Broken Server Co | LinkedIn",
                "Broken Server Co · Web hosting · broken-server.com",
            )
        ],
    ),
    (
        'site:linkedin.com/company "nordlicht',
        [
            (
                "https://www.linkedin.com/company/nordlicht-as",
                "Nordlicht AS | LinkedIn",
                "Nordlicht AS · Fishing · Oslo, Norway",
            ),
            (
                "https://www.linkedin.com/company/nordlicht-gmbh",
                "Nordlicht GmbH | LinkedIn",
                "Nordlicht GmbH · Maschinenbau · Hamburg, Germany",
            ),
        ],
    ),
    (
        'site:linkedin.com/company "ferncliff assay"',
        [
            (
                "https://www.linkedin.com/company/ferncliff-assay",
                "Ferncliff Assay | LinkedIn",
                "Ferncliff Assay · Laboratories · Bergen, Norway",
            )
        ],
    ),
    (
        'site:linkedin.com/company "tern ceramics"',
        [
            (
                "https://www.linkedin.com/company/tern-ceramics",
                "Tern Ceramics | LinkedIn",
                "Tern Ceramics · Ceramics · Porto, Portugal",
            )
        ],
    ),
    (
        'site:linkedin.com/company "saltmarsh bakery"',
        [
            (
                f"https://www.linkedin.com/company/saltmarsh-bakery{tail}",
                "Saltmarsh Bakery | LinkedIn",
                "Saltmarsh Bakery · Food and Beverage Services · Leeds, United Kingdom",
            )
            for tail in ("", "-leeds")
        ],
    ),
    ("site:linkedin.com/company", []),
    ('"tern ceramics" official website', [("https://tc-porto.pt/", "Tern Ceramics", "")]),
    ('"oldbrand" official website', [("https://newbrand.io/", "NewBrand", "cloud backups")]),
    ('"silent rename" official website', [("https://fresh-name.com/", "Fresh Name", "")]),
    (
        '"kestrel robotics" official website',
        [
            ("https://kestrel-group.com/", "Kestrel Group", "Kestrel Robotics is one of ours"),
            ("https://kestrel-robotics.com/", "Kestrel Robotics", "robot arms"),
        ],
    ),
    (
        '"kestrel logistics" official website',
        [("https://kestrel-group.com/", "Kestrel Group", "Kestrel Logistics is one of ours")],
    ),
    ('"orbit software" official website', [("https://os-digital.net/", "Orbit Software", "")]),
    ('"lumen parcel" official website', [("https://lp-dispatch.net/", "Lumen Parcel", "")]),
    (
        '"zenith analytics" official website',
        [
            (
                "https://www.linkedin.com/company/zenith-analytics",
                "Zenith Analytics | LinkedIn",
                "",
            ),
            ("https://en.wikipedia.org/wiki/Zenith", "Zenith - Wikipedia", ""),
            ("https://zenith-tours.com/offers", "Zenith Tours - holidays", ""),
            (
                "https://zenith-analytics.com/platform",
                "Zenith Analytics platform",
                "forecast demand",
            ),
        ],
    ),
    (
        '"nowhere widgets" official website',
        [
            ("https://www.crunchbase.com/organization/nowhere", "Nowhere Widgets - Crunchbase", ""),
            ("https://megacorp.com/", "MegaCorp", ""),
        ],
    ),
    (
        "streamforge.com reviews",
        [
            (
                f"https://gamepress.com/review{n}",
                f"Press review {n}",
                f"StreamForge in our review {n}",
            )
            for n in range(1, 7)
        ],
    ),
    (
        "launcher",
        [("https://gamenews.com/launchers", "Publishers and launchers", "AcmePlay launcher")],
    ),
]
INDEX.extend(PARKED_SEARCH)
INDEX.extend(NAMESAKE_INDEX)
INDEX.extend(MARK_INDEX)
INDEX.extend(TRANSLATED_INDEX)
# Ahead of the catch-all entries above: each of these answers one exact search.
INDEX[:0] = RENAMED_INDEX + MOVED_INDEX


@dataclass
class SearchState:
    queries: list[str] = field(default_factory=list)
    failing: bool = False
    throttle_next: int = 0
    keys: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.__dict__.update(type(self)().__dict__)


def _hits(query: str) -> list[tuple[str, str, str]]:
    lowered = query.lower()
    return next((hits for needle, hits in INDEX if needle in lowered), [])


def search_app(state: SearchState) -> Starlette:
    def refused() -> JSONResponse | None:
        if state.failing:
            return JSONResponse({"message": "upstream down"}, 503)
        if state.throttle_next > 0:
            state.throttle_next -= 1
            return JSONResponse({"message": "slow down"}, 429, headers={"Retry-After": "0"})
        return None

    async def serper(request: Request) -> JSONResponse:
        state.keys.append(request.headers.get("x-api-key", ""))
        if request.headers.get("x-api-key") != API_KEY:
            return JSONResponse({"message": "Unauthorized."}, 403)
        body = await request.json()
        state.queries.append(body["q"])
        if (answer := refused()) is not None:
            return answer
        organic = [
            {"title": t, "link": u, "snippet": s, "position": i}
            for i, (u, t, s) in enumerate(_hits(body["q"])[: body.get("num", 10)], 1)
        ]
        return JSONResponse({"searchParameters": {"q": body["q"]}, "organic": organic})

    async def searxng(request: Request) -> JSONResponse:
        query = request.query_params["q"]
        if request.query_params.get("format") != "json":
            return JSONResponse({"message": "format"}, 403)
        state.queries.append(query)
        if (answer := refused()) is not None:
            return answer
        results = [
            {"url": u, "title": t, "content": s, "engine": "fake", "score": 1.0}
            for u, t, s in _hits(query)
        ]
        return JSONResponse({"query": query, "number_of_results": len(results), "results": results})

    return Starlette(
        routes=[
            Route("/search", serper, methods=["POST"]),
            Route("/search", searxng, methods=["GET"]),
        ]
    )
