"""Gateway settings: limits from the environment, no open API in production."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from gateway.settings import GatewaySettings
from shared.auth import hash_key

pytestmark = pytest.mark.unit

PRODUCTION: dict[str, Any] = {
    "environment": "production",
    "s3_secret_key": "a-real-secret",
    "amqp_url": "amqp://dossier:secret@rabbit:5672/",
    "download_token_secret": "x" * 32,
}


def test_production_without_api_keys_refuses_to_start() -> None:
    with pytest.raises(ValidationError, match="API keys are required"):
        GatewaySettings(**PRODUCTION, api_keys="")


def test_production_with_api_keys_starts() -> None:
    settings = GatewaySettings(**PRODUCTION, api_keys=f"acme:{hash_key('k')}")
    assert len(settings.load_api_keys()) == 1


def test_production_needs_a_download_token_secret_of_at_least_32_characters() -> None:
    keys = f"acme:{hash_key('k')}"
    missing = {**PRODUCTION, "download_token_secret": None}
    with pytest.raises(ValidationError, match="DOSSIER_DOWNLOAD_TOKEN_SECRET must be set"):
        GatewaySettings(**missing, api_keys=keys)
    with pytest.raises(ValidationError, match="at least 32 characters"):
        GatewaySettings(**{**PRODUCTION, "download_token_secret": "short"}, api_keys=keys)


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_MAX_UPLOAD_BYTES", "2048")
    monkeypatch.setenv("DOSSIER_MAX_ROWS", "10")
    monkeypatch.setenv("DOSSIER_MAX_CONTEXT_CHARS", "50")
    monkeypatch.setenv("DOSSIER_GATEWAY_PORT", "9123")
    settings = GatewaySettings()
    assert (settings.limits.max_upload_bytes, settings.limits.max_rows) == (2048, 10)
    assert settings.limits.max_context_chars == 50
    assert settings.gateway_port == 9123
