"""The page fetcher's TLS context verifies as the default one does, without decoding the
site's certificate."""

from __future__ import annotations

import contextlib
import ssl
from pathlib import Path

import pytest
import trustme

from worker.pipeline.clients.fetch.tls import page_tls_context

pytestmark = pytest.mark.unit


def _handshake(client: ssl.SSLContext, server: ssl.SSLContext, name: str) -> ssl.SSLObject:
    to_server, from_server = ssl.MemoryBIO(), ssl.MemoryBIO()
    to_client, from_client = ssl.MemoryBIO(), ssl.MemoryBIO()
    site = server.wrap_bio(to_server, from_server, server_side=True)
    ours = client.wrap_bio(to_client, from_client, server_hostname=name)
    for _ in range(10):
        try:
            ours.do_handshake()
            return ours
        except ssl.SSLWantReadError:
            pass
        to_server.write(from_client.read())
        with contextlib.suppress(ssl.SSLWantReadError):
            site.do_handshake()
        to_client.write(from_server.read())
    raise AssertionError("the handshake did not finish")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ssl.SSLContext, bytes]:
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    cert = ca.issue_cert("acme.example", "www.acme.example")
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server)
    der = ssl.PEM_cert_to_DER_cert(cert.cert_chain_pems[0].bytes().decode())
    return server, der


def test_site_certificate_is_kept_in_binary_form_only(site: tuple[ssl.SSLContext, bytes]) -> None:
    server, der = site
    session = _handshake(page_tls_context(), server, "www.acme.example")
    assert session.getpeercert(binary_form=True) == der
    assert session.getpeercert() == {}


def test_certificate_for_another_host_is_refused(site: tuple[ssl.SSLContext, bytes]) -> None:
    server, _ = site
    with pytest.raises(ssl.SSLCertVerificationError, match="Hostname mismatch"):
        _handshake(page_tls_context(), server, "other.example")


def test_certificate_from_an_unknown_authority_is_refused(
    site: tuple[ssl.SSLContext, bytes],
) -> None:
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trustme.CA().issue_cert("www.acme.example").configure_cert(server)
    with pytest.raises(ssl.SSLCertVerificationError, match="unable to get local issuer"):
        _handshake(page_tls_context(), server, "www.acme.example")
