"""What can go wrong when talking to Dossier, as exceptions a caller can tell apart.

DossierError            every failure of this package
  ApiError              the API answered {code, message} (or an unexpected status)
  Unreachable           the gateway or the notifier did not answer at all
  ConfigError           no API key or a malformed config file
"""

from __future__ import annotations

import contextlib
from typing import Any

import httpx


class DossierError(Exception):
    """Every failure of the client; `str()` is a one-line message for people."""


class ApiError(DossierError):
    """An error answer of the API: its machine-readable `code`, human `message` and HTTP
    `status` (0 for errors the notifier sent over the WebSocket)."""

    def __init__(self, code: str, message: str, status: int = 0) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status


class Unreachable(DossierError):
    """The service could not be reached (refused, timed out, closed unexpectedly)."""


class ConfigError(DossierError):
    """The client cannot be configured: no API key, or a config file that cannot be read."""


def error_from_response(response: httpx.Response) -> ApiError:
    """The API's `{code, message}` body as an exception; a body of another shape (a proxy's
    HTML page, say) still gives the status and a code derived from it."""
    body: Any = None
    with contextlib.suppress(ValueError):
        body = response.json()
    if isinstance(body, dict) and isinstance(body.get("code"), str):
        return ApiError(body["code"], str(body.get("message", "")), response.status_code)
    reason = response.reason_phrase or "error"
    text = response.text.strip().splitlines()[0][:200] if response.text.strip() else reason
    return ApiError(f"http_{response.status_code}", text, response.status_code)


def raise_for_error(response: httpx.Response) -> None:
    if response.is_error:
        raise error_from_response(response)
