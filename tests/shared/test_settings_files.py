"""Settings read from one file per variable (Docker secrets), beside the environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError
from pydantic_settings import SettingsError

from gateway.settings import GatewaySettings
from shared import settings_sources
from shared.auth import hash_key
from shared.settings import DEV_S3_SECRET, CommonSettings
from worker.pipeline.settings import PipelineSettings
from worker.settings import WorkerSettings

pytestmark = pytest.mark.unit


@pytest.fixture
def secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty secrets folder named by DOSSIER_SECRETS_DIR, in an environment without
    any other DOSSIER_* variable."""
    for name in [name for name in os.environ if name.startswith("DOSSIER_")]:
        monkeypatch.delenv(name)
    folder = tmp_path / "secrets"
    folder.mkdir()
    monkeypatch.setenv("DOSSIER_SECRETS_DIR", str(folder))
    return folder


def write(folder: Path, **values: str) -> None:
    for name, value in values.items():
        (folder / name).write_text(value + "\n")


def test_a_secret_is_read_from_the_file_named_like_its_variable(secrets: Path) -> None:
    write(secrets, DOSSIER_S3_SECRET_KEY="from-a-file")
    assert CommonSettings().s3_secret_key.get_secret_value() == "from-a-file"


def test_the_environment_wins_over_a_file(secrets: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(secrets, DOSSIER_S3_SECRET_KEY="from-a-file")
    monkeypatch.setenv("DOSSIER_S3_SECRET_KEY", "from-the-environment")
    assert CommonSettings().s3_secret_key.get_secret_value() == "from-the-environment"


def test_without_files_the_environment_alone_still_configures_a_service(
    secrets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOSSIER_S3_ENDPOINT", "storage:8333")
    monkeypatch.setenv("DOSSIER_WORKER_CONCURRENCY", "7")
    settings = WorkerSettings()
    assert (settings.s3_endpoint, settings.concurrency) == ("storage:8333", 7)


def test_provider_keys_and_aliased_worker_settings_are_read_from_files(secrets: Path) -> None:
    write(secrets, DOSSIER_LLM_API_KEY="sk-file", DOSSIER_WORKER_SHUTDOWN_GRACE_S="90")
    assert PipelineSettings().llm_api_key.get_secret_value() == "sk-file"
    assert WorkerSettings().shutdown_grace_s == 90.0


def test_a_production_gateway_starts_with_every_secret_in_files(
    secrets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys_file = secrets / "api_keys"
    keys_file.write_text(f"# tenant sha256(key)\nacme {hash_key('k')}\n")
    write(
        secrets,
        DOSSIER_AMQP_URL="amqp://dossier:secret@rabbitmq:5672/",
        DOSSIER_S3_SECRET_KEY="a-real-secret",
        DOSSIER_DOWNLOAD_TOKEN_SECRET="d" * 64,
    )
    monkeypatch.setenv("DOSSIER_ENVIRONMENT", "production")
    monkeypatch.setenv("DOSSIER_API_KEYS_FILE", str(keys_file))
    settings = GatewaySettings()
    assert settings.amqp_url.get_secret_value() == "amqp://dossier:secret@rabbitmq:5672/"
    assert len(settings.load_api_keys()) == 1


def test_production_refuses_the_development_secret_even_from_a_file(
    secrets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        secrets,
        DOSSIER_AMQP_URL="amqp://dossier:secret@rabbitmq:5672/",
        DOSSIER_S3_SECRET_KEY=DEV_S3_SECRET,
    )
    monkeypatch.setenv("DOSSIER_ENVIRONMENT", "production")
    with pytest.raises(ValidationError, match="DOSSIER_S3_SECRET_KEY must be set"):
        CommonSettings()


def test_production_refuses_to_start_when_a_secret_file_is_missing(
    secrets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(secrets, DOSSIER_S3_SECRET_KEY="a-real-secret")
    monkeypatch.setenv("DOSSIER_ENVIRONMENT", "production")
    with pytest.raises(ValidationError, match="DOSSIER_AMQP_URL must be set"):
        CommonSettings()


def test_a_secrets_folder_that_does_not_exist_is_refused(
    secrets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOSSIER_SECRETS_DIR", str(secrets / "missing"))
    with pytest.raises(SettingsError, match="is not a directory"):
        CommonSettings()


def test_the_default_folder_is_read_when_present_and_ignored_when_absent(
    secrets: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOSSIER_SECRETS_DIR")
    monkeypatch.setattr(settings_sources, "DEFAULT_SECRETS_DIR", tmp_path / "absent")
    assert CommonSettings().s3_secret_key.get_secret_value() == DEV_S3_SECRET
    monkeypatch.setattr(settings_sources, "DEFAULT_SECRETS_DIR", secrets)
    write(secrets, DOSSIER_S3_SECRET_KEY="from-run-secrets")
    assert CommonSettings().s3_secret_key.get_secret_value() == "from-run-secrets"
