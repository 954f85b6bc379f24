"""One ASGI app answering for every host of the labelled web, by its Host header: company
sites, LinkedIn (a sign-in wall for anonymous visitors), directories and aggregators."""

from __future__ import annotations

import asyncio
import html
from urllib.parse import quote, urlsplit

from starlette.types import Receive, Scope, Send

from bench.accuracy_web.model import Doc, Page, Web

LINKEDIN_HOSTS = ("www.linkedin.com", "linkedin.com")
_AUTHWALL = (
    "<!doctype html><html><head><title>Sign Up | LinkedIn</title></head><body>"
    "<h1>Join LinkedIn</h1><p>Sign in to see who you already know at this company.</p>"
    "<form><input name=session_key><input name=session_password type=password>"
    "<button>Sign in</button></form><a href=/signup>Join now</a></body></html>"
)


def listing_hosts(web: Web) -> set[str]:
    """Hosts of the directory and aggregator documents (both with and without www.)."""
    listed = [doc for doc in web.docs if doc.kind in ("directory", "aggregator")]
    hosts = {urlsplit(doc.url).hostname or "" for doc in listed}
    return hosts | {host.removeprefix("www.") for host in hosts}


def all_hosts(web: Web) -> list[str]:
    """Every name the web answers for (dead names excluded)."""
    live = {host for host, site in web.sites.items() if site.dead != "dns"}
    return sorted(live | listing_hosts(web) | set(LINKEDIN_HOSTS))


def _html(body: str, status: int = 200) -> Page:
    return Page(body.encode(), status=status)


def _listing(web: Web, host: str, path: str) -> Page:
    host = host.removeprefix("www.")
    for doc in web.docs:
        parts = urlsplit(doc.url)
        if (parts.hostname or "").removeprefix("www.") == host and parts.path == path:
            return _html(_doc_page(doc))
    title = f"{host} - company directory"
    return _html(
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>Search millions of company profiles.</p></body></html>"
    )


def _doc_page(doc: Doc) -> str:
    return (
        f"<html><head><title>{html.escape(doc.title)}</title></head><body>"
        f"<h1>{html.escape(doc.title)}</h1><p>{html.escape(doc.snippet)}</p></body></html>"
    )


def _linkedin(host: str, path: str) -> Page:
    if path == "/robots.txt":
        return Page(b"User-agent: *\nDisallow: /\n", "text/plain")
    if host != "www.linkedin.com":
        return Page(status=301, location=f"https://www.linkedin.com{path}")
    if path.startswith("/authwall"):
        return _html(_AUTHWALL)
    target = quote(f"https://www.linkedin.com{path}", safe="")
    return Page(status=302, location=f"https://www.linkedin.com/authwall?sessionRedirect={target}")


def answer(web: Web, host: str, path: str) -> tuple[Page, float]:
    """The page for `host` and `path`, and how long to hold it back."""
    if host in LINKEDIN_HOSTS:
        return _linkedin(host, path), 0.0
    site = web.sites.get(host)
    if site is None:
        if path == "/robots.txt":
            return Page(b"", "text/plain", status=404), 0.0
        return _listing(web, host, path), 0.0
    if site.redirect_to:
        return Page(status=301, location=site.redirect_to.rstrip("/") + path), 0.0
    if site.status is not None:
        return _html("<html><body>Service Unavailable</body></html>", site.status), site.delay
    page = site.pages.get(path) or site.pages.get(path.rstrip("/") or "/")
    if page is None:
        return _html("<html><body>Not found</body></html>", 404), site.delay
    return page, site.delay


def web_app(web: Web):  # type: ignore[no-untyped-def]
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode().split(":")[0].lower()
        page, delay = answer(web, host, scope["path"])
        if delay:
            await asyncio.sleep(delay)
        out = [
            (b"content-type", page.content_type.encode()),
            (b"content-length", str(len(page.body)).encode()),
        ]
        if page.location:
            out.append((b"location", page.location.encode()))
        await send({"type": "http.response.start", "status": page.status, "headers": out})
        await send({"type": "http.response.body", "body": page.body})

    return app
