"""robots.txt (RFC 9309): the rules of each origin, parsed by protego, kept for a day.

What a fetch of robots.txt gives decides access (RFC 9309, 2.3.1): a file is parsed; a
4xx answer (or more than five redirects) means no rules, full access. A 5xx or 429
answer, or a robots.txt that cannot be reached at all (timeout, DNS, TLS, refused),
means complete disallow: the page fetch fails with that reason, is tried again as a
page would be, and nothing is kept, so the next page asks again. Rules are kept for a
day in the worker process, the origins used last kept first (at most 4096): each worker
asks a site once a day.

Which fetches ask first is the scope (docs/decisions/0010-robots-txt-for-crawled-pages.md):
by default the pages the worker goes on to by itself (an About page, search results),
not the website a row names, which the user asked to be checked.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from protego import Protego

DAY_S = 86_400.0
MAX_BYTES = 500 * 1024  # the least a parser must read (RFC 9309, 2.5)
MAX_REDIRECTS = 5
_ORIGINS_KEPT = 4096
_PRODUCT = re.compile(r"([A-Za-z_-]+)/")


class RobotsScope(StrEnum):
    """Which page fetches ask robots.txt first."""

    # Every page, the website a row names too.
    STRICT = "strict"
    # The pages the worker goes on to by itself: an About page, search results, links. The
    # website a row names (or a candidate checked as its website) and its redirects are
    # fetched as the user's own request, as a browser would fetch them.
    CRAWLED = "crawled"
    # None: for lists of the user's own sites.
    OFF = "off"


@dataclass(frozen=True)
class RobotsFile:
    """The rules of one robots.txt; none when the site has no robots.txt."""

    rules: Protego | None = None

    @classmethod
    def parse(cls, text: str) -> RobotsFile:
        return cls(rules=Protego.parse(text))

    def allows(self, url: str, token: str) -> bool:
        return self.rules is None or self.rules.can_fetch(url, token)


Loader = Callable[[str], Awaitable[RobotsFile]]


def product_token(user_agent: str) -> str:
    """The name robots.txt groups address: `DossierBot` in
    `Mozilla/5.0 (compatible; DossierBot/1.0)`, the first product that is not Mozilla."""
    products = _PRODUCT.findall(user_agent)
    named = [p for p in products if p.lower() != "mozilla"] or products
    if named:
        return str(named[0])
    word = re.match(r"[A-Za-z_-]+", user_agent.strip())
    return word.group(0) if word else "*"


def origin_of(url: str) -> str:
    """Scheme, host and port: what one robots.txt governs."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return f"{scheme}://{parts.hostname or ''}:{port}"


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.rpartition('@')[2]}/robots.txt"


class RobotsRules:
    def __init__(
        self,
        token: str,
        load: Loader,
        clock: Callable[[], float] = time.monotonic,
        kept: int = _ORIGINS_KEPT,
    ) -> None:
        self._token = token
        self._load = load
        self._clock = clock
        self._kept = kept
        self._files: OrderedDict[str, tuple[float, RobotsFile]] = OrderedDict()
        self._loading: dict[str, asyncio.Lock] = {}

    async def refusal(self, url: str) -> str | None:
        """Why robots.txt keeps `url` from being fetched, or None when it may be."""
        robots = await self._file(origin_of(url), robots_url(url))
        return None if robots.allows(url, self._token) else f"robots.txt disallows {url}"

    def _cached(self, origin: str) -> RobotsFile | None:
        entry = self._files.get(origin)
        if entry is None or entry[0] <= self._clock():
            return None
        self._files.move_to_end(origin)  # the least recently used go first
        return entry[1]

    async def _file(self, origin: str, location: str) -> RobotsFile:
        cached = self._cached(origin)
        if cached is not None:
            return cached
        # One fetch per origin: the rows of a chunk often share a site.
        lock = self._loading.setdefault(origin, asyncio.Lock())
        try:
            async with lock:
                cached = self._cached(origin)
                if cached is not None:
                    return cached
                robots = await self._load(location)
                self._keep(origin, robots)
                return robots
        finally:
            if not lock.locked() and self._loading.get(origin) is lock:
                del self._loading[origin]

    def _keep(self, origin: str, robots: RobotsFile) -> None:
        self._files[origin] = (self._clock() + DAY_S, robots)
        self._files.move_to_end(origin)
        while len(self._files) > self._kept:
            self._files.popitem(last=False)
