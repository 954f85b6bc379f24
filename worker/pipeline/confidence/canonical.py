"""The homepage to report for a website: the site, not the page someone pasted."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from worker.pipeline.stages.page.page_facts import PageFacts

_LANGUAGE_ROOT = re.compile(r"^/([a-z]{2}([-_][a-z]{2})?/?)?$", re.IGNORECASE)


def site_root(url: str) -> str:
    """`https://x.com/about?ref=1` -> `https://x.com/`."""
    parts = urlsplit(url)
    return urlunsplit(((parts.scheme or "https").lower(), parts.netloc.lower(), "/", "", ""))


def is_deep(url: str) -> bool:
    """More than a site's root: a path, a query (a language root such as `/en/` is a root)."""
    parts = urlsplit(url)
    return bool(parts.query) or not _LANGUAGE_ROOT.match(parts.path or "/")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _declared(fetched: str, declared: str) -> str | None:
    """The declared URL, when it is a root of the host fetched; https kept if fetched so."""
    parts = urlsplit(declared)
    if parts.scheme not in ("http", "https") or _host(declared) != _host(fetched):
        return None
    if is_deep(declared):
        return None
    scheme = "https" if urlsplit(fetched).scheme == "https" else parts.scheme
    return urlunsplit((scheme, parts.netloc.lower(), parts.path or "/", "", ""))


def canonical_homepage(fetched: str, facts: PageFacts | None) -> str:
    """The homepage after redirects, as `rel=canonical` or `og:url` name it when they are
    a root of the host fetched; a deep page stands for its site's root."""
    if facts is not None:
        for declared in (facts.canonical_url, facts.og_url):
            found = _declared(fetched, declared) if declared else None
            if found:
                return found
    if is_deep(fetched):
        return site_root(fetched)
    parts = urlsplit(fetched)
    # Host names are case-insensitive: `ACME.COM/` as pasted is reported as `acme.com`.
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", "", ""))
