"""The fetcher's HTTP/1.1 transport on the answers sites send: bodies framed by chunks, by
length or by the close of the connection, informational answers first, a body cut short,
and which of these leave the connection for the next page."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx2
import pytest

from tests.pipeline.conftest import MakeSettings
from tests.pipeline.fakes.dns import FarmResolver
from worker.pipeline.build import web_fetcher
from worker.pipeline.clients.fetch.fetcher import FetchError

pytestmark = pytest.mark.unit

PAGE = b"<html><title>chunked page</title><p>" + b"word " * 3000 + b"</p></html>"


def chunked(body: bytes, size: int = 1000) -> bytes:
    parts = [
        b"%x;ext=1\r\n%b\r\n" % (len(body[i : i + size]), body[i : i + size])
        for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\nX-Trailer: yes\r\n\r\n"


ANSWERS = {
    "/chunked": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    + chunked(PAGE),
    "/continue": b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    b"Content-Length: 33\r\n\r\n<html><title>after</title></html>",
    "/until-close": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>unframed</title>",
    "/cut": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<title>",
    "/close": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
    b"Content-Length: 24\r\n\r\n<title>closing</title>\r\n",
    # Both framings: the chunks win, as RFC 9112 has it.
    "/chunked-and-length": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 7\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n" + chunked(PAGE),
    # What lax servers send: one length twice or as a list, a header folded over two lines.
    "/length-twice": b"HTTP/1.1 200 OK\r\nContent-Length: 33\r\nContent-Type: text/html\r\n"
    b"content-length: 33\r\n\r\n<html><title>after</title></html>",
    "/length-list": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 33, 33\r\n"
    b"\r\n<html><title>after</title></html>",
    "/folded": b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=windows-1251\r\n"
    b"X-Note: one\r\n\ttwo\r\nContent-Length: 6\r\n\r\n\xcf\xf0\xe8\xe2\xe5\xf2",
    "/lengths-differ": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 33\r\n"
    b"Content-Length: 40\r\n\r\n<html><title>after</title></html>",
    # Not HTTP at all, and a chunked body whose size line is not a number.
    "/garbage": b"SSH-2.0-OpenSSH_9.6\r\nContent-Type: text/html\r\n\r\n",
    "/bad-chunk": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
    b"\r\n5\r\n<html\r\nzz\r\nmore\r\n0\r\n\r\n",
}
CLOSES = {"/until-close", "/cut", "/close", "/garbage", "/bad-chunk", "/lengths-differ"}


@dataclass
class Site:
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
                writer.write(ANSWERS[path])
                await writer.drain()
                if path in CLOSES:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()


@asynccontextmanager
async def running() -> AsyncIterator[Site]:
    site = Site()
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


async def fetch(settings: MakeSettings, site: Site, *paths: str) -> list[str | FetchError]:
    fetcher, client = web_fetcher(settings(fetch_robots="off"), resolver=FarmResolver())
    found: list[str | FetchError] = []
    async with client:
        for path in paths:
            try:
                page = await fetcher.fetch(f"http://site.example:{site.port}{path}")
                found.append(page.text)
            except FetchError as error:
                found.append(error)
            await asyncio.sleep(0.05)  # the site's close, if any, arrives before the next page
    return found


async def test_a_chunked_body_is_read_whole_and_its_connection_kept(direct: MakeSettings) -> None:
    async with running() as site:
        first, second = await fetch(direct, site, "/chunked", "/chunked")
    assert first == second == PAGE.decode()
    assert site.connections == 1


async def test_chunks_win_over_a_content_length_beside_them(direct: MakeSettings) -> None:
    async with running() as site:
        page, after = await fetch(direct, site, "/chunked-and-length", "/chunked")
    assert page == after == PAGE.decode()


async def test_an_informational_answer_is_passed_over(direct: MakeSettings) -> None:
    async with running() as site:
        (page,) = await fetch(direct, site, "/continue")
    assert page == "<html><title>after</title></html>"


async def test_a_body_framed_by_the_close_is_read_and_the_next_page_connects_again(
    direct: MakeSettings,
) -> None:
    async with running() as site:
        unframed, closing, chunked_page = await fetch(
            direct, site, "/until-close", "/close", "/chunked"
        )
    assert (unframed, closing) == ("<title>unframed</title>", "<title>closing</title>\r\n")
    assert chunked_page == PAGE.decode()
    assert site.connections == 3


async def test_a_body_cut_short_is_an_error_and_its_connection_is_not_reused(
    direct: MakeSettings,
) -> None:
    async with running() as site:
        cut, page = await fetch(direct, site, "/cut", "/chunked")
    assert isinstance(cut, FetchError)
    assert cut.kind == "unreachable"
    assert page == PAGE.decode()
    assert site.connections == 2


@pytest.mark.parametrize("path", ["/garbage", "/bad-chunk", "/lengths-differ"])
async def test_a_malformed_answer_is_a_protocol_error_and_its_connection_is_not_reused(
    direct: MakeSettings, path: str
) -> None:
    async with running() as site:
        failed, page = await fetch(direct, site, path, "/chunked")
        _, client = web_fetcher(direct(fetch_robots="off"), resolver=FarmResolver())
        async with client:
            with pytest.raises(httpx2.RemoteProtocolError):
                await client.get(f"http://site.example:{site.port}{path}")
    assert site.answered.count(path) == 2  # sent, and not a missing answer
    assert isinstance(failed, FetchError)
    assert failed.kind == "unreachable"
    assert page == PAGE.decode()


async def test_a_repeated_length_and_folded_headers_are_read_as_browsers_read_them(
    direct: MakeSettings,
) -> None:
    async with running() as site:
        twice, listed, folded, page = await fetch(
            direct, site, "/length-twice", "/length-list", "/folded", "/chunked"
        )
    assert twice == listed == "<html><title>after</title></html>"
    assert folded == "Привет"  # the charset given on the folded line is the one used
    assert page == PAGE.decode()
    assert site.connections == 1
