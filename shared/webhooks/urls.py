"""Whether a webhook URL may be called: http(s), a host, and not an address page fetches
may not reach (shared/addresses.py); names are resolved again when the call is made."""

from __future__ import annotations

from urllib.parse import urlsplit

from shared.addresses import ip_literal, refusal
from shared.errors import InvalidInput

MAX_URL_CHARS = 2_000
_LOCAL_NAMES = ("localhost", "localhost.localdomain")


def _refused(message: str) -> InvalidInput:
    return InvalidInput("invalid_webhook_url", message)


def check_webhook_url(url: str, allow_private: bool = False) -> str:
    """The URL, trimmed; raises InvalidInput (422, `invalid_webhook_url`) when refused."""
    text = url.strip()
    if len(text) > MAX_URL_CHARS:
        raise _refused(f"the webhook URL is longer than {MAX_URL_CHARS} characters")
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".").lower()
        _ = parts.port
    except ValueError:
        raise _refused("the webhook URL is not a valid URL") from None
    if parts.scheme not in ("http", "https") or not host:
        raise _refused("the webhook URL must be an http:// or https:// URL with a host")
    if parts.username or parts.password:
        raise _refused("the webhook URL must not carry a user name or password")
    address = ip_literal(host)
    if address is not None:
        why = refusal(address, allow_private)
        if why:
            raise _refused(f"the webhook URL points to {why}")
    elif not allow_private and (host in _LOCAL_NAMES or host.endswith(".localhost")):
        raise _refused("the webhook URL points to this machine")
    return text
