"""The tenant's webhook (default URL and signing secret) and a session's delivery log."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from gateway.deps import ServicesDep, SessionKeysDep, SessionStateDep, StoreDep, TenantDep
from gateway.json_body import read_json
from gateway.openapi.faults import (
    BODY_TOO_LARGE,
    ON_SESSION,
    STORAGE_UNAVAILABLE,
    UNAUTHORIZED,
    UNKNOWN_PARAMETER,
    WEBHOOK_REFUSED,
    errors,
)
from gateway.webhooks.config import WebhookSettingsStore
from shared.errors import NotFound
from shared.layout import SessionKeys
from shared.storage.protocol import ObjectStore
from shared.webhooks.model import DeliveryAttempt, DeliveryLog, WebhookConfig
from shared.webhooks.urls import check_webhook_url

router = APIRouter(prefix="/api", tags=["webhooks"])


class WebhookRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(
        description="The default URL of the caller's sessions; null: no default"
    )


class WebhookView(BaseModel):
    url: str | None = Field(description="Called when a session without its own URL ends")
    secret: str = Field(
        description="Signs every webhook: `X-Dossier-Signature` is `sha256=` and the hex "
        "HMAC-SHA256 of `<X-Dossier-Timestamp>.<body>` with this secret"
    )

    @classmethod
    def of(cls, config: WebhookConfig) -> WebhookView:
        return cls(url=config.url, secret=config.secret)


class RoundDeliveries(BaseModel):
    retry_round: int = Field(
        description="0: the session's own end; k > 0: the end of its retry round k"
    )
    url: str
    event: str
    delivered: bool
    attempts: list[DeliveryAttempt]

    @classmethod
    def of(cls, record: DeliveryLog) -> RoundDeliveries:
        return cls(
            retry_round=record.retry_round,
            url=record.url,
            event=record.event,
            delivered=record.delivered,
            attempts=record.attempts,
        )


class WebhookDeliveries(BaseModel):
    url: str | None = Field(description="The URL called; null when the session has no webhook")
    event: str | None = Field(None, description="The latest end announced (see `retry_round`)")
    delivered: bool = False
    attempts: list[DeliveryAttempt] = Field(
        default_factory=list, description="The attempts of the latest end announced"
    )
    retry_round: int | None = Field(
        None, description="The round whose end the fields above describe; null: none yet"
    )
    rounds: list[RoundDeliveries] = Field(
        default_factory=list,
        description="Every end announced so far, the session's own first, then each retry "
        "round's, each with all its attempts",
    )


_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": WebhookRequest.model_json_schema()}},
    }
}


def _settings(services: ServicesDep, tenant: TenantDep) -> WebhookSettingsStore:
    return WebhookSettingsStore(services.store, tenant)


SettingsDep = Annotated[WebhookSettingsStore, Depends(_settings)]
ON_TENANT = (UNAUTHORIZED, UNKNOWN_PARAMETER, STORAGE_UNAVAILABLE)


@router.get(
    "/webhook",
    summary="The caller's default webhook URL and signing secret (made on first read)",
    responses=errors(*ON_TENANT),
)
async def get_webhook(settings: SettingsDep) -> WebhookView:
    return WebhookView.of(await settings.ensure())


@router.put(
    "/webhook",
    summary="Set or clear the caller's default webhook URL",
    openapi_extra=_BODY,
    responses=errors(*ON_TENANT, BODY_TOO_LARGE, WEBHOOK_REFUSED),
)
async def put_webhook(
    settings: SettingsDep, request: Request, services: ServicesDep
) -> WebhookView:
    body = await read_json(request, WebhookRequest)
    allow = services.settings.fetch_allow_private_networks
    url = check_webhook_url(body.url, allow) if body.url is not None else None
    return WebhookView.of(await settings.set_url(url))


@router.get(
    "/sessions/{session_id}/webhook_deliveries",
    summary="Every attempt to call the session's webhook, for its end and each retry round's",
    responses=errors(*ON_SESSION),
)
async def webhook_deliveries(
    state: SessionStateDep, keys: SessionKeysDep, store: StoreDep
) -> WebhookDeliveries:
    rounds = range(state.retry_round + 1)
    found = await asyncio.gather(*(_round_log(store, keys.in_round(k)) for k in rounds))
    records = [RoundDeliveries.of(record) for record in found if record is not None]
    if not records:
        return WebhookDeliveries(url=state.manifest.options.webhook_url)
    latest = records[-1]
    return WebhookDeliveries(
        url=latest.url,
        event=latest.event,
        delivered=latest.delivered,
        attempts=latest.attempts,
        retry_round=latest.retry_round,
        rounds=records,
    )


async def _round_log(store: ObjectStore, keys: SessionKeys) -> DeliveryLog | None:
    try:
        return await store.get_model(keys.webhook_deliveries, DeliveryLog)
    except NotFound:
        return None  # no webhook, or that end not announced yet
