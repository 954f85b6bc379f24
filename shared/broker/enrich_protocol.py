"""Single-company requests answered by a worker within a timeout: what the gateway's
enrich route needs of the broker."""

from __future__ import annotations

from typing import Protocol

from shared.enrich import EnrichReply, EnrichRequest


class EnrichTimeout(Exception):
    """No worker answered within the timeout."""


class Enricher(Protocol):
    async def ask(self, request: EnrichRequest, timeout_s: float) -> EnrichReply:
        """Raises EnrichTimeout, or ConnectionError when the broker is unreachable."""

    async def close(self) -> None: ...
