"""The token format itself: expiry, session binding and the signing secret."""

from __future__ import annotations

import pytest

from gateway.download_tokens import DownloadTokens

pytestmark = pytest.mark.unit

SESSION = "a" * 32
OTHER = "b" * 32


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_token_is_good_until_it_expires_and_only_for_its_session() -> None:
    clock = Clock()
    tokens = DownloadTokens(b"s" * 32, ttl_seconds=60, clock=clock)
    issued = tokens.issue("acme", SESSION)
    assert issued.expires_at == 1_800_000_060
    assert tokens.tenant_for(issued.token, SESSION) == "acme"
    assert tokens.tenant_for(issued.token, OTHER) is None
    clock.now += 60
    assert tokens.tenant_for(issued.token, SESSION) == "acme"
    clock.now += 1
    assert tokens.tenant_for(issued.token, SESSION) is None


def test_a_token_signed_with_another_secret_is_refused() -> None:
    issued = DownloadTokens(b"one-secret-of-32-bytes-0123456789", 60).issue("acme", SESSION)
    other = DownloadTokens(b"two-secret-of-32-bytes-0123456789", 60)
    assert other.tenant_for(issued.token, SESSION) is None


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 16 bytes"):
        DownloadTokens(b"short", 60)


@pytest.mark.parametrize(
    "token", ["QQ.é", "é.é", "QQ.\x00", "\udcff.QQ", "Ω" * 600, ".", "..", "QQ==.QQ"]
)
def test_a_malformed_token_is_refused_not_an_error(token: str) -> None:
    assert DownloadTokens(b"s" * 32, 60).tenant_for(token, SESSION) is None
