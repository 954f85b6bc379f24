"""Short-lived signed tokens that let a plain link download one session's files.

A browser cannot add an `Authorization` header to a link it follows, and fetching a large
file into a blob holds all of it in the page's memory. A token names the tenant, the
session and an expiry, signed with HMAC-SHA256, so the gateway can check it without
storing anything. It grants read access to that one session's downloads and nothing else.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass

from shared.ids import is_session_id, is_tenant


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class DownloadTokens:
    def __init__(
        self, secret: bytes, ttl_seconds: int, clock: Callable[[], float] = time.time
    ) -> None:
        if len(secret) < 16:
            raise ValueError("the download token secret must be at least 16 bytes")
        self._secret = secret
        self._ttl = ttl_seconds
        self._clock = clock

    def _sign(self, payload: bytes) -> str:
        return _b64(hmac.new(self._secret, payload, hashlib.sha256).digest())

    def issue(self, tenant: str, session_id: str) -> IssuedToken:
        expires_at = int(self._clock()) + self._ttl
        payload = f"{tenant}:{session_id}:{expires_at}".encode()
        return IssuedToken(f"{_b64(payload)}.{self._sign(payload)}", expires_at)

    def tenant_for(self, token: str, session_id: str) -> str | None:
        """The tenant the token was issued to, if it is genuine, unexpired and for this session."""
        encoded, _, signature = token.partition(".")
        try:
            payload = _unb64(encoded)
        except (binascii.Error, ValueError):
            return None
        # Bytes, not text: compare_digest refuses non-ASCII text instead of answering False.
        if not hmac.compare_digest(signature.encode(), self._sign(payload).encode()):
            return None
        tenant, _, rest = payload.decode(errors="replace").partition(":")
        token_session, _, expiry = rest.partition(":")
        if not (is_tenant(tenant) and is_session_id(token_session) and expiry.isdigit()):
            return None
        if token_session != session_id or int(expiry) < self._clock():
            return None
        return tenant
