"""API keys: bearer tokens mapped to tenants, stored only as SHA-256 hashes.

Keys come from `DOSSIER_API_KEYS` (comma-separated `tenant:sha256hex` pairs) and/or a
keys file (`DOSSIER_API_KEYS_FILE`, one `tenant sha256hex` pair per line, `#` comments).
`hash_key` makes the hash of a new key: `python -m shared.auth <tenant>` prints a fresh
key and the line to add.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sys
from pathlib import Path

import structlog

from shared.ids import is_tenant

# The tenant of every caller while no API keys are configured (never in production).
ANONYMOUS_TENANT = "default"
log = structlog.get_logger()


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return "dsk_" + secrets.token_urlsafe(32)


class ApiKeys:
    def __init__(self, hashes: dict[str, str]) -> None:
        """`hashes` maps a key's SHA-256 hex digest to its tenant."""
        self._hashes = dict(hashes)

    @classmethod
    def load(cls, inline: str = "", keys_file: Path | None = None) -> ApiKeys:
        pairs: list[tuple[str, str]] = []
        for item in filter(None, (part.strip() for part in inline.split(","))):
            tenant, _, digest = item.partition(":")
            pairs.append((tenant.strip(), digest.strip()))
        if keys_file is not None:
            for line in keys_file.read_text().splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    tenant, _, digest = line.partition(" ")
                    pairs.append((tenant.strip(), digest.strip()))
        hashes: dict[str, str] = {}
        for tenant, digest in pairs:
            if not is_tenant(tenant) or len(digest) != 64:
                raise ValueError(f"malformed API key entry for tenant {tenant!r}")
            hashes[digest.lower()] = tenant
        return cls(hashes)

    def __len__(self) -> int:
        return len(self._hashes)

    def anonymous_tenant(self, environment: str) -> str | None:
        """The tenant every caller is when no keys are configured outside production;
        None when callers must present a key."""
        if len(self._hashes) == 0 and environment != "production":
            return ANONYMOUS_TENANT
        return None

    def refuse_open_access(self, environment: str) -> None:
        """Production never serves callers without keys: raise when none are configured."""
        if len(self._hashes) == 0 and environment == "production":
            raise ValueError(
                "API keys are required in production: set DOSSIER_API_KEYS or DOSSIER_API_KEYS_FILE"
            )

    def log_open_access(self, environment: str) -> None:
        if self.anonymous_tenant(environment) is not None:
            log.warning(
                "auth.disabled",
                reason=f"no API keys configured; every caller is {ANONYMOUS_TENANT!r}",
            )

    def tenant_for(self, key: str | None) -> str | None:
        if not key:
            return None
        digest = hash_key(key)
        for known, tenant in self._hashes.items():
            if hmac.compare_digest(known, digest):
                return tenant
        return None


if __name__ == "__main__":
    tenant = sys.argv[1] if len(sys.argv) > 1 else "default"
    key = new_key()
    print(f"key:  {key}\nline: {tenant} {hash_key(key)}")
