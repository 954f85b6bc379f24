"""Page fetching with limits on time, size and redirects, through the process's proxy.

The client trusts the environment (HTTP(S)_PROXY, NO_PROXY, SSL_CERT_FILE). Redirects are
followed by hand so every hop passes the host gate and the chain is recorded. Time spent
waiting at the gate (politeness) does not count against the fetch timeout: a site that
answers slowly is a fact about the site, a wait for our own budget is not.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx2

from worker.pipeline.clients.fetch.decode import decode_body, is_html
from worker.pipeline.clients.fetch.politeness import HostGate
from worker.pipeline.clients.retry import Transient, retrying
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
    """Why a URL could not be fetched: kind is dns, tls, timeout, http, unreachable, ..."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail

    @property
    def reason(self) -> str:
        return self.detail if self.kind == "http" else f"{self.kind}: {self.detail}"


@dataclass(frozen=True)
class FetchLimits:
    timeout_s: float
    max_bytes: int
    max_redirects: int
    attempts: int
    max_wait_s: float


class Fetcher:
    def __init__(
        self,
        client: httpx2.AsyncClient,
        gate: HostGate,
        limits: FetchLimits,
        metrics: PipelineMetrics = NO_METRICS,
    ) -> None:
        self._client = client
        self._gate = gate
        self._limits = limits
        self._metrics = metrics

    async def get(self, url: str) -> FetchedPage:
        try:
            page = await self._get(url)
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

    async def _get(self, url: str) -> FetchedPage:
        attempts = retrying(
            self._limits.attempts,
            self._limits.max_wait_s,
            lambda: self._metrics.retried("fetch"),
        )
        async for attempt in attempts:
            with attempt:
                try:
                    async with asyncio.timeout(self._limits.timeout_s) as deadline:
                        return await self._follow(url, deadline)
                except TimeoutError as error:
                    raise Transient("timeout") from error
        raise AssertionError("unreachable")  # retrying() re-raises the last error

    async def fetch(self, url: str) -> FetchedPage:
        """`get` with transient failures turned into a FetchError."""
        try:
            return await self.get(url)
        except Transient as error:
            raise FetchError(_transient_kind(error), _transient_detail(error)) from error

    async def _follow(self, url: str, deadline: asyncio.Timeout) -> FetchedPage:
        chain: list[str] = []
        current = url
        for _ in range(self._limits.max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError("invalid_url", current)
            # The fetch's clock stops while this hop waits at the gate.
            when = deadline.when()
            deadline.reschedule(None)
            async with self._gate.hold(parts.hostname) as waited:
                deadline.reschedule(None if when is None else when + waited)
                self._metrics.budget_waited("host", waited)
                page_or_location = await self._one(url, current, chain)
            if isinstance(page_or_location, FetchedPage):
                return page_or_location
            chain.append(current)
            current = urljoin(current, page_or_location)
        raise FetchError("redirects", f"more than {self._limits.max_redirects} redirects")

    async def _one(self, requested: str, url: str, chain: list[str]) -> FetchedPage | str:
        try:
            async with self._client.stream("GET", url) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    return response.headers["location"]
                if response.status_code in _RETRY_STATUSES:
                    raise Transient(f"HTTP {response.status_code}")
                if response.status_code >= 400:
                    raise FetchError("http", f"HTTP {response.status_code}")
                body, truncated = await self._read(response)
        except httpx2.TimeoutException as error:
            raise Transient("timeout") from error
        except httpx2.ProxyError as error:
            raise FetchError("unreachable", f"proxy refused the connection ({error})") from error
        except httpx2.ConnectError as error:
            raise _connect_error(error) from error
        except httpx2.HTTPError as error:
            raise FetchError("unreachable", str(error) or type(error).__name__) from error
        content_type = response.headers.get("content-type", "")
        return FetchedPage(
            requested_url=requested,
            url=url,
            status=response.status_code,
            redirects=tuple(chain),
            content_type=content_type,
            text=decode_body(body, content_type) if is_html(content_type) else "",
            truncated=truncated,
        )

    async def _read(self, response: httpx2.Response) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():  # decompressed: the limit caps what we hold
            chunks.append(chunk)
            size += len(chunk)
            if size >= self._limits.max_bytes:
                return b"".join(chunks)[: self._limits.max_bytes], True
        return b"".join(chunks), False


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
