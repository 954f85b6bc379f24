"""Session identifiers: time-ordered, so listing keys sorts sessions by creation."""

from __future__ import annotations

import re
import secrets
import time

SESSION_ID_PATTERN = r"^[0-9a-f]{32}$"
_SESSION_ID_RE = re.compile(SESSION_ID_PATTERN)
TENANT_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"
_TENANT_RE = re.compile(TENANT_PATTERN)


def new_session_id() -> str:
    """48-bit millisecond timestamp then 80 random bits, as 32 lowercase hex digits."""
    return f"{int(time.time() * 1000):012x}{secrets.token_hex(10)}"


def is_session_id(value: str) -> bool:
    return bool(_SESSION_ID_RE.fullmatch(value))


def is_tenant(value: str) -> bool:
    return bool(_TENANT_RE.fullmatch(value))
