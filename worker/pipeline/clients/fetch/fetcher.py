"""Page fetching with limits on time, size and redirects, through the process's proxy.

The client comes from transport.py: every connection it makes passes the address guard.
Redirects are followed by hand so every hop passes the host gate and, where the scope
asks it (robots.py), robots.txt, and the chain is recorded. Time spent
waiting at the gate (politeness) does not count against the fetch timeout: a site that
answers slowly is a fact about the site, a wait for our own budget is not.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx2

from worker.pipeline.clients.fetch import robots
from worker.pipeline.clients.fetch.decode import decode_body, is_html
from worker.pipeline.clients.fetch.guard import Blocked
from worker.pipeline.clients.fetch.pacing import HostPaused
from worker.pipeline.clients.fetch.politeness import HostGate
from worker.pipeline.clients.fetch.resolver import UnresolvableHost
from worker.pipeline.clients.fetch.robots import RobotsFile, RobotsRules, RobotsScope
from worker.pipeline.clients.retry import Transient, retry_after_seconds, retrying
from worker.pipeline.metrics import NO_METRICS, PipelineMetrics

_REDIRECTS = {301, 302, 303, 307, 308}
_RETRY_STATUSES = {429, 502, 503, 504}


@dataclass(frozen=True)
class FetchedPage:
    requested_url: str
    url: str
    status: int
    redirects: tuple[str, ...]
    content_type: str
    text: str
    truncated: bool


class FetchError(Exception):
    """Why a URL could not be fetched: kind is dns, tls, timeout, http, unreachable,
    blocked (an address fetches may not reach), robots (robots.txt says no), throttled
    (the site asked for a longer pause than a request may wait), ..."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail

    @property
    def reason(self) -> str:
        return self.detail if self.kind in ("http", "robots") else f"{self.kind}: {self.detail}"


@dataclass(frozen=True)
class FetchLimits:
    timeout_s: float
    max_bytes: int
    max_redirects: int
    attempts: int
    max_wait_s: float


@dataclass(frozen=True)
class _Answer:
    status: int
    location: str | None
    content_type: str
    body: bytes
    truncated: bool
    retry_after_s: float | None = None


class Fetcher:
    def __init__(
        self,
        client: httpx2.AsyncClient,
        gate: HostGate,
        limits: FetchLimits,
        metrics: PipelineMetrics = NO_METRICS,
        robots_token: str | None = None,
        robots_scope: RobotsScope = RobotsScope.STRICT,
    ) -> None:
        """`robots_token` is the product token robots.txt groups are matched against;
        None (or the scope `off`) fetches without asking robots.txt."""
        self._client = client
        self._gate = gate
        self._limits = limits
        self._metrics = metrics
        self._robots = (
            RobotsRules(robots_token, self._robots_file)
            if robots_token is not None and robots_scope is not RobotsScope.OFF
            else None
        )
        self._user_pages_ask = robots_scope is RobotsScope.STRICT

    async def get(self, url: str, *, user_triggered: bool = False) -> FetchedPage:
        """`user_triggered`: the user asked for this page (the website a row names, or a
        candidate checked as the row's website); it and its redirects ask robots.txt
        only in the strict scope."""
        ask = self._robots is not None and (self._user_pages_ask or not user_triggered)
        try:
            page = await self._get(url, ask)
        except FetchError as error:
            self._metrics.page_fetched(error.kind)
            raise
        except Transient as error:
            self._metrics.page_fetched(_transient_kind(error))
            raise
        if page.truncated:
            self._metrics.page_fetched("too_large")
        else:
            self._metrics.page_fetched("redirected" if page.redirects else "ok")
        return page

    async def _get(self, url: str, ask_robots: bool) -> FetchedPage:
        attempts = retrying(
            self._limits.attempts,
            self._limits.max_wait_s,
            lambda: self._metrics.retried("fetch"),
        )
        async for attempt in attempts:
            with attempt:
                _host(url)
                if ask_robots:
                    # Outside the page's time: robots.txt of a new site is a fetch of its own.
                    await self._allowed(url)
                try:
                    async with asyncio.timeout(self._limits.timeout_s) as deadline:
                        return await self._follow(url, deadline, ask_robots)
                except TimeoutError as error:
                    raise Transient("timeout") from error
        raise AssertionError("unreachable")  # retrying() re-raises the last error

    async def fetch(self, url: str, *, user_triggered: bool = False) -> FetchedPage:
        """`get` with transient failures turned into a FetchError."""
        try:
            return await self.get(url, user_triggered=user_triggered)
        except Transient as error:
            raise FetchError(_transient_kind(error), _transient_detail(error)) from error

    async def _follow(self, url: str, deadline: asyncio.Timeout, ask_robots: bool) -> FetchedPage:
        chain: list[str] = []
        current = url
        # Cookies live as long as one fetch: a site that sets one and redirects to check it
        # gets it back; none is kept for later fetches (transport.py keeps none either).
        cookies = httpx2.Cookies()
        for _ in range(self._limits.max_redirects + 1):
            host = _host(current)
            try:
                if chain and ask_robots:
                    await self._allowed(current)
                # The fetch's clock stops while this hop waits at the gate.
                when = deadline.when()
                deadline.reschedule(None)
                async with self._gate.hold(host) as waited:
                    deadline.reschedule(None if when is None else when + waited)
                    self._metrics.budget_waited("host", waited)
                    answer = await self._timed_request(
                        host, current, self._limits.max_bytes, cookies
                    )
            except HostPaused as error:
                raise FetchError("throttled", str(error)) from error
            except FetchError as error:
                if error.kind == "blocked" and chain:
                    raise _redirected(error, chain[-1], current) from error
                raise
            if answer.location is not None:
                chain.append(current)
                current = urljoin(current, answer.location)
                continue
            if answer.status in _RETRY_STATUSES:
                raise Transient(f"HTTP {answer.status}", answer.retry_after_s)
            if answer.status >= 400:
                raise FetchError("http", f"HTTP {answer.status}")
            return FetchedPage(
                requested_url=url,
                url=current,
                status=answer.status,
                redirects=tuple(chain),
                content_type=answer.content_type,
                text=decode_body(answer.body, answer.content_type)
                if is_html(answer.content_type)
                else "",
                truncated=answer.truncated,
            )
        raise FetchError("redirects", f"more than {self._limits.max_redirects} redirects")

    async def _allowed(self, url: str) -> None:
        if self._robots is None:
            return
        refusal = await self._robots.refusal(url)
        if refusal:
            raise FetchError("robots", refusal)

    async def _robots_file(self, url: str) -> RobotsFile:
        """robots.txt at `url`, its redirects followed; network failures raise as for
        pages, so a site that cannot be reached says why."""
        chain: list[str] = []
        current = url
        try:
            async with asyncio.timeout(self._limits.timeout_s):
                for _ in range(robots.MAX_REDIRECTS + 1):
                    try:
                        host = _host(current)
                        async with self._gate.hold(host):
                            answer = await self._timed_request(host, current, robots.MAX_BYTES)
                    except HostPaused as error:
                        raise FetchError("throttled", str(error)) from error
                    except FetchError as error:
                        if error.kind == "invalid_url":
                            return RobotsFile()  # redirected off the web: no robots.txt
                        if error.kind == "blocked" and chain:
                            raise _redirected(error, chain[-1], current) from error
                        raise
                    if answer.location is None:
                        return _robots_answer(answer)
                    chain.append(current)
                    current = urljoin(current, answer.location)
        except TimeoutError as error:
            raise Transient("timeout") from error
        return RobotsFile()  # too many redirects: as if there were none (RFC 9309, 2.3.1.2)

    async def _timed_request(
        self, host: str, url: str, max_bytes: int, cookies: httpx2.Cookies | None = None
    ) -> _Answer:
        """`_request`, its status and duration told to the gate: a host's pace follows
        how it answers (a request cut by the timeout counts as a slow answer)."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            answer = await self._request(url, max_bytes, cookies)
        except BaseException:
            self._gate.answered(host, None, loop.time() - started)
            raise
        self._gate.answered(host, answer.status, loop.time() - started, answer.retry_after_s)
        return answer

    async def _request(
        self, url: str, max_bytes: int, cookies: httpx2.Cookies | None = None
    ) -> _Answer:
        """One GET; a redirect answer carries its Location, bodies stop at `max_bytes`.
        `cookies`: sent with the request, and given those the answer sets."""
        try:
            request = self._client.build_request("GET", url)
            if cookies:
                cookies.set_cookie_header(request)
            response = await self._client.send(request, stream=True)
            async with contextlib.aclosing(response):
                if cookies is not None:
                    cookies.extract_cookies(response)
                status = response.status_code
                if status in _REDIRECTS and "location" in response.headers:
                    return _Answer(status, response.headers["location"], "", b"", False)
                body, truncated = b"", False
                if status < 400:
                    body, truncated = await _read(response, max_bytes)
                retry_after = None
                if status in _RETRY_STATUSES:
                    retry_after = retry_after_seconds(response.headers.get("retry-after"))
                content_type = response.headers.get("content-type", "")
                return _Answer(status, None, content_type, body, truncated, retry_after)
        except Blocked as error:
            raise FetchError("blocked", str(error)) from error
        except httpx2.InvalidURL as error:
            raise FetchError("invalid_url", url) from error
        except UnresolvableHost as error:
            raise FetchError("dns", "host name does not resolve") from error
        except httpx2.TimeoutException as error:
            raise Transient("timeout") from error
        except httpx2.ProxyError as error:
            raise FetchError("unreachable", f"proxy refused the connection ({error})") from error
        except httpx2.ConnectError as error:
            raise _connect_error(error) from error
        except httpx2.HTTPError as error:
            raise FetchError("unreachable", str(error) or type(error).__name__) from error


async def _read(response: httpx2.Response, max_bytes: int) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():  # decompressed: the limit caps what we hold
        chunks.append(chunk)
        size += len(chunk)
        if size >= max_bytes:
            return b"".join(chunks)[:max_bytes], True
    return b"".join(chunks), False


def _host(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("invalid_url", url)
    return parts.hostname


def _redirected(error: FetchError, source: str, url: str) -> FetchError:
    """A refusal met on a redirect names it: the address came from the site."""
    return FetchError("blocked", f"{source} redirects to {url}: {error.detail}")


def _robots_answer(answer: _Answer) -> RobotsFile:
    if answer.status == 429 or answer.status >= 500:
        raise Transient(f"robots.txt answered HTTP {answer.status}")
    if answer.status >= 300:
        return RobotsFile()  # no robots.txt: full access
    return RobotsFile.parse(answer.body.decode("utf-8", errors="replace"))


def _connect_error(error: httpx2.ConnectError) -> FetchError:
    text = str(error)
    cause = error.__context__
    if isinstance(cause, ssl.SSLError) or "CERTIFICATE" in text or "SSL" in text:
        return FetchError("tls", text or "TLS handshake failed")
    lowered = text.lower()
    if "name or service" in lowered or "nodename" in lowered or "getaddrinfo" in lowered:
        return FetchError("dns", "host name does not resolve")
    return FetchError("unreachable", text or "connection failed")


def _transient_kind(error: Transient) -> str:
    return "timeout" if error.reason == "timeout" else "http"


def _transient_detail(error: Transient) -> str:
    return "no answer in time" if error.reason == "timeout" else error.reason
