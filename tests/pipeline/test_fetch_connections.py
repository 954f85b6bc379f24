"""The fetcher's connections: kept for the next page of a site, and never reused once the
site has closed them, whether or not it said it would."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest

from tests.pipeline.conftest import MakeSettings
from tests.pipeline.fakes.dns import FarmResolver
from worker.pipeline.build import web_fetcher

pytestmark = pytest.mark.unit


@dataclass
class Site:
    """A plain HTTP site; `close_after_answer` closes each connection after one answer
    without a `Connection: close` header, as some servers do when their idle timer fires."""

    close_after_answer: bool
    port: int = 0
    connections: int = 0
    answered: list[str] = field(default_factory=list)

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                self.answered.append(path)
                body = f"<html><title>page {path}</title></html>".encode()
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
                )
                await writer.drain()
                if self.close_after_answer:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()


@asynccontextmanager
async def running(site: Site) -> AsyncIterator[Site]:
    server = await asyncio.start_server(site.serve, "127.0.0.1", 0)
    site.port = server.sockets[0].getsockname()[1]
    async with server:
        yield site


@pytest.fixture
def direct(make_settings: MakeSettings, monkeypatch: pytest.MonkeyPatch) -> MakeSettings:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return make_settings


async def fetch_pages(settings: MakeSettings, site: Site, *paths: str) -> list[str]:
    fetcher, client = web_fetcher(settings(fetch_robots="off"), resolver=FarmResolver())
    async with client:
        texts = []
        for path in paths:
            page = await fetcher.fetch(f"http://site.example:{site.port}{path}")
            texts.append(page.text)
            await asyncio.sleep(0.05)  # the site's close, if any, arrives before the next page
        return texts


async def test_the_next_page_of_a_site_reuses_its_connection(direct: MakeSettings) -> None:
    async with running(Site(close_after_answer=False)) as site:
        home, about = await fetch_pages(direct, site, "/", "/about")
    assert "page /about" in about
    assert "page /" in home
    assert site.connections == 1


async def test_a_connection_the_site_closed_is_not_reused(direct: MakeSettings) -> None:
    async with running(Site(close_after_answer=True)) as site:
        texts = await fetch_pages(direct, site, "/", "/about", "/team")
    assert [t.split("page ")[1].split("<")[0] for t in texts] == ["/", "/about", "/team"]
    assert site.answered == ["/", "/about", "/team"]
    assert site.connections == 3
