"""Each service's settings built the way its container builds them, from what a deployment
(docker-compose.yml, a Kubernetes overlay) gives it: environment variables and files."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

import pytest
from pydantic_settings import BaseSettings

from shared.auth import hash_key

SECRETS_DIR = "DOSSIER_SECRETS_DIR"

# What a deployment must give each service: the defaults of these point at a developer's
# machine (127.0.0.1, development secrets), listen on loopback only, or let anyone in.
COMMON_REQUIRED = {
    "DOSSIER_ENVIRONMENT",
    "DOSSIER_AMQP_URL",
    "DOSSIER_S3_ENDPOINT",
    "DOSSIER_S3_ACCESS_KEY",
    "DOSSIER_S3_SECRET_KEY",
}
REQUIRED_SETTINGS: dict[str, set[str]] = {
    "gateway": COMMON_REQUIRED
    | {
        "DOSSIER_GATEWAY_HOST",
        "DOSSIER_NOTIFIER_PUBLIC_URL",
        "DOSSIER_DOWNLOAD_TOKEN_SECRET",
        "DOSSIER_API_KEYS_FILE",
    },
    "notifier": COMMON_REQUIRED | {"DOSSIER_NOTIFIER_HOST", "DOSSIER_API_KEYS_FILE"},
    "worker": COMMON_REQUIRED | {"DOSSIER_WORKER_HEALTH_PORT"},
}

# Values that pass every production check, for secrets whose real value a test cannot see.
PLACEHOLDER_SECRETS = {
    "DOSSIER_AMQP_URL": "amqp://dossier:not-a-default@broker:5672/",
    "DOSSIER_S3_ACCESS_KEY": "dossier",
    "DOSSIER_S3_SECRET_KEY": "s" * 40,
    "DOSSIER_DOWNLOAD_TOKEN_SECRET": "d" * 64,
}
PLACEHOLDER_API_KEYS = f"# tenant sha256(key)\nacme {hash_key('placeholder')}\n"


def settings_classes(service: str) -> tuple[type[BaseSettings], ...]:
    from gateway.settings import GatewaySettings
    from notifier.settings import NotifierSettings
    from worker.pipeline.settings import PipelineSettings
    from worker.settings import WorkerSettings

    classes: dict[str, tuple[type[BaseSettings], ...]] = {
        "gateway": (GatewaySettings,),
        "notifier": (NotifierSettings,),
        "worker": (WorkerSettings, PipelineSettings),
    }
    return classes[service]


def placeholder(path: str, env: Mapping[str, str]) -> str:
    """A stand-in for the secret file at `path` in the container."""
    if path == env.get("DOSSIER_API_KEYS_FILE"):
        return PLACEHOLDER_API_KEYS
    # Unknown names are optional provider keys: empty leaves the provider off.
    return PLACEHOLDER_SECRETS.get(PurePosixPath(path).name, "")


def provided(env: Mapping[str, str], files: Mapping[str, str]) -> set[str]:
    """Variables given as environment values or as files in the secrets folder."""
    folder = env.get(SECRETS_DIR)
    in_folder = {
        PurePosixPath(path).name for path in files if str(PurePosixPath(path).parent) == folder
    }
    return set(env) | in_folder


def build_settings(
    service: str,
    env: Mapping[str, str],
    files: Mapping[str, str],
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> list[BaseSettings]:
    """Settings of `service` given the container's environment and files (path in the
    container -> content). The files are laid out under `root`; paths in the environment
    that point into them are moved along."""

    def local(path: str) -> str:
        return str(root / path.lstrip("/"))

    for path, content in files.items():
        target = Path(local(path))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content)
    for name in [name for name in os.environ if name.startswith("DOSSIER_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        if name == SECRETS_DIR or (name.endswith("_FILE") and value.startswith("/")):
            value = local(value)
            if name == SECRETS_DIR:
                Path(value).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, value)
    return [settings() for settings in settings_classes(service)]
