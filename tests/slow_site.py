"""A website on loopback addresses that answers slowly, so a session stays running."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class SlowSite:
    """Every page answers after `delay` seconds, or at once when the site stops."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.requests = 0
        # When each request arrived (time.monotonic), and the most answered at once.
        self.arrivals: list[float] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.urls: list[str] = []
        self.released = threading.Event()
        self._lock = threading.Lock()

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with site._lock:
                    site.requests += 1
                    site.arrivals.append(time.monotonic())
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                # Waits on an event, not a sleep, so stopping the site frees every request.
                site.released.wait(site.delay)
                with site._lock:
                    site.in_flight -= 1
                body = b"<html><head><title>Slow company</title></head><body>Hi</body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler


@contextlib.contextmanager
def slow_sites(delay: float, count: int) -> Iterator[tuple[SlowSite, list[str]]]:
    """`count` servers on distinct loopback addresses (127.0.0.2, ...), one per company:
    the pipeline treats one address as one domain, and would fetch a shared one only once.
    Yields the shared request counter and each server's base URL."""
    site = SlowSite(delay)
    hosts = [f"127.0.0.{n + 2}" for n in range(count)]
    servers = [ThreadingHTTPServer((host, 0), site.handler()) for host in hosts]
    threads = []
    for server in servers:
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        threads.append(thread)
    try:
        ports = [server.server_address[1] for server in servers]
        site.urls = [f"http://{host}:{port}" for host, port in zip(hosts, ports, strict=True)]
        yield site, site.urls
    finally:
        site.released.set()
        for server, thread in zip(servers, threads, strict=True):
            server.shutdown()
            server.server_close()
            thread.join(5)
