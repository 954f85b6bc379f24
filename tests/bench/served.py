"""Reading a labelled web as the services would: following its redirects from a host, and
decoding a page by the charset it declares."""

from __future__ import annotations

import html
import re

import httpx

from bench.accuracy_web.model import Page, Web
from bench.accuracy_web.server import answer

_CHARSET = re.compile(rb"charset=[\"']?([\w-]+)", re.IGNORECASE)


def follow(web: Web, host: str, path: str = "/") -> tuple[str, Page]:
    """The URL a visit to `host` and `path` ends on, and the page served there."""
    for _ in range(5):
        page, _ = answer(web, host, path)
        if page.location is None:
            return f"https://{host}{path}", page
        target = httpx.URL(page.location)
        host, path = target.host, target.path
    raise AssertionError(f"redirect loop from {host}")


def text_of(page: Page) -> str:
    """The page's text in the charset its header or its markup declares."""
    declared = _CHARSET.search(page.content_type.encode()) or _CHARSET.search(page.body[:600])
    assert declared is not None, "every company page declares its charset"
    return html.unescape(page.body.decode(declared.group(1).decode()))
