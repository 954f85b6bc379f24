"""A session's webhook URL: the form's `webhook_url`, else the tenant's default."""

from __future__ import annotations

from collections.abc import Mapping

from gateway.webhooks.config import WebhookSettingsStore
from shared.webhooks.urls import check_webhook_url


def webhook_from_form(form: Mapping[str, str], allow_private: bool) -> str | None:
    """The URL the form names, checked; None when it names none. Stores nothing."""
    raw = form.get("webhook_url", "").strip()
    return check_webhook_url(raw, allow_private) if raw else None


async def session_webhook(given: str | None, settings: WebhookSettingsStore) -> str | None:
    """The URL the session calls; with one, the tenant's secret exists from then on."""
    if given is not None:
        await settings.ensure()
        return given
    found = await settings.find()
    return found.url if found is not None else None
