"""A local web reached the way services reach the real one: an ASGI app on loopback over
TLS (one certificate for all its names, from a new test CA) and plain HTTP, behind a
CONNECT proxy that routes those names to it. Give the services `HTTPS_PROXY=proxy_url`
and `SSL_CERT_FILE=ca_file`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import trustme
from starlette.types import ASGIApp

from tests.pipeline.fakes.proxy import ProxyState, Route, handler
from tests.pipeline.fakes.server import bound_socket, serve_app, serve_streams


@dataclass(frozen=True)
class HttpsWeb:
    ca_file: Path
    proxy_url: str
    proxy: ProxyState


@contextlib.contextmanager
def https_web(
    app: ASGIApp, hosts: Iterable[str], folder: Path, refused: Iterable[str] = ()
) -> Iterator[HttpsWeb]:
    """Names in `refused` are routed to a port where nothing listens: connection refused."""
    hosts = sorted(set(hosts))
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    ca.issue_cert(*hosts).private_key_and_cert_chain_pem.write_to_path(str(folder / "web.pem"))
    closed = bound_socket()  # bound, never listening
    try:
        with serve_app(app, folder / "web.pem") as tls_port, serve_app(app) as http_port:
            routes = {host: Route(tls_port, http_port) for host in hosts}
            nobody = int(closed.getsockname()[1])
            routes |= {host: Route(nobody, nobody) for host in refused}
            state = ProxyState(routes)
            with serve_streams(handler(state)) as proxy_port:
                yield HttpsWeb(folder / "ca.pem", f"http://127.0.0.1:{proxy_port}", state)
    finally:
        closed.close()
