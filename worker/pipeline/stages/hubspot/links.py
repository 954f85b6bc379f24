"""Record URLs for HubSpot_Company_ID; the portal id is asked once per worker process."""

from __future__ import annotations

import asyncio

from worker.pipeline.clients.hubspot.companies_api import HubSpotClient, HubSpotError


class RecordLinks:
    def __init__(self, client: HubSpotClient, app_url: str, portal_id: str) -> None:
        self._client = client
        self._app_url = app_url.rstrip("/")
        self._portal = portal_id or None
        self._lock = asyncio.Lock()
        self._asked = bool(portal_id)

    async def url(self, company_id: str) -> str:
        async with self._lock:
            if not self._asked:
                self._asked = True
                try:
                    self._portal = await self._client.portal_id() or None
                except HubSpotError:
                    self._portal = None  # the bare id still identifies the record
        if self._portal is None:
            return company_id
        return f"{self._app_url}/contacts/{self._portal}/company/{company_id}"
