"""Settings common to every service; each service extends `CommonSettings`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from shared.auth import ApiKeys
from shared.settings_sources import FileBackedSettings
from shared.topology import Topology

DEV_S3_SECRET = "dossier-dev-secret"  # noqa: S105  # development default, refused in production
DEV_AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"


class CommonSettings(FileBackedSettings):
    model_config = SettingsConfigDict(env_prefix="DOSSIER_", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    log_level: str = "INFO"
    log_format: Literal["auto", "json", "console"] = "auto"

    amqp_url: SecretStr = SecretStr(DEV_AMQP_URL)
    # Every exchange and queue name starts with this; tests use a unique one each.
    topology_prefix: str = "dossier"

    s3_endpoint: str = "127.0.0.1:8333"
    s3_access_key: str = "dossier"
    s3_secret_key: SecretStr = SecretStr(DEV_S3_SECRET)
    s3_secure: bool = False
    s3_region: str | None = None
    s3_bucket: str = "dossier"

    # API keys (see shared/auth.py): inline `tenant:sha256` pairs and/or a keys file.
    api_keys: str = ""
    api_keys_file: Path | None = None

    @model_validator(mode="after")
    def _refuse_default_secrets_in_production(self) -> CommonSettings:
        if self.environment == "production":
            if self.s3_secret_key.get_secret_value() == DEV_S3_SECRET:
                raise ValueError("DOSSIER_S3_SECRET_KEY must be set in production")
            if self.amqp_url.get_secret_value() == DEV_AMQP_URL:
                raise ValueError("DOSSIER_AMQP_URL must be set in production")
        return self

    def load_api_keys(self) -> ApiKeys:
        return ApiKeys.load(self.api_keys, self.api_keys_file)

    @property
    def topology(self) -> Topology:
        return Topology(self.topology_prefix)
