"""CPU of the client's side of a TLS handshake, as the page fetcher makes it, against the
same handshake with the site's certificate decoded (`getpeercert()`, as asyncio's and
uvloop's TLS transports ask after every handshake) and other client settings.

Client and server run in this process over memory BIOs, so the figure is OpenSSL's and
the ssl module's work alone; only the client's calls are timed (CPU time). Certificates
are ECDSA from a throwaway CA (trustme), naming 2 hosts (most sites) or 100 (a
certificate shared by many hosts, as the realistic web's are, 50 sites apiece).

    .venv/bin/python bench/tls_handshake.py [--handshakes 400] [--rounds 3]
"""

from __future__ import annotations

import argparse
import contextlib
import ssl
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trustme

from worker.pipeline.clients.fetch.tls import _SiteCertificateKept


def client_ms(client: ssl.SSLContext, server: ssl.SSLContext, host: str, count: int) -> float:
    """Client CPU per handshake, the decoding that the event loop asks for included."""
    used = 0.0
    for _ in range(count):
        to_server, from_server = ssl.MemoryBIO(), ssl.MemoryBIO()
        to_client, from_client = ssl.MemoryBIO(), ssl.MemoryBIO()
        site = server.wrap_bio(to_server, from_server, server_side=True)
        began = time.process_time()
        ours = client.wrap_bio(to_client, from_client, server_hostname=host)
        used += time.process_time() - began
        while True:
            began = time.process_time()
            try:
                ours.do_handshake()
                ours.getpeercert()
                used += time.process_time() - began
                break
            except ssl.SSLWantReadError:
                used += time.process_time() - began
            to_server.write(from_client.read())
            with contextlib.suppress(ssl.SSLWantReadError):
                site.do_handshake()
            to_client.write(from_server.read())
    return used * 1000 / count


def clients(ca: trustme.CA) -> dict[str, Callable[[], ssl.SSLContext]]:
    def decoded() -> ssl.SSLContext:
        context = ssl.create_default_context()
        ca.configure_trust(context)
        return context

    def kept() -> ssl.SSLContext:
        context = decoded()
        context.sslobject_class = _SiteCertificateKept
        return context

    def tls12() -> ssl.SSLContext:
        context = kept()
        context.maximum_version = ssl.TLSVersion.TLSv1_2
        return context

    def unverified() -> ssl.SSLContext:
        context = kept()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context

    return {
        "certificate decoded (before)": decoded,
        "certificate kept in binary form (the fetcher)": kept,
        "the same, TLS 1.2 at most": tls12,
        "the same, not verified (for comparison only)": unverified,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handshakes", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ca = trustme.CA()
    print(f"{ssl.OPENSSL_VERSION}; client CPU ms per handshake, median of {args.rounds} rounds")
    print("| names on the certificate | client | ms | ÷ decoded |")
    print("| --- | --- | --- | --- |")
    for names in (2, 100):
        hosts = [f"site{i}.example" for i in range(names)]
        server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert(*hosts).configure_cert(server)
        found: dict[str, list[float]] = {name: [] for name in clients(ca)}
        for _ in range(args.rounds):  # the clients take turns within a round
            for name, make in clients(ca).items():
                found[name].append(client_ms(make(), server, hosts[0], args.handshakes))
        base = statistics.median(next(iter(found.values())))
        for name, runs in found.items():
            ms = statistics.median(runs)
            print(f"| {names} | {name} | {ms:.3f} | {ms / base:.2f} |")


if __name__ == "__main__":
    main()
