"""The benchmark's web as one process: every company site on one HTTPS port (a
certificate per group of sites, chosen by SNI), a forward proxy in front of it, and a
plain-HTTP port that reports the requests the sites answered.

Each answer waits `latency` seconds first (slow sites: `SLOW_S`), as a site across the
internet does; connections are kept alive as servers keep them.

    python -m bench.web.server CERT_DIR LATENCY COUNT  # prints "ports <proxy> <stats>"
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import ssl
import sys
from collections import Counter
from pathlib import Path

import trustme

from bench.web.companies import Company, about_page, companies, homepage
from tests.pipeline.fakes.proxy import ProxyState, Route, handler

SLOW_S = 2.5
GROUP = 50  # sites per certificate
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def issue_certificates(folder: Path, sites: list[Company]) -> dict[str, ssl.SSLContext]:
    """The test CA in `folder/ca.pem`, and a server context per host name."""
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    contexts: dict[str, ssl.SSLContext] = {}
    for start in range(0, len(sites), GROUP):
        hosts = [h for c in sites[start : start + GROUP] for h in (c.domain, f"www.{c.domain}")]
        path = folder / f"sites-{start}.pem"
        ca.issue_cert(*hosts).private_key_and_cert_chain_pem.write_to_path(str(path))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(path))
        contexts.update(dict.fromkeys(hosts, context))
    return contexts


class Sites:
    def __init__(self, sites: list[Company], latency: float) -> None:
        self.latency = latency
        self.by_host = {h: c for c in sites for h in (c.domain, f"www.{c.domain}")}
        self.requests: Counter[str] = Counter()
        self.hosts_seen: set[str] = set()

    def answer(self, host: str, path: str) -> tuple[str, list[str], bytes]:
        """Status line, headers and body for one GET; counts it by kind."""
        company = self.by_host.get(host)
        if company is None:
            return "404 Not Found", [], b""
        self.hosts_seen.add(company.domain)
        if host != company.canonical_host:
            self.requests["redirect"] += 1
            return (
                "301 Moved Permanently",
                [f"Location: https://{company.canonical_host}{path}"],
                b"",
            )
        if path == "/robots.txt":
            self.requests["robots"] += 1
            return "200 OK", ["Content-Type: text/plain"], ROBOTS
        if path == "/":
            self.requests["home"] += 1
            return "200 OK", ["Content-Type: text/html; charset=utf-8"], homepage(company).encode()
        if path.rstrip("/") == "/about":
            self.requests["about"] += 1
            html = about_page(company).encode()
            return "200 OK", ["Content-Type: text/html; charset=utf-8"], html
        self.requests["other"] += 1
        return "404 Not Found", ["Content-Type: text/html"], b"<html><body>Not found</body></html>"

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, ssl.SSLError, asyncio.IncompleteReadError):
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                _, target, _ = lines[0].split(" ", 2)
                headers = dict(
                    line.split(":", 1) for line in lines[1:] if ":" in line
                )  # names as sent
                host = next((v.strip() for k, v in headers.items() if k.lower() == "host"), "")
                host = host.split(":")[0]
                company = self.by_host.get(host)
                slow = company is not None and company.kind == "slow"
                await asyncio.sleep(SLOW_S if slow else self.latency)
                status, extra, body = self.answer(host, target.split("?")[0])
                writer.write(
                    "\r\n".join(
                        [f"HTTP/1.1 {status}", *extra, f"Content-Length: {len(body)}", "", ""]
                    ).encode()
                    + body
                )
                await writer.drain()
        writer.close()


async def stats(
    sites: Sites, proxy: ProxyState, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    """GET /stats: the counts so far (requests by kind, connections through the proxy);
    GET /reset: counts to zero."""
    with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
        head = await reader.readuntil(b"\r\n\r\n")
        if b"/reset" in head.split(b"\r\n")[0]:
            sites.requests.clear()
            sites.hosts_seen.clear()
            proxy.tunnels.clear()
        counts = {"requests": sites.requests, "connections": len(proxy.tunnels)}
        body = json.dumps(counts).encode()
        writer.write(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(body)
        )
        writer.write(body)
        await writer.drain()
    writer.close()


async def main(folder: Path, latency: float, count: int) -> None:
    sites = companies(count)
    contexts = issue_certificates(folder, sites)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)

    def pick(sock: ssl.SSLObject, name: str | None, _: ssl.SSLContext) -> None:
        if name in contexts:
            sock.context = contexts[name]

    tls.sni_callback = pick
    tls.load_cert_chain(str(folder / "sites-0.pem"))
    web = Sites(sites, latency)
    site_server = await asyncio.start_server(web.serve, "127.0.0.1", 0, ssl=tls, backlog=4096)
    site_port = site_server.sockets[0].getsockname()[1]
    routes = {
        host: Route(site_port, None)
        for c in sites
        if c.kind != "dead"
        for host in (c.domain, f"www.{c.domain}")
    }
    state = ProxyState(routes)
    proxy = await asyncio.start_server(handler(state), "127.0.0.1", 0, backlog=4096)
    counter = await asyncio.start_server(lambda r, w: stats(web, state, r, w), "127.0.0.1", 0)
    ports = [s.sockets[0].getsockname()[1] for s in (proxy, counter)]
    print(f"ports {ports[0]} {ports[1]}", flush=True)
    await asyncio.gather(
        site_server.serve_forever(), proxy.serve_forever(), counter.serve_forever()
    )


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])))
