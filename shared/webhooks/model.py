"""The tenant's webhook settings, the body a webhook carries, and its delivery log."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.lifecycle import SessionStatus
from shared.models import Counters

SIGNATURE_HEADER = "X-Dossier-Signature"
TIMESTAMP_HEADER = "X-Dossier-Timestamp"
EVENT_HEADER = "X-Dossier-Event"


class _Record(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


class WebhookConfig(_Record):
    """`tenants/<tenant>/webhook.json`, written by the gateway: the default URL of the
    tenant's sessions and the secret every webhook of the tenant is signed with."""

    url: str | None = None
    secret: str
    updated_at: datetime


class WebhookEvent(_Record):
    """The JSON body of a webhook (`v` changes only with an incompatible body)."""

    v: Literal[1] = 1
    event: Literal["session.completed", "session.failed", "session.cancelled"]
    session_id: str
    status: SessionStatus
    finished_at: datetime
    counters: Counters
    reason: str | None = None
    # 0: the session's own run ended; k > 0: its retry round k ended (the status and
    # counters are then the whole session's after that round).
    retry_round: int = 0


class DeliveryAttempt(_Record):
    attempt: int
    at: datetime
    # The receiver's HTTP status; None when no answer came (refused, timed out, blocked).
    status_code: int | None = None
    error: str = ""
    ms: int = 0


class DeliveryLog(_Record):
    """`sessions/<id>/webhook/deliveries.json` (round k: `retries/<k>/webhook/...`),
    rewritten after each attempt by the one worker that claimed the delivery."""

    url: str
    event: str
    retry_round: int = 0
    delivered: bool = False
    attempts: list[DeliveryAttempt] = Field(default_factory=list)


class WebhookClaim(_Record):
    """`sessions/<id>/webhook/claim.json` (round k: `retries/<k>/webhook/claim.json`):
    taken with a conditional write by the worker that delivers, so a session (or a retry
    round) finalized twice is announced once, and every round's end is announced."""

    claimed_at: datetime
