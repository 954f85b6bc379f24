"""Company websites, served by one app that routes on the Host header."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections import Counter
from collections.abc import AsyncIterator, Callable

from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.types import Receive, Scope, Send

from tests.pipeline.fakes.marks import MARK_SITES
from tests.pipeline.fakes.moved_on import MOVED_SITES
from tests.pipeline.fakes.namesakes import NAMESAKE_SITES
from tests.pipeline.fakes.parked_sites import PARKED_SITES
from tests.pipeline.fakes.renamed import RENAMED_SITES
from tests.pipeline.fakes.translated import TRANSLATED_SITES


def page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    )


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


ACME_HOME = page(
    "Acme Rockets | Reusable launch vehicles",
    "<nav><a href='/about'>About</a></nav><main><p>Acme Rockets designs and flies reusable "
    "rockets that carry small satellites to low Earth orbit every week.</p></main>"
    "<footer><a href='https://www.linkedin.com/company/acme-rockets/'>LinkedIn</a>"
    "<a href='https://twitter.com/acmerockets'>Twitter</a></footer>",
    '<meta name="description" content="Acme meta description that is long enough to use.">'
    '<meta property="og:description" content="Acme OpenGraph description, long enough to use.">'
    '<meta property="og:site_name" content="Acme Rockets">'
    + jsonld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": "Acme"},
                {
                    "@type": "Organization",
                    "name": "Acme Rockets Inc.",
                    "description": "Acme Rockets builds reusable launch vehicles for small "
                    "satellite operators.",
                    "sameAs": ["https://www.linkedin.com/company/acme-rockets"],
                },
            ],
        }
    ),
)
LONG_TEXT = (
    "Plain Text Company writes accounting software for small bakeries and cafes. "
    "Our tools handle invoices, stock and payroll in one place, and work offline. "
)
CP1251_HOME = page(
    "Ромашка — производство чая",
    "<p>Компания Ромашка выращивает и упаковывает травяной чай "
    "на собственных полях с 1998 года.</p>",
    '<meta charset="windows-1251">',
)

STREAMFORGE_HOME = page(
    "StreamForge | Game streaming",
    "<nav><a href='/about'>About us</a></nav><main><p>StreamForge runs a video streaming "
    "platform for game studios. We deliver live events to players in 40 countries every "
    "month.</p><p>=cmd|' /C calc'!A0 is not a formula here, only text on a page.</p></main>",
    '<meta name="description" content="StreamForge: video streaming for games.">',
)
STREAMFORGE_ABOUT = page(
    "About StreamForge",
    "<main><p>StreamForge was founded in 2015 in Lyon. The company does not operate its own "
    "data centres and rents cloud capacity instead. Our customers include indie game studios "
    "and large publishers.</p></main>",
)


def press_page(n: int) -> str:
    return page(
        f"Press review {n}",
        f"<p>Review {n}: StreamForge was founded by former game developers, says issue {n}.</p>",
    )


Site = dict[str, Callable[[Request], Response]]


def html(text: str, status: int = 200) -> Callable[[Request], Response]:
    return lambda _request: HTMLResponse(text, status)


def redirect(url: str) -> Callable[[Request], Response]:
    return lambda _request: RedirectResponse(url, 301)


def robots(text: str, status: int = 200) -> Callable[[Request], Response]:
    return lambda _request: PlainTextResponse(text, status)


def company(name: str) -> Callable[[Request], Response]:
    """A homepage that says enough about the company to be its description."""
    return html(
        page(
            name,
            f"<p>{name} makes things people want, and has done so for thirty years.</p>",
            f'<meta name="description" content="{name} makes things people want, since 1995.">',
        )
    )


def _cookie_then_redirect(_request: Request) -> Response:
    response = RedirectResponse("/welcome", 302)
    response.set_cookie("seen", "1")
    return response


def _welcome_with_cookie(request: Request) -> Response:
    if request.cookies.get("seen") != "1":
        return HTMLResponse("cookies required", 403)
    return HTMLResponse(page("Cookie Co", "<p>Welcome back.</p>"))


def _cp1251(_request: Request) -> Response:
    return Response(CP1251_HOME.encode("cp1251"), media_type="text/html")


def _gzipped(_request: Request) -> Response:
    body = page("Gzip Co", "<p>Gzip Co compresses every page it serves, to save bandwidth.</p>")
    return Response(
        gzip.compress(body.encode()),
        media_type="text/html; charset=utf-8",
        headers={"Content-Encoding": "gzip"},
    )


def _huge(_request: Request) -> Response:
    async def body() -> AsyncIterator[bytes]:
        yield page(
            "Huge Pages Ltd",
            "",
            '<meta name="description" content="Huge Pages Ltd hosts very large documents.">',
        ).encode()[:-14]
        filler = b"<p>" + b"lorem ipsum " * 800 + b"</p>"
        for _ in range(2000):  # about 20 MB unless the client stops reading
            yield filler

    return StreamingResponse(body(), media_type="text/html; charset=utf-8")


SITES: dict[str, Site] = {
    "streamforge.com": {"/": html(STREAMFORGE_HOME), "/about": html(STREAMFORGE_ABOUT)},
    "gamepress.com": {f"/review{n}": html(press_page(n)) for n in range(1, 7)},
    "acme-rockets.com": {
        "/": html(ACME_HOME),
        "/about": html(page("About Acme", "<p>About Acme Rockets and its people.</p>")),
    },
    "blue-widgets.com": {
        "/": html(
            page(
                "Blue Widgets",
                "<p>short</p><a href='https://linkedin.com/company/Blue-Widgets?trk=x'>in</a>",
                '<meta property="og:description" content="Blue Widgets makes widgets that '
                'are blue, for factories across Europe.">',
            )
        )
    },
    "meta-corp.net": {
        "/": html(
            page(
                "Meta Corp",
                "<p>hi</p>",
                '<meta name="description" content="Meta Corp sells office furniture to '
                'startups in Berlin.">',
            )
        )
    },
    "plain-text-co.com": {
        "/": html(page("Plain Text Co", "<p>Welcome!</p><a href='/about-us'>About us</a>")),
        "/about-us": html(page("About", f"<main><p>{LONG_TEXT}</p></main>")),
    },
    "old-path.com": {
        "/": redirect("https://www.old-path.com/en/"),
        "/en/": html(page("Old Path Travel", "<p>Old Path Travel organises hiking trips.</p>")),
    },
    "oldbrand.com": {"/": redirect("https://newbrand.io/")},
    "newbrand.io": {
        "/": html(
            page(
                "NewBrand — cloud backups",
                "<p>NewBrand (formerly OldBrand) keeps backups of your servers safe in "
                "three regions.</p>",
            )
        )
    },
    "acquired-startup.com": {"/": redirect("https://megacorp.com/")},
    "megacorp.com": {
        "/": html(
            page("MegaCorp | Enterprise software", "<p>MegaCorp sells enterprise software.</p>")
        )
    },
    # Old domains whose new site writes the old name with no rename wording around it, or
    # lists it among its group's companies.
    "kestrel-tools.com": {"/": redirect("https://harbourline.io/")},
    "harbourline.io": {
        "/": html(
            page(
                "Harbourline Instruments",
                "<p>Harbourline Instruments calibrates laboratory scales for hospitals.</p>"
                "<p>Kestrel Tools · Harbourline Instruments · Cork</p>",
            )
        )
    },
    "wrenfield-labs.com": {"/": redirect("https://ardmore-holdings.com/")},
    "ardmore-holdings.com": {
        "/": html(
            page(
                "Ardmore Holdings",
                "<p>Ardmore Holdings invests in manufacturing across Ireland.</p>"
                "<p>Our companies: Wrenfield Labs, Ardmore Foods.</p>",
            )
        )
    },
    "parked-domain.com": {
        "/": html(
            page("parked-domain.com", "<p>This domain is for sale! Buy this domain today.</p>")
        )
    },
    "gone-site.com": {"/": html(page("Not Found", "<p>404</p>"), 404)},
    "broken-server.com": {"/": html(page("Error", "<p>oops</p>"), 503)},
    "huge-site.com": {"/": _huge},
    "gzip-co.com": {"/": _gzipped},
    "pdf-only.com": {
        "/": lambda _r: Response(b"%PDF-1.4 \x00\xff binary", media_type="application/pdf")
    },
    "russian-co.ru": {"/": _cp1251},
    "http-only.org": {
        "/": html(
            page("HTTP Only Org", "<p>HTTP Only Org repairs bicycles in Leeds since 1990.</p>")
        )
    },
    "zenith-analytics.com": {
        "/": html(
            page(
                "Zenith Analytics — the data platform for retailers",
                "<p>Zenith Analytics helps retailers forecast demand with machine learning "
                "and data pipelines.</p><a href='https://www.linkedin.com/company/zenith-analytics'>in</a>",
                '<meta property="og:site_name" content="Zenith Analytics">',
            )
        )
    },
    "zenith-tours.com": {
        "/": html(page("Zenith Tours | Travel agency", "<p>Holidays in Spain and Italy.</p>"))
    },
    "robots-closed.com": {
        "/": company("Closed Co"),
        "/robots.txt": robots("User-agent: *\nDisallow: /\n"),
    },
    "robots-agents.com": {
        "/": company("Agents Co"),
        "/private": html(page("Private", "<p>private</p>")),
        "/robots.txt": robots(
            "User-agent: DossierBot\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n"
        ),
    },
    "robots-about.com": {
        "/": html(page("Robots About Ltd", "<p>Welcome.</p><a href='/about'>About us</a>")),
        "/about": html(page("About", f"<main><p>{LONG_TEXT}</p></main>")),
        "/robots.txt": robots("User-agent: *\nDisallow: /about\n"),
    },
    "robots-broken.com": {"/": company("Broken Robots"), "/robots.txt": robots("oops", 503)},
    "robots-throttled.com": {"/": company("Throttled"), "/robots.txt": robots("slow", 429)},
    "robots-forbidden.com": {"/": company("Forbidden"), "/robots.txt": robots("no", 403)},
    "robots-moved.com": {
        "/": company("Moved Robots"),
        "/secret": html(page("Secret", "<p>secret</p>")),
        "/robots.txt": redirect("https://www.robots-moved.com/rules.txt"),
        "/rules.txt": robots("User-agent: *\nDisallow: /secret\n"),
    },
    # Sets a cookie and redirects to a page that answers only with it, as cookie walls do.
    "cookie-check.com": {
        "/": _cookie_then_redirect,
        "/welcome": _welcome_with_cookie,
    },
    # The apex sends its homepage to www, whose robots.txt (the same file) disallows it.
    "robots-redirect.com": {
        "/": redirect("https://www.robots-redirect.com/home"),
        "/home": company("Redirect Robots"),
        "/robots.txt": robots("User-agent: *\nDisallow: /home\n"),
    },
    "robots-loop.com": {
        "/": company("Loop Robots"),
        "/robots.txt": lambda _r: RedirectResponse("/robots.txt?again", 302),
    },
    "leaky-redirect.com": {
        "/": redirect("http://169.254.169.254/latest/meta-data/iam/security-credentials/")
    },
    # Trust: namesakes, rebrands without evidence, doubtful candidates.
    "quiet-harbor.com": {
        "/": html(
            page(
                "Quiet Harbor | Marina services",
                "<p>Quiet Harbor runs marina services and boat storage in Portsmouth.</p>",
            )
        ),
        "/about": html(page("About Quiet Harbor", "<p>Family run since 1980.</p>")),
    },
    "fresh-name.com": {
        "/": html(
            page(
                "Fresh Name | Cloud storage",
                "<p>Fresh Name stores files. Customers such as Silent Rename trust us.</p>",
                '<meta property="og:site_name" content="Fresh Name">',
            )
        )
    },
    "nordlicht-werk.de": {
        "/": html(page("Nordlicht GmbH", "<p>Nordlicht GmbH baut Förderbänder.</p>"))
    },
    "kestrel-group.com": {
        "/": html(
            page(
                "Kestrel Group | Industrial holding",
                "<p>Our companies: Kestrel Robotics, Kestrel Logistics and Kestrel Energy.</p>",
                '<meta property="og:site_name" content="Kestrel Group">',
            )
        )
    },
    "kestrel-robotics.com": {
        "/": html(
            page(
                "Kestrel Robotics | Industrial arms",
                "<p>Kestrel Robotics builds industrial robot arms.</p>",
            )
        )
    },
    "tc-porto.pt": {
        "/": html(page("Tern Ceramics", "<p>Welcome. Tiles and more, made for you.</p>"))
    },
    "os-digital.net": {
        "/": html(page("Orbit Software", "<p>Welcome. We write software for you.</p>"))
    },
    # Left for review like os-digital.net, with what a row with a website gets once given.
    "lp-dispatch.net": {
        "/": html(
            page(
                "Lumen Parcel",
                "<nav><a href='/about'>About</a></nav><p>Welcome.</p>",
                '<meta property="og:description" content="Parcel tracking for small shops '
                'across Europe, from one dashboard.">',
            )
        ),
        "/about": html(
            page(
                "About Lumen Parcel",
                "<p>Lumen Parcel tracks parcels for small shops across Europe.</p>"
                "<p>Players follow parcels in our own game launcher.</p>"
                "<a href='https://www.linkedin.com/company/lumen-parcel'>in</a>",
            )
        ),
    },
    "gamenews.com": {
        "/launchers": html(
            page(
                "Publishers and their launchers",
                "<p>Acme Rockets surprised everyone: the company runs its own game launcher "
                "called AcmePlay for its rocket simulation games.</p>",
            )
        )
    },
}

SITES.update(PARKED_SITES)
SITES.update(NAMESAKE_SITES)
SITES.update(MARK_SITES)
SITES.update(TRANSLATED_SITES)
SITES.update(RENAMED_SITES)
SITES.update(MOVED_SITES)

# Requests received per (host, path), so tests can tell what was fetched and how often.
SERVED: Counter[tuple[str, str]] = Counter()


async def farm_app(scope: Scope, receive: Receive, send: Send) -> None:
    request = Request(scope, receive)
    host = (request.headers.get("host") or "").split(":")[0]
    SERVED[(host, request.url.path)] += 1
    if host == "slow-site.com":
        await asyncio.sleep(2)  # four times the fetch timeout the slow-page tests configure
    site = SITES.get(host.removeprefix("www.")) or {}
    handler = site.get(request.url.path)
    response = handler(request) if handler else HTMLResponse("not found", 404)
    await response(scope, receive, send)
