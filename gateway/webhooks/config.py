"""The tenant's webhook settings (`tenants/<tenant>/webhook.json`): a default URL and the
signing secret. The gateway is their one writer; the secret is made once, on first need."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.errors import NotFound
from shared.layout import webhook_config_key
from shared.storage.protocol import ObjectStore
from shared.webhooks.model import WebhookConfig
from shared.webhooks.signing import new_secret


class WebhookSettingsStore:
    def __init__(self, store: ObjectStore, tenant: str) -> None:
        self._store = store
        self._key = webhook_config_key(tenant)

    async def find(self) -> WebhookConfig | None:
        try:
            return await self._store.get_model(self._key, WebhookConfig)
        except NotFound:
            return None

    async def ensure(self) -> WebhookConfig:
        """The settings, made with a new secret and no default URL when there are none;
        of two requests making them at once, one secret wins and both see it."""
        made = WebhookConfig(secret=new_secret(), updated_at=datetime.now(UTC))
        if await self._store.put_model_if_absent(self._key, made):
            return made
        found = await self.find()
        return found if found is not None else made

    async def set_url(self, url: str | None) -> WebhookConfig:
        current = await self.ensure()
        updated = current.model_copy(update={"url": url, "updated_at": datetime.now(UTC)})
        await self._store.put_model(self._key, updated)
        return updated
