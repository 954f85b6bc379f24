"""Settings of the HTTP gateway."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from shared.providers import ProviderSettings
from shared.settings import CommonSettings


# `GatewaySettings` inherits these fields, so each is read from its `DOSSIER_MAX_*` variable;
# the parsers get them alone, as `settings.limits`, and `/api/capabilities` shows them.
class Limits(BaseModel):
    """What one upload may hold."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    max_upload_bytes: int = 100 * 1024 * 1024
    max_rows: int = 1_000_000
    max_context_chars: int = 4_000
    # A spreadsheet cell longer than this is refused rather than stored.
    max_cell_chars: int = 10_000
    # A criteria file is a few hundred rows at most.
    max_criteria_bytes: int = 2 * 1024 * 1024


class GatewaySettings(CommonSettings, ProviderSettings, Limits):
    model_config = SettingsConfigDict(env_prefix="DOSSIER_", extra="ignore")

    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8000
    notifier_public_url: str = "ws://127.0.0.1:8001/ws"
    # Seconds between attempts to reach the broker when it was down at start.
    broker_retry_seconds: float = 2.0
    # Seconds a SIGTERM lets requests in flight finish; uploads still running are then
    # answered 503 and leave nothing stored. Keep it below the orchestrator's stop timeout.
    gateway_shutdown_grace_s: int = Field(default=5, ge=0)
    # Signs the short-lived links the dashboard downloads files with; every gateway replica
    # needs the same value. Outside production a random one per process is used when unset.
    download_token_secret: SecretStr | None = None
    # How long a download link stays valid, in seconds.
    download_token_ttl_seconds: int = 300

    # Seconds `POST /api/enrich` waits for a worker's answer before answering 504.
    enrich_timeout_s: float = Field(default=60.0, gt=0, le=600)
    # `POST /api/enrich` requests a minute per tenant, counted across every gateway replica.
    enrich_rate_per_minute: float = Field(default=60.0, gt=0)
    # `POST /api/enrich` requests a tenant may send at once before that rate applies.
    enrich_burst: int = Field(default=20, ge=1)

    @model_validator(mode="after")
    def _refuse_open_api_in_production(self) -> GatewaySettings:
        self.load_api_keys().refuse_open_access(self.environment)
        secret = self.download_token_secret
        if self.environment == "production" and secret is None:
            raise ValueError("DOSSIER_DOWNLOAD_TOKEN_SECRET must be set in production")
        if secret is not None and len(secret.get_secret_value()) < 32:
            raise ValueError("DOSSIER_DOWNLOAD_TOKEN_SECRET must be at least 32 characters")
        return self

    @property
    def limits(self) -> Limits:
        return Limits.model_validate(self.model_dump(include=set(Limits.model_fields)))
