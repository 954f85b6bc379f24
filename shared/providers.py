"""Settings of the external providers, read by workers (to call them) and by the gateway
(to refuse options the deployment cannot honour)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.settings_sources import FileBackedSettings


class Capabilities(BaseModel):
    search: bool
    llm: bool
    hubspot: bool

    @property
    def deep_search(self) -> bool:
        return self.search and self.llm

    @property
    def qualification(self) -> bool:
        # Criteria whose place is a search fall back to the company's own pages without a
        # search provider; only the model is indispensable.
        return self.llm


class ProviderSettings(FileBackedSettings):
    model_config = SettingsConfigDict(env_prefix="DOSSIER_", extra="ignore")

    search_provider: Literal["none", "serper", "searxng"] = "none"
    search_url: str = ""
    search_api_key: SecretStr = SecretStr("")

    llm_base_url: str = ""
    llm_api_key: SecretStr = SecretStr("")
    llm_model: str = ""

    hubspot_base_url: str = "https://api.hubapi.com"
    hubspot_token: SecretStr = SecretStr("")

    # Let page fetches and webhooks reach loopback, private (10/8, 172.16/12, 192.168/16,
    # fc00::/7), CGNAT and documentation addresses: for tests and lab installs whose sites
    # are local. Link-local (cloud metadata), multicast and reserved addresses stay refused.
    fetch_allow_private_networks: bool = False

    def capabilities(self) -> Capabilities:
        return Capabilities(
            search=self.search_provider != "none" and bool(self.search_url),
            llm=bool(self.llm_base_url and self.llm_model),
            hubspot=bool(self.hubspot_token.get_secret_value()),
        )
