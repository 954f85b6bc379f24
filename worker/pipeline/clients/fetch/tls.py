"""The page fetcher's TLS context: the environment's CA file, and no site certificate
decoded into a dictionary that nothing reads.

After every handshake, asyncio's TLS transport (and uvloop's) asks for the site's
certificate as a dictionary (`getpeercert()`), to offer it as
`get_extra_info("peercert")`. The fetcher never asks: OpenSSL verifies the chain and the
host name inside the handshake. Decoding lists every name the certificate covers; on a
certificate shared by many hosts (hosting providers and CDNs put dozens on one) it costs
a tenth of the client's handshake (docs/performance.md, "CPU per row on uvloop").
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx2


class _SiteCertificateKept(ssl.SSLObject):
    """A TLS session whose peer certificate is kept in its binary form only: the
    dictionary form is empty, as for a certificate that was not decoded."""

    def getpeercert(self, binary_form: bool = False) -> Any:
        if binary_form:
            return super().getpeercert(True)
        return {}


def page_tls_context() -> ssl.SSLContext:
    """Verifying against SSL_CERT_FILE / SSL_CERT_DIR when set, the system's CAs otherwise."""
    context = httpx2.create_ssl_context(trust_env=True)
    context.sslobject_class = _SiteCertificateKept
    return context
